/**
 * The supervision records as discharge (DESIGN.md §4): an approved plan (年初), a completed mid-year supervision (年中),
 * an approved assessment and an approved summary (年底) each fulfil the institution's obligation of that year. Who
 * approved — or, for the supervision, who completed it — is frozen as responsible.
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";

type Db = Kysely<Database>;

export const SUPERVISION_RECORD_KINDS = [
  "annualPlan.approved",
  "supervision.completed",
  "assessment.approved",
  "annualSummary.approved",
] as const;

interface Open {
  id: string;
}

export interface SupervisionMatch {
  obligationId: string;
  recordId: string;
  at: string;
  responsible: { personId: string; name: string; role: string; acting: boolean }[];
}

/** The year's record of the kind, approved or completed, with who answered for it. */
async function recordOf(db: Db, kind: string, institutionId: string, year: number) {
  if (kind === "supervision.completed")
    return db
      .selectFrom("supervision")
      .innerJoin("account", "account.id", "supervision.completed_by")
      .leftJoin("person", "person.id", "account.person_id")
      .select([
        "supervision.id",
        "supervision.completed_at as at",
        "person.id as person_id",
        "person.name as person_name",
      ])
      .where("supervision.institution_id", "=", institutionId)
      .where("supervision.year", "=", year)
      .where("supervision.status", "=", "completed")
      .executeTakeFirst()
      .then((row) => (row ? { ...row, role: "secrecyOffice" } : undefined));
  const table =
    kind === "annualPlan.approved" ? "annual_plan" : kind === "assessment.approved" ? "assessment" : "annual_summary";
  // The three tables share the approval columns (migration 0012); aliased "r", one query serves each.
  return db
    .selectFrom(`${table} as r` as "annual_plan as r")
    .innerJoin("person", "person.id", "r.approved_by_person")
    .select(["r.id", "r.approved_at as at", "person.id as person_id", "person.name as person_name", "r.approved_as"])
    .where("r.institution_id", "=", institutionId)
    .where("r.year", "=", year)
    .where("r.status", "=", "approved")
    .executeTakeFirst()
    .then((row) =>
      row ? { ...row, role: row.approved_as === "delegate" ? "deputyDirector" : "director" } : undefined,
    );
}

export async function supervisionMatches(
  db: Db,
  kind: string,
  institutionId: string,
  year: number,
  open: Open[],
): Promise<SupervisionMatch[]> {
  const record = await recordOf(db, kind, institutionId, year);
  if (!record?.at) return [];
  return open.map((row) => ({
    obligationId: row.id,
    recordId: record.id,
    at: record.at ?? "",
    responsible: record.person_id
      ? [{ personId: record.person_id, name: record.person_name ?? "", role: record.role, acting: false }]
      : [],
  }));
}
