/**
 * A unit head's own inspection of the unit (实施细则第六条第（三）项: 对保密措施的落实情况进行监督检查): the units a person
 * heads on a day, as the responsibility resolver names them — each with its subtree, in their own institution. The
 * head plans such an inspection without a grant, as its lead; whoever plans one, its lead must head every unit on it.
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";
import { activePolicy } from "../policy/active-policy.js";
import { responsibleFor } from "../responsibility/resolver.js";
import { institutionOfPerson, type OwnUnits } from "./own-units.js";

type Db = Kysely<Database>;

/** The units the person heads on the day, in their institution; null when they head none. */
export async function headedUnits(db: Db, personId: string, day: string): Promise<OwnUnits | null> {
  const institution = await institutionOfPerson(db, personId);
  if (!institution) return null;
  // The units where the person holds any post on the day; the resolver then says which of them they head (an acting
  // head counts, a deputy does not — the policy's rule for 二级单位负责人 decides, not this file).
  const posts = await db
    .selectFrom("appointment")
    .innerJoin("unit", "unit.id", "appointment.unit_id")
    .select(["unit.id", "unit.name", "unit.path"])
    .distinct()
    .where("appointment.person_id", "=", personId)
    .where("appointment.starts_on", "<=", day)
    .where((eb) => eb.or([eb("appointment.ends_on", "is", null), eb("appointment.ends_on", ">=", day)]))
    .where("unit.kind", "!=", "institution")
    .orderBy("unit.path")
    .execute();
  const { policy } = await activePolicy(db);
  const units = [];
  for (const unit of posts.filter((u) => u.path.startsWith(institution.path))) {
    const heads = await responsibleFor(db, policy, unit.id, "unitHead", day);
    if (heads.some((h) => h.personId === personId)) units.push(unit);
  }
  return units.length > 0 ? { institution, units } : null;
}
