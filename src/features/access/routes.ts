/** The security administrator's routes: grants and scopes, clearances, security settings, and people to pick from. */
import { type FastifyInstance } from "fastify";
import { keysetPage } from "../../domain/paging.js";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { requirePermission } from "../../platform/access/require.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { visibleTo } from "../../platform/access/visible-to.js";
import {
  forgetSecuritySettings,
  readSecuritySettings,
  writeSecuritySettings,
} from "../../platform/settings/security-settings.js";
import { clearanceQuery, createClearance, endClearance, presentClearance } from "./clearances.js";
import {
  ClearanceListQuerySchema,
  ClearanceListSchema,
  ClearanceSchema,
  CreateClearanceRequestSchema,
  CreateGrantRequestSchema,
  EndClearanceRequestSchema,
  GrantListQuerySchema,
  GrantListSchema,
  GrantSchema,
  IdParamsSchema,
  SecuritySettingsSchema,
} from "./contract.js";
import { createGrant, grantQuery, presentGrant, revokeGrant } from "./grants.js";

const tags = ["access"];

export function registerAccessRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/grants",
    {
      schema: {
        tags,
        summary: "授权列表 / Role grants",
        querystring: GrantListQuerySchema,
        response: { 200: GrantListSchema },
      },
    },
    async (request) => {
      await requirePermission(request, "grant.read");
      const { accountId, role, includeRevoked, cursor, limit } = request.query;
      const rows = await grantQuery(app.db.kysely)
        .$if(accountId !== undefined, (q) => q.where("role_grant.account_id", "=", accountId ?? ""))
        .$if(role !== undefined, (q) => q.where("role_grant.role", "=", role ?? ""))
        .$if(includeRevoked === "false", (q) => q.where("role_grant.revoked_at", "is", null))
        .$if(cursor !== undefined, (q) => q.where("role_grant.id", "<", cursor ?? ""))
        .orderBy("role_grant.id", "desc")
        .limit(limit + 1)
        .execute();
      const { rows: items, nextCursor } = keysetPage(rows, limit, (row) => row.id);
      const now = app.clock();
      return { items: items.map((row) => presentGrant(row, now)), nextCursor };
    },
  );

  r.post(
    "/api/grants",
    {
      schema: {
        tags,
        summary: "授予角色 / Grant a role on a unit subtree",
        body: CreateGrantRequestSchema,
        response: { 201: GrantSchema },
      },
    },
    async (request, reply) => {
      await requirePermission(request, "grant.manage", {}, { type: "role_grant", id: null });
      const id = await createGrant(request, request.body);
      const row = await grantQuery(app.db.kysely).where("role_grant.id", "=", id).executeTakeFirstOrThrow();
      return reply.status(201).send(presentGrant(row, app.clock()));
    },
  );

  r.post(
    "/api/grants/:id/revoke",
    { schema: { tags, summary: "撤销授权 / Revoke a grant", params: IdParamsSchema, response: { 200: GrantSchema } } },
    async (request) => {
      await requirePermission(request, "grant.manage", {}, { type: "role_grant", id: request.params.id });
      await revokeGrant(request, request.params.id);
      const row = await grantQuery(app.db.kysely)
        .where("role_grant.id", "=", request.params.id)
        .executeTakeFirstOrThrow();
      return presentGrant(row, app.clock());
    },
  );

  r.get(
    "/api/clearances",
    {
      schema: {
        tags,
        summary: "涉密人员等级 / Clearances",
        querystring: ClearanceListQuerySchema,
        response: { 200: ClearanceListSchema },
      },
    },
    async (request) => {
      const actor = await requirePermission(request, "clearance.read");
      const { personId, tier, cursor, limit } = request.query;
      const rows = await clearanceQuery(app.db.kysely)
        .where(visibleTo(actor, "clearance.read", "unit.path"))
        .$if(personId !== undefined, (q) => q.where("clearance.person_id", "=", personId ?? ""))
        .$if(tier !== undefined, (q) => q.where("clearance.tier", "=", tier ?? "GENERAL"))
        .$if(cursor !== undefined, (q) => q.where("clearance.id", "<", cursor ?? ""))
        .orderBy("clearance.id", "desc")
        .limit(limit + 1)
        .execute();
      const { rows: items, nextCursor } = keysetPage(rows, limit, (row) => row.id);
      const now = app.clock();
      return { items: items.map((row) => presentClearance(row, now)), nextCursor };
    },
  );

  r.post(
    "/api/clearances",
    {
      schema: {
        tags,
        summary: "核定涉密等级 / Record a clearance tier",
        body: CreateClearanceRequestSchema,
        response: { 201: ClearanceSchema },
      },
    },
    async (request, reply) => {
      await requirePermission(request, "clearance.manage", {}, { type: "clearance", id: null });
      const id = await createClearance(request, request.body);
      const row = await clearanceQuery(app.db.kysely).where("clearance.id", "=", id).executeTakeFirstOrThrow();
      return reply.status(201).send(presentClearance(row, app.clock()));
    },
  );

  r.post(
    "/api/clearances/:id/end",
    {
      schema: {
        tags,
        summary: "终止涉密等级 / End a clearance",
        params: IdParamsSchema,
        body: EndClearanceRequestSchema,
        response: { 200: ClearanceSchema },
      },
    },
    async (request) => {
      await requirePermission(request, "clearance.manage", {}, { type: "clearance", id: request.params.id });
      await endClearance(request, request.params.id, request.body.endsOn);
      const row = await clearanceQuery(app.db.kysely)
        .where("clearance.id", "=", request.params.id)
        .executeTakeFirstOrThrow();
      return presentClearance(row, app.clock());
    },
  );

  r.get(
    "/api/security-settings",
    { schema: { tags, summary: "安全设置 / Security settings", response: { 200: SecuritySettingsSchema } } },
    async (request) => {
      await requirePermission(request, "securitySettings.manage");
      forgetSecuritySettings(app.db.kysely);
      return readSecuritySettings(app.db.kysely);
    },
  );

  r.put(
    "/api/security-settings",
    {
      schema: {
        tags,
        summary: "修改安全设置 / Change security settings",
        body: SecuritySettingsSchema,
        response: { 200: SecuritySettingsSchema },
      },
    },
    async (request) => {
      await requirePermission(request, "securitySettings.manage", {}, { type: "setting", id: "security" });
      const before = await readSecuritySettings(app.db.kysely);
      const after = {
        totpRequiredRoles: [...new Set(request.body.totpRequiredRoles)],
        passwordRotationDays: request.body.passwordRotationDays,
      };
      await app.db.kysely.transaction().execute(async (trx) => {
        await writeSecuritySettings(trx, after, app.clock());
        await app.audit.append(trx, {
          ...auditContext(request),
          action: "securitySettings.update",
          object: { type: "setting", id: "security" },
          result: "success",
          details: { before, after },
        });
      });
      forgetSecuritySettings(app.db.kysely);
      return after;
    },
  );
}
