/** The detail view of one obligation: the duty and its provision, who answers for it, its evidence, what the actor may do. */
import { type Kysely } from "kysely";
import { type Actor } from "../../domain/access.js";
import { type Locale, inLocale } from "../../domain/locale.js";
import { type ObligationTimings } from "../../domain/obligation.js";
import { describeCadence } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { ROLE_NAMES, isBusinessRole } from "../../domain/roles.js";
import { type Database } from "../../platform/db/schema.js";
import { provisionText } from "../responsibility/names.js";
import { type ObligationView } from "./contract.js";
import { presentSummary } from "./presenter.js";
import { type ObligationRow } from "./queries.js";
import { escalationOf, type ResponsibleHolder } from "./responsible.js";
import { dischargeText, partiesOf } from "./service.js";

const DECISION_NAMES = {
  pending: { zh: "待审核", en: "Pending" },
  approved: { zh: "已通过", en: "Approved" },
  rejected: { zh: "已退回", en: "Returned" },
} as const;

const LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  responsible: { zh: "责任人", en: "Responsible" },
  unitHead: { zh: "单位负责人", en: "Unit head" },
  portfolioLeader: { zh: "分管院领导", en: "Portfolio leader" },
  secrecyLeader: { zh: "分管保密工作的院领导", en: "Leader in charge of secrecy work" },
  principalLeaders: { zh: "党委书记、院长", en: "Party secretary and president" },
};

function roleLabel(role: string, locale: Locale): string {
  return isBusinessRole(role) ? inLocale(ROLE_NAMES[role], locale) : role;
}

const holderView = (locale: Locale) => (h: ResponsibleHolder) => ({
  personId: h.personId,
  name: h.name,
  role: roleLabel(h.role, locale),
  acting: h.acting,
});

/** The full view, asking the resolver who answers for it today (or reading who did, once it closed). */
export async function presentObligation(
  db: Kysely<Database>,
  policy: Policy,
  actor: Actor,
  row: ObligationRow,
  locale: Locale,
  timings: ObligationTimings,
  now: Date,
): Promise<ObligationView> {
  const parties = await partiesOf(db, policy, actor, row);
  const frozen = row.responsible !== null;
  const responsible = frozen ? (JSON.parse(row.responsible ?? "[]") as ResponsibleHolder[]) : parties.responsible;
  const steps = await escalationOf(db, policy, row, actor.today);
  const evidence = await db
    .selectFrom("obligation_evidence as e")
    .innerJoin("account as a", "a.id", "e.submitted_by")
    .leftJoin("account as d", "d.id", "e.decided_by")
    .select([
      "e.id",
      "e.summary",
      "e.document_no",
      "e.file_name",
      "e.file_type",
      "e.file_size",
      "e.file_sha256",
      "a.display_name as submitted_by",
      "e.submitted_at",
      "e.decision",
      "d.display_name as decided_by",
      "e.decided_at",
      "e.decision_note",
    ])
    .where("e.obligation_id", "=", row.id)
    .orderBy("e.id")
    .execute();
  const closedBy = row.closed_by
    ? await db.selectFrom("account").select("display_name").where("id", "=", row.closed_by).executeTakeFirst()
    : undefined;
  const duty = parties.duty;
  const view = holderView(locale);
  return {
    ...presentSummary(policy, row, locale, actor.today, timings, now.toISOString()),
    discharge: dischargeText(duty, locale),
    cadence: duty ? inLocale(describeCadence(duty.cadence), locale) : "",
    provision: provisionText(policy, row.article),
    record: row.record_kind && row.record_id ? { kind: row.record_kind, id: row.record_id } : null,
    waiveReason: row.waive_reason,
    closedBy: closedBy?.display_name ?? null,
    responsible: responsible.map(view),
    responsibleFrozen: frozen,
    chain: steps.map((step) => ({
      level: step.level,
      levelName: inLocale(LEVEL_NAMES[step.level] ?? { zh: step.level, en: step.level }, locale),
      holders: step.holders.map(view),
    })),
    approvers: parties.approvers.map(view),
    evidence: evidence.map((e) => ({
      id: e.id,
      summary: e.summary,
      documentNo: e.document_no,
      file:
        e.file_name !== null
          ? {
              name: e.file_name,
              type: e.file_type ?? "application/octet-stream",
              size: Number(e.file_size ?? 0),
              sha256: e.file_sha256 ?? "",
            }
          : null,
      submittedBy: e.submitted_by,
      submittedAt: e.submitted_at,
      decision: e.decision,
      decisionName: inLocale(DECISION_NAMES[e.decision], locale),
      decidedBy: e.decided_by,
      decidedAt: e.decided_at,
      decisionNote: e.decision_note,
    })),
    abilities: parties.abilities,
  };
}
