/** Plans, inspections and findings as the API shows them, with the actor's abilities and the obligations discharged. */
import { type FastifyRequest } from "fastify";
import { pathIds } from "../../domain/responsibility.js";
import { inTreeOrder } from "../../domain/tree-order.js";
import { dateIn } from "../../domain/calendar.js";
import {
  FINDING_SOURCE_NAMES,
  FINDING_CATEGORY_NAMES,
  type FindingCategory,
  findingAllows,
  INSPECTION_STATUS_NAMES,
  PLAN_KIND_ARTICLES,
  PLAN_KIND_NAMES,
  scoreOf,
  SEVERITY_NAMES,
  FINDING_STATUS_NAMES,
  templateItems,
} from "../../domain/inspection.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { authOf } from "../../platform/access/request-auth.js";
import { raisedOrDischarged } from "../obligations/discharge-view.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  type FindingSummary,
  type FindingView,
  type InspectionView,
  type PlanSummary,
  type PlanView,
} from "./contract.js";
import { INSPECTION_RECORD_KIND } from "./records.js";
import {
  type FindingRow,
  type FindingSummaryRow,
  inspectionColumns,
  type InspectionRow,
  mayRecord,
  mayRectify,
  mayVerify,
  parseResults,
  parseTemplate,
  type PlanRow,
} from "./service.js";

export function presentPlanSummary(row: PlanRow): PlanSummary {
  const template = parseTemplate(row.template);
  return {
    id: row.id,
    institution: { id: row.institution_id, name: row.institution_name },
    kind: row.kind,
    kindName: PLAN_KIND_NAMES[row.kind].zh,
    title: row.title,
    year: Number(row.year),
    half: row.half === null ? null : Number(row.half),
    lead: { id: row.lead_person_id, name: row.lead_name },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    template: { id: row.template_id, version: Number(row.template_version), title: template.title.zh },
    unitCount: Number(row.unit_count ?? 0),
    closedCount: Number(row.closed_count ?? 0),
  };
}

export function presentFindingSummary(row: FindingSummaryRow, today: string): FindingSummary {
  return {
    id: row.id,
    inspectionId: row.inspection_id,
    source: row.source,
    sourceId: row.source_id,
    sourceName: FINDING_SOURCE_NAMES[row.source].zh,
    unit: { id: row.unit_id, name: row.unit_name },
    year: Number(row.year),
    itemId: row.item_id,
    itemText: (JSON.parse(row.item_text) as { zh: string }).zh,
    category: row.category as FindingCategory,
    categoryName: FINDING_CATEGORY_NAMES[row.category as FindingCategory].zh,
    severity: row.severity,
    severityName: SEVERITY_NAMES[row.severity].zh,
    description: row.description,
    deadline: row.deadline,
    status: row.status,
    statusName: FINDING_STATUS_NAMES[row.status].zh,
    overdue: row.status !== "closed" && row.deadline < today,
    repeated: row.repeat_of !== null,
    owner: row.owner_person_id ? { id: row.owner_person_id, name: row.owner_name ?? "" } : null,
  };
}

async function attachmentsOf(request: FastifyRequest, where: { inspectionId?: string; findingId?: string }) {
  const rows = await request.server.db.kysely
    .selectFrom("inspection_attachment")
    .select(["id", "name", "type", "size", "item_id", "finding_id", "uploaded_at"])
    .$if(where.inspectionId !== undefined, (q) => q.where("inspection_id", "=", where.inspectionId ?? ""))
    .$if(where.findingId !== undefined, (q) => q.where("finding_id", "=", where.findingId ?? ""))
    .orderBy("id")
    .execute();
  return rows.map((a) => ({
    id: a.id,
    name: a.name,
    type: a.type,
    size: Number(a.size),
    itemId: a.item_id,
    findingId: a.finding_id,
    uploadedAt: a.uploaded_at,
  }));
}

