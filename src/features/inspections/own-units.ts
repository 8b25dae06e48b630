/**
 * What a person may inspect on their own, without a grant — a committee member their portfolio
 * (member-portfolio.ts), a unit head the units they head (headed-units.ts) — and the shape both answer in.
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";

type Db = Kysely<Database>;

/** The units a person may inspect on their own, each covering its subtree, in their institution. */
export interface OwnUnits {
  institution: { id: string; name: string; path: string };
  units: { id: string; name: string; path: string }[];
}

/** The institution a person belongs to: the nearest unit of kind institution at or above their unit. */
export async function institutionOfPerson(db: Db, personId: string): Promise<OwnUnits["institution"] | null> {
  const person = await db
    .selectFrom("person")
    .innerJoin("unit", "unit.id", "person.unit_id")
    .select("unit.path")
    .where("person.id", "=", personId)
    .executeTakeFirst();
  if (!person) return null;
  const ancestors = person.path.split("/").filter(Boolean);
  const institution = await db
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("id", "in", ancestors)
    .where("kind", "=", "institution")
    .orderBy("path", "desc")
    .executeTakeFirst();
  return institution ?? null;
}

/** Whether a unit lies among the own units (one of them or below one). */
export const inOwnUnits = (own: OwnUnits, unitPath: string): boolean =>
  own.units.some((u) => unitPath.startsWith(u.path));

/**
 * What the web is told of the units a person may inspect on their own (a member's portfolio, a unit head's units):
 * whether there are any, and the institution and units by id and name.
 */
export async function ownScopeOf(
  db: Db,
  personId: string | null,
  day: string,
  find: (db: Db, personId: string, day: string) => Promise<OwnUnits | null>,
) {
  const scope = personId === null ? null : await find(db, personId, day);
  return {
    found: scope !== null,
    institution: scope ? { id: scope.institution.id, name: scope.institution.name } : null,
    units: (scope?.units ?? []).map((u) => ({ id: u.id, name: u.name })),
  };
}
