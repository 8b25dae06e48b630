/**
 * Who is to sign a template's agreement on the issue date, as the responsibility resolver names them: the holder in
 * each open unit for a unit role (the unit head, 实施细则第六条), or each holder anywhere in the institution for a
 * leader's role (第四条、第五条). Where nobody holds the role, the vacancy is returned, never filled by a guess.
 */
import { type Kysely } from "kysely";
import { AppError } from "../../domain/errors.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type Holder } from "../../domain/responsibility.js";
import { ROLE_NAMES, type BusinessRole } from "../../domain/roles.js";
import { type Database } from "../../platform/db/schema.js";
import { responsibleFor } from "../responsibility/resolver.js";

type Db = Kysely<Database>;

/** A unit (or the institution) an agreement is kept at. */
export interface Place {
  id: string;
  name: string;
  path: string;
}

/** A 400 naming the request field at fault. */
export const bad = (field: string, zh: string, en: string) =>
  new AppError("VALIDATION_FAILED", { zh, en }, { issues: [{ field, message: zh }] });

/** The institution named, or the first institution of the tree. */
export async function institutionFor(db: Db, institutionId: string | undefined): Promise<Place> {
  const row = await db
    .selectFrom("unit")
    .select(["id", "name", "path", "kind"])
    .where("kind", "=", "institution")
    .$if(institutionId !== undefined, (qb) => qb.where("id", "=", institutionId ?? ""))
    .orderBy("path")
    .executeTakeFirst();
  if (!row) throw bad("body.institutionId", "院校不存在", "No such institution");
  return row;
}

/** Open units of the institution on a date, leaving out those of another institution or authority below it. */
async function openUnits(db: Db, institution: Place, on: string): Promise<Place[]> {
  const rows = await db
    .selectFrom("unit")
    .select(["id", "name", "path", "kind"])
    .where("path", "like", `${institution.path}%`)
    .where("id", "<>", institution.id)
    .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", on)]))
    .orderBy("path")
    .execute();
  const others = rows.filter((r) => r.kind !== "unit").map((r) => r.path);
  return rows.filter((r) => r.kind === "unit" && !others.some((p) => r.path.startsWith(p)));
}

/** Whether the role is held per unit (a unit head) or by leaders of the institution (a portfolio, a Party post). */
export function roleScope(policy: Policy, role: BusinessRole): "unit" | "institution" {
  const rule = policy.roles.find((r) => r.id === role)?.filledBy;
  if (rule?.kind === "position") {
    const scopes = rule.positions.map((code) => policy.positions.find((p) => p.code === code)?.scope);
    if (scopes.every((s) => s === "unit")) return "unit";
    return "institution";
  }
  if (rule?.kind === "portfolio") return "institution";
  throw bad(
    "body.templateId",
    `模板的角色“${ROLE_NAMES[role].zh}”由委员会席位或涉密资格确定，暂不能按本功能签发责任书`,
    `The template's role (${ROLE_NAMES[role].en}) is not filled by a position or portfolio; not supported here`,
  );
}

export interface Candidate {
  unit: Place;
  holder: Holder;
}

/** Who is to sign, and where nobody holds the role. */
export async function candidates(
  db: Db,
  policy: Policy,
  role: BusinessRole,
  institution: Place,
  on: string,
): Promise<{ candidates: Candidate[]; vacancies: Place[] }> {
  const units = await openUnits(db, institution, on);
  if (roleScope(policy, role) === "unit") {
    const found = await Promise.all(
      units.map(async (unit) => ({ unit, holders: await responsibleFor(db, policy, unit.id, role, on) })),
    );
    return {
      candidates: found.flatMap(({ unit, holders }) => holders.map((holder) => ({ unit, holder }))),
      vacancies: found.filter((f) => f.holders.length === 0).map((f) => f.unit),
    };
  }
  // Leaders: every holder of the role anywhere in the institution, one agreement each, kept at the institution.
  const holders = new Map<string, Holder>();
  for (const unit of [institution, ...units])
    for (const holder of await responsibleFor(db, policy, unit.id, role, on))
      if (!holders.has(holder.personId)) holders.set(holder.personId, holder);
  return {
    candidates: [...holders.values()].map((holder) => ({ unit: institution, holder })),
    vacancies: holders.size ? [] : [institution],
  };
}