export async function presentPlan(request: FastifyRequest, row: PlanRow, team: readonly string[]): Promise<PlanView> {
  const db = request.server.db.kysely;
  const { policy } = await activePolicy(db);
  const people = await db
    .selectFrom("person")
    .select(["id", "name"])
    .where("id", "in", [...team])
    .execute();
  const inspections = await inspectionColumns(db)
    .where("inspection.plan_id", "=", row.id)
    .select("unit.path as unit_path")
    .select((eb) =>
      eb
        .selectFrom("inspection_finding")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("inspection_finding.inspection_id", "=", "inspection.id")
        .as("finding_count"),
    )
    .execute();
  // As the organization tree shows them: a school before its departments (a member's plan covers both).
  const ancestors = [...new Set(inspections.flatMap((i) => pathIds(i.unit_path)))];
  const places = ancestors.length
    ? await db.selectFrom("unit").select(["id", "sort_order", "name"]).where("id", "in", ancestors).execute()
    : [];
  const ordered = inTreeOrder(
    inspections,
    (i) => i.unit_path,
    new Map(places.map((p) => [p.id, { sortOrder: p.sort_order, name: p.name }])),
  );
  const template = parseTemplate(row.template);
  const article = PLAN_KIND_ARTICLES[row.kind];
  return {
    ...presentPlanSummary(row),
    article: { id: article, citation: citationOf(policy, article) ?? article },
    team: team.flatMap((id) => people.filter((p) => p.id === id)),
    inspections: ordered.map((i) => ({
      id: i.id,
      unit: { id: i.unit_id, name: i.unit_name },
      status: i.status,
      statusName: INSPECTION_STATUS_NAMES[i.status].zh,
      recorded: Object.keys(parseResults(i.results)).length,
      itemCount: templateItems(template).length,
      findingCount: Number(i.finding_count ?? 0),
      closedOn: i.closed_on,
    })),
    obligations: await raisedOrDischarged(
      db,
      policy,
      { recordKind: INSPECTION_RECORD_KIND, recordIds: inspections.map((i) => i.id) },
      request.server.clock(),
    ),
    abilities: { record: mayRecord(authOf(request).actor, row.institution_path, team) },
  };
}

export async function presentInspection(
  request: FastifyRequest,
  row: InspectionRow,
  team: readonly string[],
  findings: readonly FindingRow[],
): Promise<InspectionView> {
  const db = request.server.db.kysely;
  const { policy } = await activePolicy(db);
  const today = dateIn(request.server.clock());
  const template = parseTemplate(row.template);
  const results = parseResults(row.results);
  const record = mayRecord(authOf(request).actor, row.institution_path, team) && row.status === "draft";
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    status: row.status,
    statusName: INSPECTION_STATUS_NAMES[row.status].zh,
    recorded: Object.keys(results).length,
    itemCount: templateItems(template).length,
    findingCount: findings.length,
    closedOn: row.closed_on,
    plan: {
      id: row.plan_id,
      kind: row.plan_kind,
      kindName: PLAN_KIND_NAMES[row.plan_kind].zh,
      title: row.plan_title,
      year: Number(row.plan_year),
      half: row.plan_half === null ? null : Number(row.plan_half),
    },
    institution: { id: row.institution_id, name: row.institution_name },
    template,
    citations: Object.fromEntries(
      templateItems(template).map((i) => [i.article, citationOf(policy, i.article) ?? i.article]),
    ),
    results: templateItems(template).flatMap((item) => {
      const r = results[item.id];
      return r ? [{ itemId: item.id, outcome: r.outcome, score: r.score, note: r.note }] : [];
    }),
    summary: row.summary,
    score: scoreOf(template, results),
    findings: findings.map((f) => presentFindingSummary(f, today)),
    attachments: await attachmentsOf(request, { inspectionId: row.id }),
    obligations: await raisedOrDischarged(
      db,
      policy,
      { recordKind: INSPECTION_RECORD_KIND, recordIds: [row.id] },
      request.server.clock(),
    ),
    abilities: { record, close: record, opinion: true },
  };
}

export async function presentFinding(
  request: FastifyRequest,
  row: FindingRow,
  team: readonly string[],
): Promise<FindingView> {
  const db = request.server.db.kysely;
  const actor = authOf(request).actor;
  const today = dateIn(request.server.clock());
  const earlier = row.repeat_of
    ? await db
        .selectFrom("inspection_finding")
        .select(["id", "inspection_id", "year"])
        .where("id", "=", row.repeat_of)
        .executeTakeFirst()
    : undefined;
  const rectify = mayRectify(actor, row);
  const verify = mayVerify(actor, row, team);
  return {
    ...presentFindingSummary(row, today),
    institution: { id: row.institution_id, name: row.institution_name },
    plan: row.plan_id ? { id: row.plan_id, title: row.plan_title ?? "" } : null,
    repeatOf: earlier ? { id: earlier.id, inspectionId: earlier.inspection_id, year: Number(earlier.year) } : null,
    rectification: {
      plan: row.plan_text,
      progress: row.progress,
      evidence: row.evidence,
      submittedAt: row.submitted_at,
      returnReason: row.return_reason,
      verifiedAt: row.verified_at,
      verificationNote: row.verification_note,
    },
    attachments: await attachmentsOf(request, { findingId: row.id }),
    abilities: {
      rectify: rectify && findingAllows(row.status, "rectify"),
      submit: rectify && findingAllows(row.status, "submit"),
      verify: verify && findingAllows(row.status, "verify"),
      sendBack: verify && findingAllows(row.status, "sendBack"),
    },
  };
}
