/** Accounts as the API shows them. */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";
import { type Account } from "./contract.js";

/** The columns every account response needs, joined with its person and unit. */
export function accountQuery(db: Kysely<Database>) {
  return db
    .selectFrom("account")
    .leftJoin("person", "person.id", "account.person_id")
    .leftJoin("unit", "unit.id", "person.unit_id")
    .select([
      "account.id",
      "account.username",
      "account.display_name",
      "account.admin_role",
      "account.status",
      "account.locked_until",
      "account.totp_secret",
      "account.must_change_password",
      "account.last_login_at",
      "account.created_at",
      "person.id as person_id",
      "person.name as person_name",
      "person.unit_id as person_unit_id",
      "unit.name as unit_name",
    ]);
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof accountQuery>["executeTakeFirstOrThrow"]>>;

/** One account; `canManage` says whether the actor may change it. */
export function presentAccount(row: AccountRow, canManage: boolean): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    adminRole: row.admin_role,
    status: row.status,
    lockedUntil: row.locked_until,
    totpEnabled: row.totp_secret !== null,
    mustChangePassword: row.must_change_password === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    person: row.person_id
      ? { id: row.person_id, name: row.person_name ?? "", unitId: row.person_unit_id, unitName: row.unit_name }
      : null,
    // Administrator accounts are outside the system administrator's reach: 三员 check each other.
    abilities: { manage: canManage && row.admin_role === null },
  };
}
