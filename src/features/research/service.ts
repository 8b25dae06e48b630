/**
 * Research topics (实施细则第十二条第（三）项 调研制度): the secrecy office proposes a topic, records the committee's
 * approval (立项), starts it, records its findings one by one, writes its report and concludes it (结题) — which
 * discharges the duty to research — or cancels it with a reason. Every step is one transaction with its audit entry and
 * a conditional update on the status it was read in, so a step taken twice at once ends as one success and one 409.
 */
import { type FastifyRequest } from "fastify";
import { type Kysely, sql, type Transaction, type Updateable } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { type Actor } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { keysetPage } from "../../domain/paging.js";
import { type ResearchAction, nextResearchStatus, type ResearchStatus } from "../../domain/research.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database, type ResearchTopicTable } from "../../platform/db/schema.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { institutionToRecord } from "../meetings/institution-to-record.js";
import { coversInstitution, reachesInstitution } from "../meetings/policy.js";
import { reachableInstitutions } from "../meetings/queries.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { dischargeByRecords } from "../obligations/records.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  type ApproveResearchRequestSchema,
  type CreateResearchRequestSchema,
  type ResearchProposalSchema,
} from "./contract.js";

export const RESEARCH_READ = "research.read" as const;
export const RESEARCH_MANAGE = "research.manage" as const;
export const researchObject = (id: string | null) => ({ type: "researchTopic", id });

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
type Proposal = z.infer<typeof ResearchProposalSchema>;

/** A topic with its institution, its lead and the lead's unit, and how many findings it has. */
export function researchColumns(db: Db) {
  return db
    .selectFrom("research_topic")
    .innerJoin("unit as institution", "institution.id", "research_topic.institution_id")
    .innerJoin("person as lead", "lead.id", "research_topic.lead_person_id")
    .leftJoin("unit as lead_unit", "lead_unit.id", "lead.unit_id")
    .selectAll("research_topic")
    .select((eb) => [
      "institution.name as institution_name",
      "institution.path as institution_path",
      "lead.name as lead_name",
      "lead_unit.name as lead_unit_name",
      eb
        .selectFrom("research_finding")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("research_finding.topic_id", "=", "research_topic.id")
        .as("finding_count"),
    ]);
}
export type ResearchRow = Awaited<ReturnType<ReturnType<typeof researchColumns>["executeTakeFirstOrThrow"]>>;

export interface ResearchFilter {
  year?: number | undefined;
  status?: ResearchStatus | undefined;
  leadUnitId?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The topics the actor reaches, newest first, filtered; the cursor is the id of the last row. */
export async function listResearch(db: Db, actor: Actor, filter: ResearchFilter) {
  const institutions = await reachableInstitutions(db, actor, RESEARCH_READ);
  if (institutions.length === 0) return { rows: [], nextCursor: null };
  let unitPath: string | undefined;
  if (filter.leadUnitId) {
    const unit = await db.selectFrom("unit").select("path").where("id", "=", filter.leadUnitId).executeTakeFirst();
    unitPath = unit?.path ?? "\u0000none";
  }
  // A keyword is matched literally: % and _ typed by the user are not wildcards.
  const keyword = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await researchColumns(db)
    .where("research_topic.institution_id", "in", institutions)
    .$if(filter.year !== undefined, (q) => q.where("research_topic.year", "=", filter.year ?? 0))
    .$if(filter.status !== undefined, (q) => q.where("research_topic.status", "=", filter.status ?? "draft"))
    .$if(unitPath !== undefined, (q) => q.where("lead_unit.path", "like", `${unitPath ?? ""}%`))
    .$if(keyword !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("research_topic.title", "like", sql<string>`${keyword} escape '\\'`),
          eb("research_topic.question", "like", sql<string>`${keyword} escape '\\'`),
        ]),
      ),
    )
    .$if(filter.cursor !== undefined, (q) => q.where("research_topic.id", "<", filter.cursor ?? ""))
    .orderBy("research_topic.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  return keysetPage(rows, filter.limit, (row) => row.id);
}

/** The topic, if the actor may see it; otherwise an audited 404. */
export async function visibleResearch(request: FastifyRequest, id: string): Promise<ResearchRow> {
  const row = await researchColumns(request.server.db.kysely).where("research_topic.id", "=", id).executeTakeFirst();
  if (!row || !reachesInstitution(authOf(request).actor, RESEARCH_READ, row.institution_path))
    return notVisible(request, RESEARCH_READ, researchObject(id));
  return row;
}

/** The topic, if the actor keeps the institution's research (the secrecy office); 403 when only visible. */
async function managedResearch(request: FastifyRequest, id: string): Promise<ResearchRow> {
  const row = await visibleResearch(request, id);
  if (!coversInstitution(authOf(request).actor, RESEARCH_MANAGE, row.institution_path))
    await deny(request, FORBIDDEN, { action: RESEARCH_MANAGE, object: researchObject(id) });
  return row;
}

