/** Self-checks as the API shows them: the slot as people name it, the findings raised, the actor's abilities. */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { dateIn } from "../../domain/calendar.js";
import { templateItems } from "../../domain/inspection.js";
import { statusOf } from "../../domain/obligation.js";
import { periodLabelOf } from "../../domain/periods.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { SELF_CHECK_RECORD_KIND, SELF_CHECK_STATUS_NAMES, selfCheckAllows } from "../../domain/self-check.js";
import { authOf } from "../../platform/access/request-auth.js";
import { type Database } from "../../platform/db/schema.js";
import { presentFindingSummary } from "../inspections/presenter.js";
import { findingColumns } from "../inspections/service.js";
import { raisedOrDischarged } from "../obligations/discharge-view.js";
import { type ResponsibleHolder } from "../obligations/responsible.js";
import { readObligationSettings } from "../obligations/settings.js";
import { activePolicy } from "../policy/active-policy.js";
import { isOwn, type SelfCheckRow } from "./access.js";
import { type OwedPeriod, type SelfCheckSummary, type SelfCheckView } from "./contract.js";
import { type owedSlots } from "./lists.js";
import { parseAnswers, parseTemplate } from "./service.js";

/** The slot as people name it: 2027年第一季度, 2027年上半年, 2027年度. */
const periodOf = (periodId: string, startsOn: string, dueOn: string | null) =>
  periodLabelOf("person", periodId, startsOn, dueOn).zh;

export function presentSelfCheckSummary(row: SelfCheckRow): SelfCheckSummary {
  const template = parseTemplate(row.template);
  const answers = parseAnswers(row.answers);
  return {
    id: row.id,
    institution: { id: row.institution_id, name: row.institution_name },
    person: { id: row.person_id, name: row.person_name },
    unit: { id: row.unit_id, name: row.unit_name },
    periodId: row.period_id,
    period: periodOf(row.period_id, row.period_starts_on, row.period_due_on),
    periodStartsOn: row.period_starts_on,
    dueOn: row.period_due_on,
    year: Number(row.year),
    status: row.status,
    statusName: SELF_CHECK_STATUS_NAMES[row.status].zh,
    answered: templateItems(template).filter((i) => i.id in answers).length,
    itemCount: templateItems(template).length,
    failed: Object.values(answers).filter((a) => a.outcome === "fail").length,
    submittedAt: row.submitted_at,
    confirmedAt: row.confirmed_at,
  };
}

/** The slots the person owes, each with the self-check started for it. */
export async function presentOwed(
  db: Kysely<Database>,
  slots: Awaited<ReturnType<typeof owedSlots>>,
  own: readonly SelfCheckRow[],
  now: Date,
): Promise<OwedPeriod[]> {
  const { timings } = await readObligationSettings(db);
  const today = dateIn(now);
  return slots.map((o) => {
    const started = own.find((s) => s.period_id === o.period_id);
    return {
      obligationId: o.id,
      periodId: o.period_id,
      period: periodOf(o.period_id, o.starts_on, o.due_on),
      startsOn: o.starts_on,
      dueOn: o.due_on,
      status: statusOf(o.state, o.due_on, today, timings),
      started: o.starts_on <= today,
      selfCheck: started
        ? { id: started.id, status: started.status, statusName: SELF_CHECK_STATUS_NAMES[started.status].zh }
        : null,
    };
  });
}

export async function presentSelfCheck(
  request: FastifyRequest,
  row: SelfCheckRow,
  confirmers: readonly ResponsibleHolder[],
): Promise<SelfCheckView> {
  const db = request.server.db.kysely;
  const actor = authOf(request).actor;
  const { policy } = await activePolicy(db);
  const today = dateIn(request.server.clock());
  const template = parseTemplate(row.template);
  const answers = parseAnswers(row.answers);
  const findings = await findingColumns(db)
    .where("inspection_finding.source", "=", "selfCheck")
    .where("inspection_finding.source_id", "=", row.id)
    .orderBy("inspection_finding.id")
    .execute();
  const own = isOwn(actor, row);
  const confirms = !own && actor.personId !== null && confirmers.some((h) => h.personId === actor.personId);
  return {
    ...presentSelfCheckSummary(row),
    template,
    citations: Object.fromEntries(
      templateItems(template).map((i) => [i.article, citationOf(policy, i.article) ?? i.article]),
    ),
    answers: templateItems(template).flatMap((item) => {
      const a = answers[item.id];
      return a ? [{ itemId: item.id, outcome: a.outcome, score: a.score, note: a.note }] : [];
    }),
    returnReason: row.return_reason,
    confirmers: confirmers.map((h) => ({ id: h.personId, name: h.name })),
    confirmedBy: row.confirmer_person_id ? { id: row.confirmer_person_id, name: row.confirmer_name ?? "" } : null,
    findings: findings.map((f) => presentFindingSummary(f, today)),
    obligations: await raisedOrDischarged(
      db,
      policy,
      { recordKind: SELF_CHECK_RECORD_KIND, recordIds: [row.id] },
      request.server.clock(),
    ),
    abilities: {
      answer: own && selfCheckAllows(row.status, "answer"),
      submit: own && selfCheckAllows(row.status, "submit"),
      confirm: confirms && selfCheckAllows(row.status, "confirm"),
      return: confirms && selfCheckAllows(row.status, "return"),
    },
  };
}
