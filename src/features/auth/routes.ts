/** Sign-in, sign-out, and each user's own security settings. */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { authOf } from "../../platform/access/request-auth.js";
import { clearedSessionCookie, isSecure, sessionCookie } from "../../platform/auth/cookies.js";
import { authenticate, describeSession } from "../../platform/http/auth-guard.js";
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  MeSchema,
  OwnSessionListSchema,
  PasswordConfirmRequestSchema,
  RecoveryCodesSchema,
  SessionIdParamsSchema,
  SessionStateSchema,
  TotpRequestSchema,
  TotpSetupSchema,
  PendingStepSchema,
} from "./contract.js";
import { presentMe } from "./me.js";
import {
  changePassword,
  confirmTotp,
  disableTotp,
  endOwnSession,
  renewRecoveryCodes,
  setUpTotp,
} from "./own-security.js";
import { signInWithCode, signInWithPassword, type Issued } from "./sign-in.js";

const tags = ["auth"];
const pending = { access: "pending" } as const;
const publicRoute = { access: "public" } as const;

/** Installs a new session cookie and answers with the state of the new session. */
async function answerWithSession(request: FastifyRequest, reply: FastifyReply, issued: Issued) {
  const app = request.server;
  const account = await app.db.kysely
    .selectFrom("account")
    .selectAll()
    .where("id", "=", issued.session.account_id)
    .executeTakeFirstOrThrow();
  const auth = await describeSession(app, issued.session, account, app.clock());
  reply.header("set-cookie", sessionCookie(issued.token, isSecure(request)));
  return { pending: auth.pending, csrfToken: issued.session.csrf_token };
}

export function registerAuthRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/auth/session",
    {
      config: publicRoute,
      schema: {
        tags,
        summary: "当前会话状态 / Current session state",
        response: {
          200: z.object({
            authenticated: z.boolean(),
            pending: z.array(PendingStepSchema),
            csrfToken: z.string().nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      const auth = await authenticate(request, reply);
      if (!auth || auth === "ended") return { authenticated: false, pending: [], csrfToken: null };
      return { authenticated: true, pending: auth.pending, csrfToken: auth.session.csrf_token };
    },
  );

  r.post(
    "/api/auth/login",
    {
      config: publicRoute,
      schema: { tags, summary: "登录 / Sign in", body: LoginRequestSchema, response: { 200: SessionStateSchema } },
    },
    async (request, reply) =>
      answerWithSession(
        request,
        reply,
        await signInWithPassword(request, request.body.username, request.body.password),
      ),
  );

  r.post(
    "/api/auth/totp",
    {
      config: pending,
      schema: {
        tags,
        summary: "输入动态验证码或恢复码 / Second factor",
        body: TotpRequestSchema,
        response: { 200: SessionStateSchema },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      return answerWithSession(
        request,
        reply,
        await signInWithCode(request, auth.session, auth.account, request.body.code),
      );
    },
  );

  r.post(
    "/api/auth/logout",
    { config: pending, schema: { tags, summary: "退出登录 / Sign out", response: { 204: z.null() } } },
    async (request, reply) => {
      const auth = authOf(request);
      await endOwnSession(request, auth, auth.session.public_id, "logout");
      reply.header("set-cookie", clearedSessionCookie(isSecure(request)));
      // Not "storage": it would also forget the user's language choice; nothing personal is kept in storage.
      reply.header("clear-site-data", '"cache", "cookies"');
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/me",
    { config: pending, schema: { tags, summary: "当前用户 / Who am I", response: { 200: MeSchema } } },
    (request) => presentMe(request, authOf(request)),
  );

  r.post(
    "/api/me/password",
    {
      config: pending,
      schema: {
        tags,
        summary: "修改密码 / Change password",
        body: ChangePasswordRequestSchema,
        response: { 200: SessionStateSchema },
      },
    },
    async (request, reply) => {
      const issued = await changePassword(
        request,
        authOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return answerWithSession(request, reply, issued);
    },
  );

  r.post(
    "/api/me/totp/setup",
    {
      config: pending,
      schema: { tags, summary: "开始设置两步验证 / Start TOTP enrolment", response: { 200: TotpSetupSchema } },
    },
    async (request) => {
      const auth = authOf(request);
      mustNotHaveCodePending(auth.pending);
      return setUpTotp(request, auth);
    },
  );

  r.post(
    "/api/me/totp/confirm",
    {
      config: pending,
      schema: {
        tags,
        summary: "确认两步验证 / Confirm TOTP enrolment",
        body: TotpRequestSchema,
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) => {
      const auth = authOf(request);
      mustNotHaveCodePending(auth.pending);
      return confirmTotp(request, auth, request.body.code);
    },
  );

  r.post(
    "/api/me/totp/disable",
    {
      schema: {
        tags,
        summary: "关闭两步验证 / Turn TOTP off",
        body: PasswordConfirmRequestSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await disableTotp(request, authOf(request), request.body.password);
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/me/recovery-codes",
    {
      schema: {
        tags,
        summary: "重新生成恢复码 / Renew recovery codes",
        body: PasswordConfirmRequestSchema,
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) => renewRecoveryCodes(request, authOf(request), request.body.password),
  );

  r.get(
    "/api/me/sessions",
    { schema: { tags, summary: "我的会话 / My sessions", response: { 200: OwnSessionListSchema } } },
    async (request) => {
      const auth = authOf(request);
      const rows = await app.db.kysely
        .selectFrom("session")
        .select(["public_id", "created_at", "last_seen_at", "source_ip", "user_agent"])
        .where("account_id", "=", auth.account.id)
        .where("ended_at", "is", null)
        .where("expires_at", ">", auth.session.last_seen_at)
        .orderBy("created_at", "desc")
        .limit(100)
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.public_id,
          current: row.public_id === auth.session.public_id,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          sourceIp: row.source_ip,
          userAgent: row.user_agent,
        })),
      };
    },
  );

  r.delete(
    "/api/me/sessions/:id",
    {
      schema: {
        tags,
        summary: "结束我的一个会话 / End one of my sessions",
        params: SessionIdParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const current = request.params.id === auth.session.public_id;
      const ended = await endOwnSession(request, auth, request.params.id, current ? "logout" : "ended_by_user");
      if (!ended) throw new AppError("NOT_FOUND", { zh: "会话不存在或已结束", en: "No such live session" });
      if (current) reply.header("set-cookie", clearedSessionCookie(isSecure(request)));
      return reply.status(204).send(null);
    },
  );
}

/** Enrolment and its confirmation must not be a way around a second factor the session has not yet given. */
function mustNotHaveCodePending(steps: readonly string[]): void {
  if (steps.includes("totp"))
    throw new AppError("FORBIDDEN", { zh: "请先输入动态验证码", en: "Enter your code first" }, { pending: steps });
}
