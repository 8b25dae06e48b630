/** Loads the actor of a request: the account with its grants in force today, each with its unit's path. */
import { type Kysely } from "kysely";
import { type Actor, type Grant } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { type BusinessRole, isBusinessRole } from "../../domain/roles.js";
import { type AuthPerson } from "../auth/auth-cache.js";
import { preparedQuery } from "../db/prepared.js";
import { type AccountTable, type Database } from "../db/schema.js";

/** Grants of an account in force on a date, with their units: read on every authenticated request. */
const grantsInForce = preparedQuery((db, accountId: string, today: string) =>
  db
    .selectFrom("role_grant")
    .innerJoin("unit", "unit.id", "role_grant.unit_id")
    .select([
      "role_grant.id",
      "role_grant.role",
      "role_grant.unit_id",
      "unit.path",
      "unit.name",
      "role_grant.starts_on",
      "role_grant.ends_on",
    ])
    .where("role_grant.account_id", "=", accountId)
    .where("role_grant.revoked_at", "is", null)
    .where("role_grant.starts_on", "<=", today)
    .where((eb) => eb.or([eb("role_grant.ends_on", "is", null), eb("role_grant.ends_on", ">=", today)])),
);

/** The actor for an account at an instant; grants outside their dates or revoked are left out. */
export async function loadActor(db: Kysely<Database>, account: AccountTable, now: Date): Promise<Actor> {
  const today = dateIn(now);
  const rows = account.admin_role ? [] : await grantsInForce(db, account.id, today);
  const grants: Grant[] = rows
    .filter((row): row is typeof row & { role: BusinessRole } => isBusinessRole(row.role))
    .map((row) => ({
      id: row.id,
      role: row.role,
      unitId: row.unit_id,
      unitPath: row.path,
      unitName: row.name,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    }));
  return {
    accountId: account.id,
    username: account.username,
    personId: account.person_id,
    adminRole: account.admin_role,
    grants,
    today,
  };
}

const personById = preparedQuery((db, id: string) =>
  db.selectFrom("person").select(["id", "name", "unit_id"]).where("id", "=", id),
);

/** The person behind an account, if it has one. */
export async function personOf(db: Kysely<Database>, personId: string | null): Promise<AuthPerson | null> {
  if (!personId) return null;
  const [row] = await personById(db, personId);
  return row ? { id: row.id, name: row.name, unitId: row.unit_id } : null;
}

/** The role an actor acts in, for the audit log: the administrator role, or the business roles held. */
export function actingRole(actor: Actor): string | null {
  if (actor.adminRole) return actor.adminRole;
  const roles = [...new Set(actor.grants.map((grant) => grant.role))];
  return roles.length ? roles.join(",") : null;
}
