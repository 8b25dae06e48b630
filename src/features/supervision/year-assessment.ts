/**
 * The committee's year-end assessment as other features read it (实施细则第十二条第（二）项): its frozen rubric and each
 * unit's score, so a unit's self-assessment can start on the same rubric and be shown beside the committee's score.
 */
import { type Kysely } from "kysely";
import { type Rubric, RubricSchema } from "../../domain/rubric.js";
import { type Database } from "../../platform/db/schema.js";

/** One unit's score in the committee's assessment. */
export interface CommitteeScore {
  /** Whether the assessment holding it is still a draft or approved (final). */
  status: "draft" | "approved";
  earned: number;
  possible: number;
  percent: number | null;
  band: string;
  bandName: string;
  vetoed: boolean;
}

/** The year's assessment of the institution — its rubric and the scores by unit id — or null before it begins. */
export async function yearAssessment(
  db: Kysely<Database>,
  institutionId: string,
  year: number,
): Promise<{ rubric: Rubric; scores: Map<string, CommitteeScore> } | null> {
  const assessment = await db
    .selectFrom("assessment")
    .select(["id", "status", "rubric"])
    .where("institution_id", "=", institutionId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (!assessment) return null;
  const rubric = RubricSchema.parse(JSON.parse(assessment.rubric));
  const rows = await db
    .selectFrom("assessment_score")
    .select(["unit_id", "earned", "possible", "percent", "band", "vetoed"])
    .where("assessment_id", "=", assessment.id)
    .execute();
  const scores = new Map<string, CommitteeScore>(
    rows.map((row) => [
      row.unit_id,
      {
        status: assessment.status,
        earned: Number(row.earned),
        possible: Number(row.possible),
        percent: row.percent === null ? null : Number(row.percent),
        band: row.band,
        bandName: rubric.bands.find((band) => band.key === row.band)?.zh ?? "—",
        vetoed: Number(row.vetoed) === 1,
      },
    ]),
  );
  return { rubric, scores };
}
