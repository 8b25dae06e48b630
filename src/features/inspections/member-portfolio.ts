/**
 * A committee member's own half-yearly inspection (实施细则第十一条第（四）项: 每半年对分管范围进行一次保密检查): the
 * member plans it without a grant, as its lead, over units of their portfolio only — the unit whose head's seat they
 * hold and the units they are in charge of (分管) on the day the inspection starts, each with its subtree. The office
 * (inspection.manage) plans any inspection, a member's included.
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";
import { activePolicy } from "../policy/active-policy.js";
import { committeeRoster } from "../responsibility/committee.js";

type Db = Kysely<Database>;

/** The units a person may inspect on their own (no grant), each covering its subtree, in their institution. */
export interface MemberPortfolio {
  institution: { id: string; name: string; path: string };
  units: { id: string; name: string; path: string }[];
}

/** The institution a person belongs to: the nearest unit of kind institution at or above their unit. */
export async function institutionOfPerson(db: Db, personId: string): Promise<MemberPortfolio["institution"] | null> {
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

/**
 * The institution the person belongs to and, when they hold a member's seat on its committee on the day,
 * their portfolio; null when they are no member then.
 */
export async function memberPortfolio(db: Db, personId: string, day: string): Promise<MemberPortfolio | null> {
  const institution = await institutionOfPerson(db, personId);
  if (!institution) return null;
  const { policy } = await activePolicy(db);
  const roster = await committeeRoster(db, policy, institution.id, day);
  const seats = roster.seats.filter((s) => s.seat === "member" && s.holders.some((h) => h.personId === personId));
  if (seats.length === 0) return null;
  const charged = await db
    .selectFrom("portfolio")
    .select("unit_id")
    .where("person_id", "=", personId)
    .where("starts_on", "<=", day)
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", day)]))
    .execute();
  const ids = [...new Set([...seats.flatMap((s) => (s.unit ? [s.unit.id] : [])), ...charged.map((c) => c.unit_id)])];
  const units = ids.length
    ? await db.selectFrom("unit").select(["id", "name", "path"]).where("id", "in", ids).orderBy("path").execute()
    : [];
  return { institution, units: units.filter((u) => u.path.startsWith(institution.path)) };
}

/** Whether a unit lies in the portfolio (one of its units or below one); also used for a unit head's own units. */
export const inPortfolio = (portfolio: MemberPortfolio, unitPath: string): boolean =>
  portfolio.units.some((u) => unitPath.startsWith(u.path));

/**
 * What the web is told of the units a person may inspect on their own (a member's portfolio, a unit head's units):
 * whether there are any, and the institution and units by id and name.
 */
export async function ownScopeOf(
  db: Db,
  personId: string | null,
  day: string,
  find: (db: Db, personId: string, day: string) => Promise<MemberPortfolio | null>,
) {
  const scope = personId === null ? null : await find(db, personId, day);
  return {
    found: scope !== null,
    institution: scope ? { id: scope.institution.id, name: scope.institution.name } : null,
    units: (scope?.units ?? []).map((u) => ({ id: u.id, name: u.name })),
  };
}
