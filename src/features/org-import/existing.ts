/**
 * Reads, in one pass per table, the part of the organization an import refers to: the tree's root, the units and
 * people it names by code and staff number, and the appointments already held in those units. Validation then runs
 * in memory against this.
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";
import { type ExistingOrg } from "./validate.js";

// Well under both dialects' limits on bound parameters per statement.
const CHUNK = 500;

function* chunks<T>(items: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The organization as far as the given unit codes and staff numbers reach, read through `db` (or a transaction). */
export async function readExisting(
  db: Kysely<Database>,
  keys: { unitCodes: readonly string[]; staffNos: readonly string[] },
): Promise<ExistingOrg> {
  const roots = await db.selectFrom("unit").select(["id", "path"]).where("parent_id", "is", null).limit(2).execute();
  const units = new Map<string, { id: string; path: string }>();
  for (const codes of chunks(keys.unitCodes)) {
    const rows = await db.selectFrom("unit").select(["id", "path", "code"]).where("code", "in", codes).execute();
    for (const row of rows) if (row.code !== null) units.set(row.code, { id: row.id, path: row.path });
  }
  const people = new Map<string, { id: string }>();
  for (const staffNos of chunks(keys.staffNos)) {
    const rows = await db.selectFrom("person").select(["id", "staff_no"]).where("staff_no", "in", staffNos).execute();
    for (const row of rows) if (row.staff_no !== null) people.set(row.staff_no, { id: row.id });
  }
  const appointments: ExistingOrg["appointments"] = [];
  for (const unitIds of chunks([...units.values()].map((u) => u.id))) {
    const rows = await db
      .selectFrom("appointment")
      .innerJoin("person", "person.id", "appointment.person_id")
      .select([
        "appointment.person_id",
        "person.name",
        "appointment.unit_id",
        "appointment.position",
        "appointment.starts_on",
        "appointment.ends_on",
      ])
      .where("appointment.unit_id", "in", unitIds)
      .execute();
    for (const row of rows)
      appointments.push({
        personId: row.person_id,
        personName: row.name,
        unitId: row.unit_id,
        position: row.position,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
      });
  }
  return { root: roots.length === 1 ? (roots[0] ?? null) : null, units, people, appointments };
}
