/**
 * Writes a demo plan into the database inside the caller's transaction: ids for every planned row, the unit paths,
 * and batched inserts (a few hundred rows per statement keeps both dialects well under their parameter limits).
 */
import { type Insertable, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type Database } from "../../platform/db/schema.js";
import { type DemoPlan, ROOT } from "./plan.js";

const BATCH = 200;

async function insertAll<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

export interface Inserted {
  unitIds: Map<string, string>;
  personIds: Map<string, string>;
  /** Account id by username. */
  accountIds: Map<string, string>;
}

/** Inserts units, people, appointments, portfolios, clearances and accounts; grants are derived afterwards. */
export async function insertPlan(
  trx: Transaction<Database>,
  plan: DemoPlan,
  options: { root: { id: string; path: string }; at: string; passwordHash: string; grantedBy: string },
): Promise<Inserted> {
  const { at } = options;
  const unitIds = new Map<string, string>([[ROOT, options.root.id]]);
  const paths = new Map<string, string>([[ROOT, options.root.path]]);
  const units: Insertable<Database["unit"]>[] = plan.units.map((u) => {
    const id = uuidv7();
    const path = `${paths.get(u.parentKey) ?? options.root.path}${id}/`;
    unitIds.set(u.key, id);
    paths.set(u.key, path);
    return {
      id,
      parent_id: unitIds.get(u.parentKey) ?? options.root.id,
      path,
      name: u.name,
      kind: "unit",
      sort_order: u.sortOrder,
      code: u.code,
      classified: u.classified ? 1 : 0,
      created_at: at,
      updated_at: at,
    };
  });
  await insertAll(trx, "unit", units);

  const personIds = new Map<string, string>();
  const unit = (key: string): string => unitIds.get(key) ?? options.root.id;
  const person = (key: string): string => {
    const id = personIds.get(key);
    if (!id) throw new Error(`unplanned person ${key}`);
    return id;
  };
  await insertAll(
    trx,
    "person",
    plan.people.map((p) => {
      const id = uuidv7();
      personIds.set(p.key, id);
      return { id, name: p.name, unit_id: unit(p.unitKey), staff_no: p.staffNo, created_at: at, updated_at: at };
    }),
  );
  await insertAll(
    trx,
    "appointment",
    plan.appointments.map((a) => ({
      id: uuidv7(),
      person_id: person(a.personKey),
      unit_id: unit(a.unitKey),
      position: a.position,
      acting: a.acting ? 1 : 0,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
      created_by: null,
      created_at: at,
    })),
  );
  await insertAll(
    trx,
    "portfolio",
    plan.portfolios.map((p) => ({
      id: uuidv7(),
      person_id: person(p.personKey),
      unit_id: unit(p.unitKey),
      area: p.area,
      starts_on: p.startsOn,
      ends_on: null,
      created_by: null,
      created_at: at,
    })),
  );
  await insertAll(
    trx,
    "clearance",
    plan.clearances.map((c) => ({
      id: uuidv7(),
      person_id: person(c.personKey),
      tier: c.tier,
      starts_on: c.startsOn,
      ends_on: null,
      granted_by: options.grantedBy,
      created_at: at,
    })),
  );

  const accountIds = new Map<string, string>();
  const names = new Map(plan.people.map((p) => [p.key, p.name]));
  await insertAll(
    trx,
    "account",
    plan.accounts.map((a) => {
      const id = uuidv7();
      accountIds.set(a.username, id);
      return {
        id,
        username: a.username,
        display_name: names.get(a.personKey) ?? a.username,
        person_id: person(a.personKey),
        admin_role: null,
        status: "active" as const,
        password_hash: options.passwordHash,
        // Set, so the first sign-in asks for nothing: the evaluator goes straight to the screens.
        password_changed_at: at,
        must_change_password: 0 as const,
        failed_logins: 0,
        locked_until: null,
        totp_secret: null,
        totp_pending_secret: null,
        totp_last_step: null,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      };
    }),
  );
  return { unitIds, personIds, accountIds };
}