/**
 * Moves the topic from the status it was read in to where the action leads, with `set`; a 409 naming the status when
 * the topic is elsewhere, or another request moved it first.
 */
async function advance(
  trx: Trx,
  row: ResearchRow,
  action: ResearchAction,
  set: Updateable<ResearchTopicTable>,
  at: string,
): Promise<void> {
  const status = nextResearchStatus(row.status, action);
  const result = await trx
    .updateTable("research_topic")
    .set({ ...set, status, updated_at: at })
    .where("id", "=", row.id)
    .where("status", "=", row.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  // Read through the transaction's own connection: on SQLite another read would wait for the lock it holds.
  const now = await trx.selectFrom("research_topic").select("status").where("id", "=", row.id).executeTakeFirst();
  if (now) nextResearchStatus(now.status, action);
  throw new AppError("CONFLICT", { zh: "调研课题状态已变化，请刷新后重试", en: "The topic changed; reload" });
}

/**
 * Checks what a proposal names: the lead and the members are people of the institution, no one twice; the plan ends
 * after it starts and its milestones fall inside it; no text carries a secrecy marking.
 */
async function checkProposal(
  request: FastifyRequest,
  institutionPath: string,
  body: Proposal,
  id: string | null,
): Promise<void> {
  const db = request.server.db.kysely;
  const ids = [body.leadPersonId, ...body.memberIds];
  const people = await db
    .selectFrom("person")
    .leftJoin("unit", "unit.id", "person.unit_id")
    .select(["person.id", "unit.path"])
    .where("person.id", "in", ids)
    .execute();
  const inInstitution = (personId: string) =>
    people.some((p) => p.id === personId && p.path !== null && p.path.startsWith(institutionPath));
  if (!inInstitution(body.leadPersonId))
    throw badField(
      "body.leadPersonId",
      "课题负责人不存在或不属于本院校",
      "The lead is not a person of the institution",
    );
  body.memberIds.forEach((memberId, i) => {
    if (!inInstitution(memberId))
      throw badField(`body.memberIds.${i}`, "课题组成员不存在或不属于本院校", "No such person in this institution");
    if (memberId === body.leadPersonId || body.memberIds.indexOf(memberId) !== i)
      throw badField(`body.memberIds.${i}`, "课题组成员重复（负责人无须再列为成员）", "A member is listed twice");
  });
  if (body.plan.endsOn < body.plan.startsOn)
    throw badField("body.plan.endsOn", "计划结束日期不得早于开始日期", "The plan ends before it starts");
  body.plan.milestones.forEach((m, i) => {
    if (m.dueOn < body.plan.startsOn || m.dueOn > body.plan.endsOn)
      throw badField(
        `body.plan.milestones.${i}.dueOn`,
        "进度节点的完成日期须在计划起止日期之内",
        "A milestone falls outside the plan",
      );
  });
  await refuseMarkedText(
    request,
    [body.title, body.question, body.plan.text, ...body.plan.milestones.map((m) => m.title)],
    researchObject(id),
  );
}

const proposalColumns = (body: Proposal) => ({
  year: Number(body.plan.startsOn.slice(0, 4)),
  title: body.title,
  question: body.question,
  lead_person_id: body.leadPersonId,
  members: JSON.stringify(body.memberIds),
  plan_text: body.plan.text,
  plan_starts_on: body.plan.startsOn,
  plan_ends_on: body.plan.endsOn,
  milestones: JSON.stringify(body.plan.milestones),
});

/** Proposes a topic (立项中) in the institution the office keeps. */
export async function createResearch(
  request: FastifyRequest,
  body: z.infer<typeof CreateResearchRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const institution = await institutionToRecord(request, RESEARCH_MANAGE, body.institutionId, researchObject(null));
  await checkProposal(request, institution.path, body, null);
  const id = uuidv7();
  const at = toInstant(app.clock());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("research_topic")
      .values({
        id,
        institution_id: institution.id,
        ...proposalColumns(body),
        status: "draft",
        approved_on: null,
        approval_note: null,
        approved_by: null,
        started_on: null,
        report: null,
        reported_at: null,
        concluded_on: null,
        concluded_at: null,
        conclusion_note: null,
        concluded_by: null,
        cancel_reason: null,
        cancelled_at: null,
        created_by: authOf(request).account.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "research.create",
      object: researchObject(id),
      result: "success",
      details: { year: Number(body.plan.startsOn.slice(0, 4)), members: body.memberIds.length },
    });
  });
  return id;
}

