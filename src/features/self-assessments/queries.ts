/** Reading self-assessments: one row with what the presenter needs, the institution a list is of, the units it lists. */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { AppError } from "../../domain/errors.js";
import { type Rubric, RubricSchema } from "../../domain/rubric.js";
import { authOf } from "../../platform/access/request-auth.js";
import { notVisible } from "../../platform/access/require.js";
import { type Database } from "../../platform/db/schema.js";
import { findingColumns } from "../inspections/service.js";
import { INSPECTION_READ, maySee, reaches, type Target } from "./policy.js";

type Db = Kysely<Database>;

export const selfAssessmentObject = (id: string | null) => ({ type: "selfAssessment", id });

/** A self-assessment with its unit, institution and who submitted it. */
export function selfAssessmentColumns(db: Db) {
  return db
    .selectFrom("self_assessment")
    .innerJoin("unit", "unit.id", "self_assessment.unit_id")
    .innerJoin("unit as institution", "institution.id", "self_assessment.institution_id")
    .leftJoin("account as submitter", "submitter.id", "self_assessment.submitted_by")
    .selectAll("self_assessment")
    .select([
      "unit.name as unit_name",
      "unit.path as unit_path",
      "institution.name as institution_name",
      "institution.path as institution_path",
      "submitter.display_name as submitter_name",
    ]);
}
export type SelfAssessmentRecord = Awaited<
  ReturnType<ReturnType<typeof selfAssessmentColumns>["executeTakeFirstOrThrow"]>
>;

/** Where the row sits, for the policy. */
export const targetOf = (row: SelfAssessmentRecord): Target => ({
  unitPath: row.unit_path,
  institutionPath: row.institution_path,
  own: row.unit_id === row.institution_id,
});

/** The rubric frozen on the row (parsed again: the stored JSON is data like any other). */
export const frozenRubric = (row: { rubric: string }): Rubric => RubricSchema.parse(JSON.parse(row.rubric));

/** The self-assessment, if the actor sees it; otherwise an audited 404. */
export async function visibleSelfAssessment(request: FastifyRequest, id: string): Promise<SelfAssessmentRecord> {
  const row = await selfAssessmentColumns(request.server.db.kysely)
    .where("self_assessment.id", "=", id)
    .executeTakeFirst();
  if (!row || !maySee(authOf(request).actor, row.unit_path))
    return notVisible(request, INSPECTION_READ, selfAssessmentObject(id));
  return row;
}

export interface Institution {
  id: string;
  name: string;
  path: string;
}

/**
 * The institution a list is of: the one named (an audited 404 when out of reach), else the only one the actor reaches;
 * null when it reaches none (an empty list), a 400 asking to name it when it reaches several (a provincial office).
 */
export async function listedInstitution(request: FastifyRequest, institutionId?: string): Promise<Institution | null> {
  const actor = authOf(request).actor;
  const all = await request.server.db.kysely
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("kind", "=", "institution")
    .$if(institutionId !== undefined, (q) => q.where("id", "=", institutionId ?? ""))
    .execute();
  const reached = all.filter((unit) => reaches(actor, unit.path));
  if (institutionId !== undefined && reached.length === 0)
    return notVisible(request, INSPECTION_READ, { type: "institution", id: institutionId });
  if (reached.length > 1)
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "请指明院校", en: "Name the institution" },
      { issues: [{ field: "query.institutionId", message: "请指明院校" }] },
    );
  return reached[0] ?? null;
}

/**
 * The units a year's list shows the actor: the institution itself and its 二级单位 (one level below it) open in that
 * year — those the actor sees — the institution first, then in the unit tree's order.
 */
export async function listedUnits(db: Db, request: FastifyRequest, institution: Institution, year: number) {
  const units = await db
    .selectFrom("unit")
    .select(["id", "name", "path", "kind"])
    .where((eb) => eb.or([eb("id", "=", institution.id), eb("parent_id", "=", institution.id)]))
    .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">=", `${year}-01-01`)]))
    .orderBy("sort_order")
    .orderBy("name")
    .execute();
  const actor = authOf(request).actor;
  return units
    .filter((unit) => maySee(actor, unit.path))
    .sort((a, b) => Number(b.id === institution.id) - Number(a.id === institution.id));
}

/** The findings a self-assessment raised, in the order they were made. */
export function findingsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return findingColumns(db)
    .where("inspection_finding.source", "=", "selfAssessment")
    .where("inspection_finding.source_id", "in", [...ids])
    .orderBy("inspection_finding.id")
    .execute();
}
