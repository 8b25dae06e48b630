/**
 * Discharge by records (DESIGN.md §4): a duty whose policy names a record kind is fulfilled when a record of that
 * kind exists — the record proves it, and who signed it is who was responsible then. Each capability that keeps such
 * records adds its kind here as it lands (meetings, plans, inspections…); until then those duties are discharged by
 * approved evidence (evidence.ts).
 */
import { type Kysely } from "kysely";
import { type Policy } from "../../domain/policy/schema.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { signedAgreements } from "../agreements/records.js";
import { studyMatches } from "../document-studies/records.js";
import {
  FINDING_RECORD_KIND,
  findingMatches,
  INSPECTION_RECORD_KIND,
  inspectionMatches,
} from "../inspections/records.js";
import { regulationMatches } from "../regulations/records.js";
import { assignedTaskMatches, meetingMatches } from "../meetings/discharge.js";
import { reportMatches } from "../reports/records.js";
import { RESEARCH_RECORD_KIND, researchMatches } from "../research/records.js";
import { selfCheckMatches } from "../self-checks/records.js";
import { SELF_CHECK_RECORD_KIND } from "../../domain/self-check.js";
import { SUPERVISION_RECORD_KINDS, supervisionMatches } from "../supervision/records.js";
import { type ResponsibleHolder } from "./responsible.js";

type Db = Kysely<Database>;

/** An open obligation a record may discharge. */
interface OpenRow {
  id: string;
  duty_id: string;
  period_id: string;
  starts_on: string;
  due_on: string | null;
  event_id: string | null;
  bearer_role: string;
  bearer_unit_id: string;
  bearer_person_id: string | null;
}

/** A record that discharges one obligation. */
interface Match {
  obligationId: string;
  recordId: string;
  at: string;
  responsible: ResponsibleHolder[];
}

type RecordSource = (db: Db, institutionId: string, year: number, open: OpenRow[], policy: Policy) => Promise<Match[]>;

/** The record kinds the platform can check today, by the name the policy gives them. */
const RECORD_SOURCES: Record<string, RecordSource> = {
  // 年度保密工作责任书: the bearer's own signed agreement of that year (a unit's by its head, a leader's by them).
  "agreement.signed": async (db, institutionId, year, open) => {
    const signed = await signedAgreements(db, institutionId, year);
    const matches: Match[] = [];
    for (const row of open) {
      const agreement = signed.find(
        (a) =>
          a.role === row.bearer_role &&
          (row.bearer_person_id ? a.personId === row.bearer_person_id : a.unitId === row.bearer_unit_id),
      );
      if (!agreement) continue;
      matches.push({
        obligationId: row.id,
        recordId: agreement.id,
        at: agreement.signedAt,
        responsible: [
          { personId: agreement.personId, name: agreement.personName, role: row.bearer_role, acting: agreement.acting },
        ],
      });
    }
    return matches;
  },
  // 例会与临时会议 (第十二条第（一）项): the semester's, or the event's, meeting whose minutes were signed off.
  "meeting.minutesSigned": (db, institutionId, year, open) =>
    meetingMatches(db, "meeting.minutesSigned", institutionId, year, open),
  // 督查制度 (第十二条第（二）项): the year's plan approved, mid-year supervision completed, assessment and summary approved.
  ...Object.fromEntries(
    SUPERVISION_RECORD_KINDS.map((kind): [string, RecordSource] => [
      kind,
      (db, institutionId, year, open) => supervisionMatches(db, kind, institutionId, year, open),
    ]),
  ),
  // 交办任务 (第九条第（五）项、第十三条第（十）项): the task its event recorded, closed by the office.
  "assignedTask.completed": (db, institutionId, _year, open) => assignedTaskMatches(db, institutionId, open),
  // 报告制度 (第十二条第（四）项): the report of the duty's kind, to the obligation's body, signed and submitted.
  "report.submitted": (db, institutionId, year, open, policy) => reportMatches(db, policy, institutionId, year, open),
  // 调研制度 (第十二条第（三）项): a research topic of the institution concluded (结题) in the obligation's window.
  [RESEARCH_RECORD_KIND]: (db, institutionId, year, open) => researchMatches(db, institutionId, year, open),
  // 全院保密工作会议 (第九条第（三）项): the conference its event called, its minutes signed.
  "conference.held": (db, institutionId, year, open) =>
    meetingMatches(db, "conference.held", institutionId, year, open),
  // 传达学习 (第四条第（一）项、第十三条第（一）项): the institution-level session on the received document.
  "documentStudy.held": (db, institutionId, _year, open) => studyMatches(db, institutionId, open),
  // 规章制度 (第十三条第（四）项、第六条第（一）项): the adoption or revision answering the event, or the unit's own.
  "regulation.adopted": (db, institutionId, _year, open) => regulationMatches(db, institutionId, open),
  // 保密检查 (第十一条第（四）项、第十三条第（六）项): a member's half-yearly inspection closed, or the office's of key departments.
  [INSPECTION_RECORD_KIND]: (db, institutionId, year, open) => inspectionMatches(db, institutionId, year, open),
  // 整改销号 (第六条第（二）项; 实施条例第五十九条): the finding that raised the obligation, verified and closed.
  [FINDING_RECORD_KIND]: (db, institutionId, _year, open) => findingMatches(db, institutionId, open),
  // 个人保密自查 (第七条第（二）项): the person's self-check of the slot, confirmed by their superior.
  [SELF_CHECK_RECORD_KIND]: (db, institutionId, year, open) => selfCheckMatches(db, institutionId, year, open),
};

