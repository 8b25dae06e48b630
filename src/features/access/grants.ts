/** Role grants on unit subtrees, managed by the security administrator (三员: 安全保密管理员). */
import { assertEndsAfterStart } from "../../domain/dated.js";
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { grantActive } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { type BusinessRole } from "../../domain/roles.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { type GrantView } from "./contract.js";

/** The columns a grant response needs. */
export function grantQuery(db: Kysely<Database>) {
  return db
    .selectFrom("role_grant")
    .innerJoin("account", "account.id", "role_grant.account_id")
    .innerJoin("unit", "unit.id", "role_grant.unit_id")
    .select([
      "role_grant.id",
      "role_grant.account_id",
      "account.username",
      "account.display_name",
      "role_grant.role",
      "role_grant.unit_id",
      "unit.name as unit_name",
      "role_grant.starts_on",
      "role_grant.ends_on",
      "role_grant.revoked_at",
      "role_grant.created_at",
    ]);
}

type GrantRow = Awaited<ReturnType<ReturnType<typeof grantQuery>["executeTakeFirstOrThrow"]>>;

export function presentGrant(row: GrantRow, now: Date): GrantView {
  const today = dateIn(now);
  return {
    id: row.id,
    accountId: row.account_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as BusinessRole,
    unitId: row.unit_id,
    unitName: row.unit_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    active:
      row.revoked_at === null &&
      grantActive(
        {
          id: row.id,
          role: row.role as BusinessRole,
          unitId: row.unit_id,
          unitPath: "",
          unitName: row.unit_name,
          startsOn: row.starts_on,
          endsOn: row.ends_on,
        },
        today,
      ),
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
  };
}

const ADMIN_HOLDS_NOTHING = new AppError(
  "CONFLICT",
  {
    zh: "三员账号不能被授予业务角色（三员分立）",
    en: "An administrator account cannot hold a business role (separation of the three administrators)",
  },
  { issues: [{ field: "body.accountId", message: "三员账号不能被授予业务角色" }] },
);

/** Grants a role on a unit subtree. The database refuses it too if the account is an administrator's. */
export async function createGrant(
  request: FastifyRequest,
  input: {
    accountId: string;
    role: BusinessRole;
    unitId: string;
    startsOn: string;
    endsOn?: string | null | undefined;
  },
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const [account, unit] = await Promise.all([
    db.selectFrom("account").select(["id", "admin_role"]).where("id", "=", input.accountId).executeTakeFirst(),
    db.selectFrom("unit").select("id").where("id", "=", input.unitId).executeTakeFirst(),
  ]);
  if (!account)
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "账号不存在", en: "No such account" },
      { issues: [{ field: "body.accountId", message: "账号不存在" }] },
    );
  if (!unit)
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "单位不存在", en: "No such unit" },
      { issues: [{ field: "body.unitId", message: "单位不存在" }] },
    );
  if (account.admin_role !== null) throw ADMIN_HOLDS_NOTHING;
  const endsOn = input.endsOn ?? null;
  assertEndsAfterStart(input.startsOn, endsOn);
  const id = uuidv7();
  const actor = request.auth?.account.id ?? "";
  const now = app.clock();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("role_grant")
      .values({
        id,
        account_id: input.accountId,
        role: input.role,
        unit_id: input.unitId,
        starts_on: input.startsOn,
        ends_on: endsOn,
        granted_by: actor,
        created_at: toInstant(now),
        revoked_at: null,
        revoked_by: null,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "grant.create",
      object: { type: "role_grant", id },
      result: "success",
      details: { ...input, endsOn },
    });
  });
  return id;
}

/** Revokes a grant; it stays on record with who revoked it and when. */
export async function revokeGrant(request: FastifyRequest, id: string): Promise<void> {
  const app = request.server;
  const now = app.clock();
  await app.db.kysely.transaction().execute(async (trx) => {
    const grant = await trx
      .selectFrom("role_grant")
      .select(["id", "revoked_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!grant) throw new AppError("NOT_FOUND", { zh: "授权记录不存在", en: "No such grant" });
    if (grant.revoked_at)
      throw new AppError(
        "CONFLICT",
        { zh: "该授权已于此前撤销", en: "The grant was already revoked" },
        { state: "revoked" },
      );
    await trx
      .updateTable("role_grant")
      .set({ revoked_at: toInstant(now), revoked_by: request.auth?.account.id ?? null })
      .where("id", "=", id)
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "grant.revoke",
      object: { type: "role_grant", id },
      result: "success",
    });
  });
}
