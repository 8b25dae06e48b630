/** The system administrator's account management (三员: 系统管理员). */
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { keysetPage } from "../../domain/paging.js";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { authorize } from "../../domain/access.js";
import { requirePermission } from "../../platform/access/require.js";
import { authOf } from "../../platform/access/request-auth.js";
import {
  AccountIdParamsSchema,
  AccountListQuerySchema,
  AccountListSchema,
  AccountSchema,
  CreateAccountRequestSchema,
  OneTimePasswordSchema,
  UpdateAccountRequestSchema,
} from "./contract.js";
import { accountQuery, presentAccount } from "./presenter.js";
import { createAccount, resetPassword, unlockAccount, updateAccount } from "./service.js";
import { AppError } from "../../domain/errors.js";
import { containsText } from "../../platform/db/like.js";

const tags = ["accounts"];

async function loadAccount(request: FastifyRequest, id: string) {
  const row = await accountQuery(request.server.db.kysely).where("account.id", "=", id).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { zh: "账号不存在", en: "No such account" });
  return presentAccount(row, authorize(authOf(request).actor, "account.manage"));
}

export function registerAccountRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/accounts",
    {
      schema: {
        tags,
        summary: "账号列表 / Accounts",
        querystring: AccountListQuerySchema,
        response: { 200: AccountListSchema },
      },
    },
    async (request) => {
      const actor = await requirePermission(request, "account.read");
      const { q, status, cursor, limit } = request.query;
      let query = accountQuery(app.db.kysely)
        .orderBy("account.username")
        .limit(limit + 1);
      if (cursor) query = query.where("account.username", ">", cursor);
      if (status) query = query.where("account.status", "=", status);
      if (q)
        query = query.where((eb) =>
          eb.or([containsText("account.username", q), containsText("account.display_name", q)]),
        );
      const rows = await query.execute();
      const page = keysetPage(rows, limit, (row) => row.username);
      const canManage = authorize(actor, "account.manage");
      return { items: page.rows.map((row) => presentAccount(row, canManage)), nextCursor: page.nextCursor };
    },
  );

  r.post(
    "/api/accounts",
    {
      schema: {
        tags,
        summary: "创建账号 / Create an account",
        body: CreateAccountRequestSchema,
        response: { 201: OneTimePasswordSchema },
      },
    },
    async (request, reply) => {
      await requirePermission(request, "account.manage", {}, { type: "account", id: null });
      const created = await createAccount(request, request.body);
      return reply
        .status(201)
        .send({ account: await loadAccount(request, created.id), oneTimePassword: created.oneTimePassword });
    },
  );

  r.get(
    "/api/accounts/:id",
    {
      schema: {
        tags,
        summary: "账号详情 / One account",
        params: AccountIdParamsSchema,
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      await requirePermission(request, "account.read", {}, { type: "account", id: request.params.id });
      return loadAccount(request, request.params.id);
    },
  );

  r.patch(
    "/api/accounts/:id",
    {
      schema: {
        tags,
        summary: "停用、启用或改名 / Disable, enable or rename",
        params: AccountIdParamsSchema,
        body: UpdateAccountRequestSchema,
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      await requirePermission(request, "account.manage", {}, { type: "account", id: request.params.id });
      await updateAccount(request, request.params.id, request.body);
      return loadAccount(request, request.params.id);
    },
  );

  r.post(
    "/api/accounts/:id/reset-password",
    {
      schema: {
        tags,
        summary: "重置为一次性密码 / Reset to a one-time password",
        params: AccountIdParamsSchema,
        response: { 200: OneTimePasswordSchema },
      },
    },
    async (request) => {
      await requirePermission(request, "account.manage", {}, { type: "account", id: request.params.id });
      const password = await resetPassword(request, request.params.id);
      return { account: await loadAccount(request, request.params.id), oneTimePassword: password };
    },
  );

  r.post(
    "/api/accounts/:id/unlock",
    { schema: { tags, summary: "解除锁定 / Unlock", params: AccountIdParamsSchema, response: { 200: AccountSchema } } },
    async (request) => {
      await requirePermission(request, "account.manage", {}, { type: "account", id: request.params.id });
      await unlockAccount(request, request.params.id);
      return loadAccount(request, request.params.id);
    },
  );
}