/** Whether the platform can check a record kind yet (otherwise evidence discharges the duty). */
export function recordKindChecked(kind: string): boolean {
  return kind in RECORD_SOURCES;
}

/**
 * Fulfils the institution's open obligations of a year that a record now discharges; returns how many. `kinds` keeps
 * it to the record kinds a change can have produced (a confirmed self-check need not re-read every meeting duty).
 */
export async function dischargeByRecords(
  db: Db,
  policy: Policy,
  institutionId: string,
  year: number,
  now: Date,
  kinds?: readonly string[],
): Promise<number> {
  // The record kind of each duty a record discharges; then one read of the year's open obligations of those duties,
  // shared out by kind (the engine runs this for every institution every day: one query, not one per kind).
  const kindOf = new Map<string, string>();
  for (const d of policy.duties)
    if (
      d.discharge.by === "record" &&
      d.discharge.record in RECORD_SOURCES &&
      (kinds === undefined || kinds.includes(d.discharge.record))
    )
      kindOf.set(d.id, d.discharge.record);
  if (kindOf.size === 0) return 0;
  const rows = await db
    .selectFrom("obligation")
    .select([
      "id",
      "duty_id",
      "period_id",
      "starts_on",
      "due_on",
      "event_id",
      "bearer_role",
      "bearer_unit_id",
      "bearer_person_id",
    ])
    .where("institution_id", "=", institutionId)
    .where("year", "=", year)
    .where("state", "=", "open")
    .where("duty_id", "in", [...kindOf.keys()])
    .execute();
  const openByKind = new Map<string, OpenRow[]>();
  for (const row of rows) {
    const kind = kindOf.get(row.duty_id)!;
    const list = openByKind.get(kind);
    if (list) list.push(row);
    else openByKind.set(kind, [row]);
  }
  let fulfilled = 0;
  for (const [kind, open] of openByKind) {
    const source = RECORD_SOURCES[kind]!;
    for (const match of await source(db, institutionId, year, open, policy)) {
      const result = await db
        .updateTable("obligation")
        .set({
          state: "fulfilled",
          closed_at: match.at || toInstant(now),
          record_kind: kind,
          record_id: match.recordId,
          responsible: JSON.stringify(match.responsible),
          updated_at: toInstant(now),
        })
        .where("id", "=", match.obligationId)
        .where("state", "=", "open")
        .executeTakeFirst();
      fulfilled += Number(result.numUpdatedRows);
    }
  }
  return fulfilled;
}
