/**
 * Inspections as discharge (实施细则第十一条第（四）项、第十三条第（六）项), record kind `inspection.closed`:
 * - a member's half-yearly obligation (bearer role `member`) is fulfilled by a closed inspection of a member plan the
 *   member leads, of that year and half (period `YYYY-H1`/`YYYY-H2`), with the member frozen as responsible;
 * - the secrecy office's (`secrecyOfficeUnit`, inspection of key departments) by a closed inspection of an office or
 *   special plan on the key-department checklist, closed inside the obligation's window, the plan's lead responsible.
 * - a unit head's (bearer role `unitHead`, art6.3.unit-inspection) by the unit's closed inspection on a `unit` plan,
 *   closed inside the obligation's window, its lead (the unit's head, checked when planned) responsible. The shipped rules give that duty no interval (continuous: no dated
 *   obligation); an institution whose rules give it one (每学期、每年) has it discharged here.
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";

type Db = Kysely<Database>;

export const INSPECTION_RECORD_KIND = "inspection.closed";
export const KEY_DEPARTMENT_TEMPLATE = "key-department-inspection";

interface Open {
  id: string;
  period_id: string;
  starts_on: string;
  due_on: string | null;
  bearer_role: string;
  bearer_person_id: string | null;
  bearer_unit_id: string;
}

/** Which open obligations the institution's inspections closed in the year discharge. */
export async function inspectionMatches(db: Db, institutionId: string, year: number, open: readonly Open[]) {
  const closed = await db
    .selectFrom("inspection")
    .innerJoin("inspection_plan as plan", "plan.id", "inspection.plan_id")
    .innerJoin("person as lead", "lead.id", "plan.lead_person_id")
    .select([
      "inspection.id",
      "inspection.closed_on",
      "inspection.closed_at",
      "inspection.unit_id",
      "plan.kind",
      "plan.year",
      "plan.half",
      "plan.template_id",
      "plan.lead_person_id",
      "lead.name as lead_name",
    ])
    .where("inspection.institution_id", "=", institutionId)
    .where("inspection.status", "=", "closed")
    .where("inspection.closed_on", ">=", `${year}-01-01`)
    .where("inspection.closed_on", "<=", `${year + 1}-12-31`)
    .orderBy("inspection.closed_on")
    .orderBy("inspection.id")
    .execute();
  type Closed = (typeof closed)[number];
  const inWindow = (c: Closed, row: Open) =>
    c.closed_on !== null && c.closed_on >= row.starts_on && (row.due_on === null || c.closed_on <= row.due_on);
  const matchers: Partial<Record<string, (c: Closed, row: Open) => boolean>> = {
    member: (c, row) =>
      c.kind === "member" &&
      c.lead_person_id === row.bearer_person_id &&
      c.half !== null &&
      `${c.year}-H${c.half}` === row.period_id,
    secrecyOfficeUnit: (c, row) =>
      (c.kind === "office" || c.kind === "special") && c.template_id === KEY_DEPARTMENT_TEMPLATE && inWindow(c, row),
    unitHead: (c, row) => c.kind === "unit" && c.unit_id === row.bearer_unit_id && inWindow(c, row),
  };
  const matches = [];
  for (const row of open) {
    const answers = matchers[row.bearer_role];
    if (!answers) continue;
    const found = closed.find((c) => answers(c, row));
    if (!found?.closed_at) continue;
    matches.push({
      obligationId: row.id,
      recordId: found.id,
      at: found.closed_at,
      responsible: [
        {
          personId: found.lead_person_id,
          name: found.lead_name,
          role: row.bearer_role === "secrecyOfficeUnit" ? "检查组组长" : row.bearer_role,
          acting: false,
        },
      ],
    });
  }
  return matches;
}

export const FINDING_RECORD_KIND = "finding.closed";

/**
 * A finding's rectification (`art6.2.rectify-finding`, raised by `finding.raised`) is fulfilled when the finding is
 * closed after verification; its owner — the unit head named when it was found — is frozen as responsible.
 */
export async function findingMatches(
  db: Db,
  institutionId: string,
  open: readonly (Open & { event_id: string | null })[],
) {
  const events = open.map((o) => o.event_id).filter((id): id is string => id !== null);
  if (events.length === 0) return [];
  const closed = await db
    .selectFrom("inspection_finding")
    .select(["id", "event_id", "verified_at", "owner_person_id", "owner_name"])
    .where("institution_id", "=", institutionId)
    .where("status", "=", "closed")
    .where("event_id", "in", events)
    .execute();
  return open.flatMap((row) => {
    const finding = closed.find((f) => f.event_id === row.event_id);
    if (!finding?.verified_at) return [];
    return [
      {
        obligationId: row.id,
        recordId: finding.id,
        at: finding.verified_at,
        responsible: finding.owner_person_id
          ? [{ personId: finding.owner_person_id, name: finding.owner_name ?? "", role: "unitHead", acting: false }]
          : [],
      },
    ];
  });
}
