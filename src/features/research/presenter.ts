/** A research topic as the API shows it: its team, plan, findings, report, the article it serves and its discharges. */
import { type FastifyRequest } from "fastify";
import { findArticle } from "../../domain/policy/catalogue.js";
import {
  RESEARCH_ARTICLE,
  RESEARCH_STATUS_NAMES,
  RESEARCH_TEAM_ROLE_NAMES,
  researchAllows,
} from "../../domain/research.js";
import { authOf } from "../../platform/access/request-auth.js";
import { coversInstitution } from "../meetings/policy.js";
import { DISCHARGE_COLUMNS, presentDischarges } from "../obligations/discharge-view.js";
import { activePolicy } from "../policy/active-policy.js";
import { type ResearchSummary, type ResearchView } from "./contract.js";
import { RESEARCH_RECORD_KIND } from "./records.js";
import { RESEARCH_MANAGE, type ResearchRow } from "./service.js";

export function presentResearchSummary(row: ResearchRow): ResearchSummary {
  return {
    id: row.id,
    institution: { id: row.institution_id, name: row.institution_name },
    year: Number(row.year),
    title: row.title,
    status: row.status,
    statusName: RESEARCH_STATUS_NAMES[row.status].zh,
    lead: { id: row.lead_person_id, name: row.lead_name, unitName: row.lead_unit_name },
    planStartsOn: row.plan_starts_on,
    planEndsOn: row.plan_ends_on,
    findingCount: Number(row.finding_count ?? 0),
    approvedOn: row.approved_on,
    concludedOn: row.concluded_on,
  };
}

export async function presentResearch(request: FastifyRequest, row: ResearchRow): Promise<ResearchView> {
  const db = request.server.db.kysely;
  const { policy } = await activePolicy(db);
  const memberIds = JSON.parse(row.members) as string[];
  const people =
    memberIds.length === 0
      ? []
      : await db
          .selectFrom("person")
          .leftJoin("unit", "unit.id", "person.unit_id")
          .select(["person.id", "person.name", "unit.name as unit_name"])
          .where("person.id", "in", memberIds)
          .execute();
  const findings = await db
    .selectFrom("research_finding")
    .select(["id", "seq", "text", "recorded_at"])
    .where("topic_id", "=", row.id)
    .orderBy("seq")
    .execute();

  // Concluded: the obligations its 结题 fulfilled. Before: the open ones of the duty it will discharge, so the office
  // sees which duty the topic serves while it runs.
  const duties = policy.duties
    .filter((d) => d.discharge.by === "record" && d.discharge.record === RESEARCH_RECORD_KIND)
    .map((d) => d.id);
  const obligations =
    duties.length === 0 || row.status === "cancelled"
      ? []
      : await db
          .selectFrom("obligation")
          .select(DISCHARGE_COLUMNS)
          .where("institution_id", "=", row.institution_id)
          .where("duty_id", "in", duties)
          .$if(row.status === "concluded", (q) =>
            q.where("record_kind", "=", RESEARCH_RECORD_KIND).where("record_id", "=", row.id),
          )
          .$if(row.status !== "concluded", (q) => q.where("state", "=", "open"))
          .orderBy("starts_on")
          .limit(20)
          .execute();

  const article = findArticle(policy, RESEARCH_ARTICLE);
  const item = article?.items.find((i) => i.id === RESEARCH_ARTICLE);
  const manage = coversInstitution(authOf(request).actor, RESEARCH_MANAGE, row.institution_path);
  const may = (action: Parameters<typeof researchAllows>[1]) => manage && researchAllows(row.status, action);
  return {
    ...presentResearchSummary(row),
    question: row.question,
    team: [
      {
        person: { id: row.lead_person_id, name: row.lead_name, unitName: row.lead_unit_name },
        role: "lead" as const,
        roleName: RESEARCH_TEAM_ROLE_NAMES.lead.zh,
      },
      ...memberIds.flatMap((id) => {
        const p = people.find((person) => person.id === id);
        return p
          ? [
              {
                person: { id: p.id, name: p.name, unitName: p.unit_name },
                role: "member" as const,
                roleName: RESEARCH_TEAM_ROLE_NAMES.member.zh,
              },
            ]
          : [];
      }),
    ],
    plan: {
      text: row.plan_text,
      startsOn: row.plan_starts_on,
      endsOn: row.plan_ends_on,
      milestones: JSON.parse(row.milestones) as { title: string; dueOn: string }[],
    },
    approval: row.approved_on && row.approval_note ? { approvedOn: row.approved_on, note: row.approval_note } : null,
    startedOn: row.started_on,
    findings: findings.map((f) => ({ id: f.id, seq: Number(f.seq), text: f.text, recordedAt: f.recorded_at })),
    report: row.report,
    reportedAt: row.reported_at,
    conclusion:
      row.concluded_on && row.concluded_at && row.conclusion_note
        ? { concludedOn: row.concluded_on, note: row.conclusion_note, concludedAt: row.concluded_at }
        : null,
    cancelReason: row.cancel_reason,
    article: {
      id: RESEARCH_ARTICLE,
      citation: item?.citation ?? RESEARCH_ARTICLE,
      text: item?.text ?? "",
    },
    obligations: await presentDischarges(db, policy, obligations, request.server.clock()),
    abilities: {
      edit: may("edit"),
      approve: may("approve"),
      start: may("start"),
      recordFinding: may("recordFinding"),
      writeReport: may("writeReport"),
      conclude: may("conclude"),
      cancel: may("cancel"),
    },
  };
}