/** Changes the proposal while it is 立项中. */
export async function updateResearch(request: FastifyRequest, id: string, body: Proposal): Promise<void> {
  const app = request.server;
  const row = await managedResearch(request, id);
  nextResearchStatus(row.status, "edit");
  await checkProposal(request, row.institution_path, body, id);
  await app.db.kysely.transaction().execute(async (trx) => {
    await advance(trx, row, "edit", proposalColumns(body), toInstant(app.clock()));
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "research.update",
      object: researchObject(id),
      result: "success",
      details: { members: body.memberIds.length, milestones: body.plan.milestones.length },
    });
  });
}

/**
 * One workflow step: the office's texts checked for markings, then the change, what follows from it (`after`, in the
 * same transaction: the discharge of 结题) and its audit entry at once.
 */
async function step(
  request: FastifyRequest,
  id: string,
  action: ResearchAction,
  texts: readonly (string | undefined)[],
  set: (row: ResearchRow, trx: Trx) => Promise<Updateable<ResearchTopicTable>>,
  details: Record<string, unknown> = {},
  after?: (row: ResearchRow, trx: Trx) => Promise<Record<string, unknown>>,
): Promise<void> {
  const app = request.server;
  const row = await managedResearch(request, id);
  nextResearchStatus(row.status, action);
  await refuseMarkedText(request, texts, researchObject(id));
  await app.db.kysely.transaction().execute(async (trx) => {
    await advance(trx, row, action, await set(row, trx), toInstant(app.clock()));
    const more = after ? await after(row, trx) : {};
    await app.audit.append(trx, {
      ...auditContext(request),
      action: `research.${action}`,
      object: researchObject(id),
      result: "success",
      details: { ...details, ...more },
    });
  });
}

/** 立项: the office records the committee's decision (when, and where it was taken). */
export async function approveResearch(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof ApproveResearchRequestSchema>,
): Promise<void> {
  await step(request, id, "approve", [body.note], () =>
    Promise.resolve({
      approved_on: body.approvedOn,
      approval_note: body.note,
      approved_by: authOf(request).account.id,
    }),
  );
}

/** 开始调研 (today unless told). */
export async function startResearch(request: FastifyRequest, id: string, startedOn: string | undefined) {
  const day = startedOn ?? dateIn(request.server.clock());
  await step(request, id, "start", [], () => Promise.resolve({ started_on: day }), { startedOn: day });
}

/** Records one finding (调研发现), numbered after the last; findings are never changed once recorded. */
export async function recordFinding(request: FastifyRequest, id: string, text: string): Promise<void> {
  const at = toInstant(request.server.clock());
  await step(request, id, "recordFinding", [text], async (row, trx) => {
    const last = await trx
      .selectFrom("research_finding")
      .select(sql<number | null>`max(seq)`.as("n"))
      .where("topic_id", "=", row.id)
      .executeTakeFirst();
    await trx
      .insertInto("research_finding")
      .values({
        id: uuidv7(),
        topic_id: row.id,
        seq: Number(last?.n ?? 0) + 1,
        text,
        recorded_by: authOf(request).account.id,
        recorded_at: at,
      })
      .execute();
    return {};
  });
}

/** Writes (or rewrites, until 结题) the research report (调研报告). */
export async function writeResearchReport(request: FastifyRequest, id: string, report: string): Promise<void> {
  const at = toInstant(request.server.clock());
  await step(request, id, "writeReport", [report], () => Promise.resolve({ report, reported_at: at }), {
    length: report.length,
  });
}

/** 结题: final; discharges the open obligations of the duty to research in the year it concludes. */
export async function concludeResearch(
  request: FastifyRequest,
  id: string,
  body: { concludedOn?: string | undefined; note: string },
): Promise<void> {
  const app = request.server;
  const now = app.clock();
  const day = body.concludedOn ?? dateIn(now);
  if (day > dateIn(now)) throw badField("body.concludedOn", "结题日期不得晚于今天", "Cannot conclude in the future");
  const { policy } = await activePolicy(app.db.kysely);
  await step(
    request,
    id,
    "conclude",
    [body.note],
    (row) => {
      if (day < (row.started_on ?? row.plan_starts_on))
        throw badField("body.concludedOn", "结题日期不得早于开始调研日期", "Concluded before it started");
      return Promise.resolve({
        concluded_on: day,
        concluded_at: toInstant(now),
        conclusion_note: body.note,
        concluded_by: authOf(request).account.id,
      });
    },
    { concludedOn: day },
    async (row, trx) => ({
      obligationsFulfilled: await dischargeByRecords(trx, policy, row.institution_id, Number(day.slice(0, 4)), now),
    }),
  );
  touchObligations();
}

/** 撤销, with the reason; final. */
export async function cancelResearch(request: FastifyRequest, id: string, reason: string): Promise<void> {
  const at = toInstant(request.server.clock());
  await step(request, id, "cancel", [reason], () => Promise.resolve({ cancel_reason: reason, cancelled_at: at }));
}
