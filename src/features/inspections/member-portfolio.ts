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
import { institutionOfPerson, type OwnUnits } from "./own-units.js";

type Db = Kysely<Database>;

/**
 * The institution the person belongs to and, when they hold a member's seat on its committee on the day,
 * their portfolio; null when they are no member then.
 */
export async function memberPortfolio(db: Db, personId: string, day: string): Promise<OwnUnits | null> {
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
