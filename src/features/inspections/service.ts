/**
 * Inspections (保密检查, 第十一条第（四）项、第十三条第（六）项) and rectification (整改): the office makes a plan (its kind,
 * team, units, dates and checklist template, frozen); the team records each unit's results and findings and closes the
 * inspection, which discharges the obligation it answers; each finding's owner (the unit head on the day it was made)
 * records the rectification and submits it; an inspector — never the owner — verifies and closes it or sends it back.
 * Every change is one transaction with its audit entry.
 */
import { createHash } from "node:crypto";
import { type FastifyRequest } from "fastify";
import { type Kysely, sql, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { type Actor, scopesFor } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import {
  checkResult,
  type FindingAction,
  type FindingSource,
  type FindingStatus,
  firstUnrecorded,
  type InspectionTemplate,
  type ItemResult,
  nextFindingStatus,
  type PlanKind,
  refuseClosedInspection,
  templateItems,
} from "../../domain/inspection.js";
import { keysetPage, mergePages } from "../../domain/paging.js";
import { type Permission } from "../../domain/permissions.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { isPostgres } from "../../platform/db/migrations/dialect.js";
import { type Database } from "../../platform/db/schema.js";
import { refuseMarking } from "../../platform/documents/marking-refusal.js";
import { scanUpload } from "../../platform/documents/marking-scan.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { institutionToRecord } from "../meetings/institution-to-record.js";
import { allowedType, MAX_MATERIAL_BYTES } from "../meetings/materials.js";
import { coversInstitution, reachesInstitution } from "../meetings/policy.js";
import { reachableInstitutions } from "../meetings/queries.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { dischargeByRecords } from "../obligations/records.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  type AttachmentUploadSchema,
  type CreateFindingRequestSchema,
  type CreatePlanRequestSchema,
  type RectificationRequestSchema,
  type SaveResultsRequestSchema,
} from "./contract.js";
import { prepareFinding } from "./raise-finding.js";
import { currentTemplate } from "./templates.js";
import { FINDING_RECORD_KIND, INSPECTION_RECORD_KIND } from "./records.js";
import { headedUnits } from "./headed-units.js";
import { memberPortfolio } from "./member-portfolio.js";
import { inOwnUnits, type OwnUnits } from "./own-units.js";
import { findingInstitutions, findingsVisibleTo, ownSelfCheckFinding, plansVisibleTo } from "./visibility.js";

export const INSPECTION_READ: Permission = "inspection.read";
export const INSPECTION_MANAGE: Permission = "inspection.manage";
export const FINDING_UPDATE: Permission = "finding.update";
export const planObject = (id: string | null) => ({ type: "inspectionPlan", id });
export const inspectionObject = (id: string | null) => ({ type: "inspection", id });
export const findingObject = (id: string | null) => ({ type: "inspectionFinding", id });

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** A plan with its institution, its lead and how many of its inspections are closed. */
export function planColumns(db: Db) {
  return db
    .selectFrom("inspection_plan")
    .innerJoin("unit as institution", "institution.id", "inspection_plan.institution_id")
    .innerJoin("person as lead", "lead.id", "inspection_plan.lead_person_id")
    .selectAll("inspection_plan")
    .select((eb) => [
      "institution.name as institution_name",
      "institution.path as institution_path",
      "lead.name as lead_name",
      eb
        .selectFrom("inspection")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("inspection.plan_id", "=", "inspection_plan.id")
        .as("unit_count"),
      eb
        .selectFrom("inspection")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("inspection.plan_id", "=", "inspection_plan.id")
        .where("inspection.status", "=", "closed")
        .as("closed_count"),
    ]);
}
export type PlanRow = Awaited<ReturnType<ReturnType<typeof planColumns>["executeTakeFirstOrThrow"]>>;

/** An inspection with its plan, unit and institution. */
export function inspectionColumns(db: Db) {
  return db
    .selectFrom("inspection")
    .innerJoin("inspection_plan as plan", "plan.id", "inspection.plan_id")
    .innerJoin("unit", "unit.id", "inspection.unit_id")
    .innerJoin("unit as institution", "institution.id", "inspection.institution_id")
    .selectAll("inspection")
    .select([
      "plan.kind as plan_kind",
      "plan.title as plan_title",
      "plan.year as plan_year",
      "plan.half as plan_half",
      "plan.template as template",
      "unit.name as unit_name",
      "institution.name as institution_name",
      "institution.path as institution_path",
    ]);
}
export type InspectionRow = Awaited<ReturnType<ReturnType<typeof inspectionColumns>["executeTakeFirstOrThrow"]>>;

/** A finding with its unit, institution, plan and the frozen template of its inspection. */
export function findingColumns(db: Db) {
  return db
    .selectFrom("inspection_finding")
    .leftJoin("inspection", "inspection.id", "inspection_finding.inspection_id")
    .leftJoin("inspection_plan as plan", "plan.id", "inspection.plan_id")
    .innerJoin("unit", "unit.id", "inspection_finding.unit_id")
    .innerJoin("unit as institution", "institution.id", "inspection_finding.institution_id")
    .selectAll("inspection_finding")
    .select([
      "plan.id as plan_id",
      "plan.title as plan_title",
      "unit.name as unit_name",
      "unit.path as unit_path",
      "institution.name as institution_name",
      "institution.path as institution_path",
    ]);
}
export type FindingRow = Awaited<ReturnType<ReturnType<typeof findingColumns>["executeTakeFirstOrThrow"]>>;

/** What a list shows of a finding: the columns its summary needs and its unit's name, nothing joined beyond the unit. */
export function findingSummaryColumns(db: Db) {
  return db
    .selectFrom("inspection_finding")
    .innerJoin("unit", "unit.id", "inspection_finding.unit_id")
    .select([
      "inspection_finding.id",
      "inspection_finding.inspection_id",
      "inspection_finding.source",
      "inspection_finding.source_id",
      "inspection_finding.unit_id",
      "inspection_finding.year",
      "inspection_finding.item_id",
      "inspection_finding.item_text",
      "inspection_finding.category",
      "inspection_finding.severity",
      "inspection_finding.description",
      "inspection_finding.deadline",
      "inspection_finding.status",
      "inspection_finding.repeat_of",
      "inspection_finding.owner_person_id",
      "inspection_finding.owner_name",
      "unit.name as unit_name",
    ]);
}
export type FindingSummaryRow = Awaited<
  ReturnType<ReturnType<typeof findingSummaryColumns>["executeTakeFirstOrThrow"]>
>;

/** The people on a plan's team (its lead first). */
export async function teamOf(db: Db, planId: string): Promise<string[]> {
  const rows = await db.selectFrom("inspection_team").select("person_id").where("plan_id", "=", planId).execute();
  return rows.map((r) => r.person_id);
}

const onTeam = (actor: Actor, team: readonly string[]) => actor.personId !== null && team.includes(actor.personId);

/** Whether the actor may record the plan's inspections: the office over the institution, or an inspector of the team. */
export function mayRecord(actor: Actor, institutionPath: string, team: readonly string[]): boolean {
  return coversInstitution(actor, INSPECTION_MANAGE, institutionPath) || onTeam(actor, team);
}

function coversUnit(actor: Actor, permission: Permission, unitPath: string): boolean {
  const scopes = scopesFor(actor, permission);
  return scopes === "all" || scopes.some((scope) => unitPath.startsWith(scope));
}

/** Whether the actor records a finding's rectification: its owner, or the unit's head or liaison in scope. */
export function mayRectify(actor: Actor, row: Pick<FindingRow, "owner_person_id" | "unit_path">): boolean {
  return (
    (actor.personId !== null && actor.personId === row.owner_person_id) ||
    coversUnit(actor, FINDING_UPDATE, row.unit_path)
  );
}

/** Whether the actor verifies a finding: who may record the inspection, never its owner nor who submitted it. */
export function mayVerify(
  actor: Actor,
  row: Pick<FindingRow, "owner_person_id" | "submitted_by" | "institution_path">,
  team: readonly string[],
): boolean {
  if (actor.personId !== null && actor.personId === row.owner_person_id) return false;
  if (row.submitted_by === actor.accountId) return false;
  return mayRecord(actor, row.institution_path, team);
}

// ── Plans ────────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface PlanFilter {
  year?: number | undefined;
  kind?: PlanKind | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The plans the actor reaches (on the institution's branch, or on the team), newest first. */
export async function listPlans(db: Db, actor: Actor, filter: PlanFilter) {
  const institutions = await reachableInstitutions(db, actor, INSPECTION_READ);
  if (institutions.length === 0 && actor.personId === null) return { rows: [], nextCursor: null };
  const rows = await planColumns(db)
    .where(plansVisibleTo(actor, institutions))
    .$if(filter.year !== undefined, (q) => q.where("inspection_plan.year", "=", filter.year ?? 0))
    .$if(filter.kind !== undefined, (q) => q.where("inspection_plan.kind", "=", filter.kind ?? "office"))
    .$if(filter.cursor !== undefined, (q) => q.where("inspection_plan.id", "<", filter.cursor ?? ""))
    .orderBy("inspection_plan.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  return keysetPage(rows, filter.limit, (row) => row.id);
}

/** The plan, if the actor reaches it; otherwise an audited 404. */
export async function visiblePlan(request: FastifyRequest, id: string): Promise<{ row: PlanRow; team: string[] }> {
  const db = request.server.db.kysely;
  const row = await planColumns(db).where("inspection_plan.id", "=", id).executeTakeFirst();
  const team = row ? await teamOf(db, id) : [];
  const actor = authOf(request).actor;
  if (!row || !(reachesInstitution(actor, INSPECTION_READ, row.institution_path) || onTeam(actor, team)))
    return notVisible(request, INSPECTION_READ, planObject(id));
  return { row, team };
}

/** The institution's current version of a template, usable as an inspection checklist (not a self-check form). */
async function templateFor(db: Db, institutionId: string, field: string, id: string): Promise<InspectionTemplate> {
  const template = await currentTemplate(db, institutionId, id);
  if (!template) throw badField(field, `没有编号为“${id}”的检查表`, `No checklist template "${id}"`);
  if (template.subject === "person")
    throw badField(
      field,
      "个人自查表不能用于检查，请选择单位检查表",
      "A self-check form is not an inspection checklist",
    );
  return template;
}

/** What a plan's lead may inspect on their own: a member their portfolio, a unit head their units. */
const OWN_SCOPE = {
  member: {
    scope: (db: Db, personId: string, day: string) => memberPortfolio(db, personId, day),
    leadSelf: { zh: "委员制定本人的半年检查，组长须为本人", en: "You lead your own inspection" },
    outside: (unit: string) => ({
      zh: `“${unit}”不在您的分管范围内（第十一条第（四）项：对分管范围进行检查）`,
      en: `${unit} is not in your portfolio`,
    }),
  },
  unit: {
    scope: (db: Db, personId: string, day: string) => headedUnits(db, personId, day),
    leadSelf: { zh: "单位负责人组织本单位检查，组长须为本人", en: "You lead your unit's inspection" },
    outside: (unit: string) => ({
      zh: `“${unit}”不是组长负责的单位（第六条第（三）项：对本单位保密措施的落实情况进行监督检查）`,
      en: `${unit} is not a unit the lead heads`,
    }),
  },
} as const;

/** Refuses, under its field, a unit of the plan outside what the lead may inspect on their own. */
async function refuseOutside(db: Db, kind: keyof typeof OWN_SCOPE, scope: OwnUnits, unitIds: string[]) {
  const units = await db.selectFrom("unit").select(["id", "name", "path"]).where("id", "in", unitIds).execute();
  unitIds.forEach((id, i) => {
    const unit = units.find((u) => u.id === id);
    if (unit && !inOwnUnits(scope, unit.path)) {
      const message = OWN_SCOPE[kind].outside(unit.name);
      throw badField(`body.unitIds.${i}`, message.zh, message.en);
    }
  });
}

/**
 * The institution a plan is made in: the office's (inspection.manage), or — for a committee member planning their
 * own half-yearly inspection, or a unit head their unit's, without a grant — their own, with themselves as lead and
 * only the units they may inspect on their own. A unit head's inspection is led by the head of its units, whoever
 * plans it.
 */
async function planningInstitution(request: FastifyRequest, body: z.infer<typeof CreatePlanRequestSchema>) {
  const db = request.server.db.kysely;
  const actor = authOf(request).actor;
  const office = scopesFor(actor, INSPECTION_MANAGE);
  const ownKind = body.kind === "member" || body.kind === "unit" ? body.kind : null;
  const withoutGrant = office !== "all" && office.length === 0;
  const mine =
    ownKind && withoutGrant && actor.personId !== null
      ? await OWN_SCOPE[ownKind].scope(db, actor.personId, body.startsOn)
      : null;
  if (!ownKind || !mine) {
    const institution = await institutionToRecord(request, INSPECTION_MANAGE, body.institutionId, planObject(null));
    if (body.kind === "unit") {
      const lead = await headedUnits(db, body.leadPersonId, body.startsOn);
      if (!lead)
        throw badField(
          "body.leadPersonId",
          "本单位检查由单位负责人组织：所选组长在检查开始之日不是任何单位的负责人",
          "A unit's own inspection is led by its head: the lead heads no unit on the start date",
        );
      await refuseOutside(db, "unit", lead, body.unitIds);
    }
    return institution;
  }
  if (body.institutionId !== undefined && body.institutionId !== mine.institution.id)
    throw badField("body.institutionId", "只能制定本院校的检查计划", "Plan in your own institution");
  const { leadSelf } = OWN_SCOPE[ownKind];
  if (body.leadPersonId !== actor.personId) throw badField("body.leadPersonId", leadSelf.zh, leadSelf.en);
  await refuseOutside(db, ownKind, mine, body.unitIds);
  return mine.institution;
}

/** Makes a plan with one draft inspection per unit; the template is frozen on the plan. */
export async function createPlan(
  request: FastifyRequest,
  body: z.infer<typeof CreatePlanRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const institution = await planningInstitution(request, body);
  if (body.kind === "member" && body.half === undefined)
    throw badField("body.half", "委员半年检查须指明上半年或下半年", "A member's half-yearly inspection names its half");
  if (body.endsOn < body.startsOn)
    throw badField("body.endsOn", "检查结束日期不得早于开始日期", "The inspection ends before it starts");
  if (Number(body.startsOn.slice(0, 4)) !== body.year)
    throw badField("body.startsOn", "检查开始日期须在计划年度内", "The inspection starts outside its year");
  const template = await templateFor(db, institution.id, "body.templateId", body.templateId);
  const people = await db
    .selectFrom("person")
    .leftJoin("unit", "unit.id", "person.unit_id")
    .select(["person.id", "unit.path"])
    .where("person.id", "in", [body.leadPersonId, ...body.teamIds])
    .execute();
  const inInstitution = (id: string) => people.some((p) => p.id === id && (p.path ?? "").startsWith(institution.path));
  if (!inInstitution(body.leadPersonId))
    throw badField(
      "body.leadPersonId",
      "检查组组长不存在或不属于本院校",
      "The lead is not a person of the institution",
    );
  body.teamIds.forEach((id, i) => {
    if (!inInstitution(id))
      throw badField(`body.teamIds.${i}`, "检查组成员不存在或不属于本院校", "No such person in this institution");
    if (id === body.leadPersonId || body.teamIds.indexOf(id) !== i)
      throw badField(`body.teamIds.${i}`, "检查组成员重复（组长无须再列为成员）", "A team member is listed twice");
  });
  const units = await db.selectFrom("unit").select(["id", "path", "kind"]).where("id", "in", body.unitIds).execute();
  body.unitIds.forEach((id, i) => {
    const unit = units.find((u) => u.id === id);
    if (!unit || unit.kind === "institution" || !unit.path.startsWith(institution.path))
      throw badField(`body.unitIds.${i}`, "被检查单位不存在或不属于本院校", "No such unit in this institution");
    if (body.unitIds.indexOf(id) !== i) throw badField(`body.unitIds.${i}`, "被检查单位重复", "A unit is listed twice");
  });
  await refuseMarkedText(request, [body.title], planObject(null));

  const id = uuidv7();
  const at = toInstant(app.clock());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("inspection_plan")
      .values({
        id,
        institution_id: institution.id,
        kind: body.kind,
        title: body.title,
        year: body.year,
        half: body.half ?? null,
        lead_person_id: body.leadPersonId,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        template_id: template.id,
        template_version: template.version,
        template: JSON.stringify(template),
        created_by: authOf(request).account.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto("inspection_team")
      .values([body.leadPersonId, ...body.teamIds].map((person_id) => ({ plan_id: id, person_id })))
      .execute();
    await trx
      .insertInto("inspection")
      .values(
        body.unitIds.map((unitId) => ({
          id: uuidv7(),
          plan_id: id,
          institution_id: institution.id,
          unit_id: unitId,
          status: "draft" as const,
          results: "{}",
          summary: null,
          closed_on: null,
          closed_at: null,
          closed_by: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "inspection.planCreate",
      object: planObject(id),
      result: "success",
      details: {
        kind: body.kind,
        year: body.year,
        half: body.half ?? null,
        units: body.unitIds.length,
        template: `${template.id}@${template.version}`,
      },
    });
  });
  return id;
}

// ── Inspections ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** The inspection, if the actor reaches its plan; otherwise an audited 404. */
export async function visibleInspection(
  request: FastifyRequest,
  id: string,
): Promise<{ row: InspectionRow; team: string[] }> {
  const db = request.server.db.kysely;
  const row = await inspectionColumns(db).where("inspection.id", "=", id).executeTakeFirst();
  const team = row?.plan_id ? await teamOf(db, row.plan_id) : [];
  const actor = authOf(request).actor;
  if (!row || !(reachesInstitution(actor, INSPECTION_READ, row.institution_path) || onTeam(actor, team)))
    return notVisible(request, INSPECTION_READ, inspectionObject(id));
  return { row, team };
}

/** The inspection, if the actor records it (office or team); 403 when only visible; 409 once closed. */
async function recordedInspection(request: FastifyRequest, id: string, what: { zh: string; en: string }) {
  const found = await visibleInspection(request, id);
  if (!mayRecord(authOf(request).actor, found.row.institution_path, found.team))
    await deny(request, FORBIDDEN, { action: INSPECTION_MANAGE, object: inspectionObject(id) });
  refuseClosedInspection(found.row.status, what);
  return found;
}

export const parseResults = (json: string) => JSON.parse(json) as Record<string, ItemResult>;
export const parseTemplate = (json: string) => JSON.parse(json) as InspectionTemplate;

/** Saves results into the draft (merged with what was saved before), each checked against the frozen template. */
export async function saveResults(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof SaveResultsRequestSchema>,
): Promise<void> {
  const app = request.server;
  const { row } = await recordedInspection(request, id, { zh: "修改检查结果", en: "change its results" });
  const template = parseTemplate(row.template);
  const results = parseResults(row.results);
  body.results.forEach((answer, i) => {
    checkResult(template, `body.results.${i}`, answer);
    results[answer.itemId] = { outcome: answer.outcome, score: answer.score ?? null, note: answer.note || null };
  });
  await refuseMarkedText(request, [body.summary, ...body.results.map((r) => r.note)], inspectionObject(id));
  await app.db.kysely.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("inspection")
      .set({
        results: JSON.stringify(results),
        ...(body.summary !== undefined ? { summary: body.summary || null } : {}),
        updated_at: toInstant(app.clock()),
      })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      refuseClosedInspection("closed", { zh: "修改检查结果", en: "change its results" });
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "inspection.results",
      object: inspectionObject(id),
      result: "success",
      details: { items: body.results.map((r) => r.itemId) },
    });
  });
}

/** Records a finding: its owner is the unit head the resolver names today; a repeat of an earlier one is flagged. */
export async function createFinding(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof CreateFindingRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const { row } = await recordedInspection(request, id, { zh: "登记问题", en: "record a finding" });
  const template = parseTemplate(row.template);
  if (!templateItems(template).some((i) => i.id === body.itemId))
    throw badField("body.itemId", `检查表中没有条目“${body.itemId}”`, `The checklist has no item "${body.itemId}"`);
  const today = dateIn(app.clock());
  if (body.deadline < today) throw badField("body.deadline", "整改期限不得早于今天", "The deadline is in the past");
  await refuseMarkedText(request, [body.description], inspectionObject(id));
  const { policy, sha256 } = await activePolicy(db);
  const item = templateItems(template).find((i) => i.id === body.itemId);
  const unit = await db
    .selectFrom("unit")
    .select(["id", "kind"])
    .where("id", "=", row.unit_id)
    .executeTakeFirstOrThrow();
  const finding = await prepareFinding(
    db,
    policy,
    sha256,
    {
      source: "inspection",
      sourceId: id,
      institutionId: row.institution_id,
      unit,
      year: Number(row.plan_year),
      itemId: body.itemId,
      itemText: item?.text ?? { zh: body.itemId, en: body.itemId },
      category: body.category,
      severity: body.severity,
      description: body.description,
      deadline: body.deadline,
    },
    app.clock(),
  );
  await db.transaction().execute(async (trx) => {
    await finding.insert(trx, authOf(request).account.id);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "inspection.finding",
      object: findingObject(finding.id),
      result: "success",
      details: { inspectionId: id, itemId: body.itemId, severity: body.severity, repeatOf: finding.repeatOf },
    });
  });
  touchObligations();
  return finding.id;
}

/** Closes the inspection once every item has a result; discharges the obligation it answers in the same transaction. */
export async function closeInspection(request: FastifyRequest, id: string, closedOn: string | undefined) {
  const app = request.server;
  const now = app.clock();
  const { row } = await recordedInspection(request, id, { zh: "结束检查", en: "close it" });
  const missing = firstUnrecorded(parseTemplate(row.template), parseResults(row.results));
  if (missing)
    throw badField(
      `results.${missing.id}`,
      `条目“${missing.id}”（${missing.text.zh}）尚未记录检查结果`,
      `Item "${missing.id}" has no result yet`,
    );
  const day = closedOn ?? dateIn(now);
  if (day > dateIn(now)) throw badField("body.closedOn", "检查结束日期不得晚于今天", "Cannot close in the future");
  const { policy } = await activePolicy(app.db.kysely);
  await app.db.kysely.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("inspection")
      .set({
        status: "closed",
        closed_on: day,
        closed_at: toInstant(now),
        closed_by: authOf(request).account.id,
        updated_at: toInstant(now),
      })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) refuseClosedInspection("closed", { zh: "结束检查", en: "close it" });
    const fulfilled = await dischargeByRecords(trx, policy, row.institution_id, Number(day.slice(0, 4)), now, [
      INSPECTION_RECORD_KIND,
    ]);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "inspection.close",
      object: inspectionObject(id),
      result: "success",
      details: { closedOn: day, obligationsFulfilled: fulfilled },
    });
  });
  touchObligations();
}

/** Attaches a photo or document to the inspection (an item of it, or a finding's rectification), marking-guarded. */
async function storeAttachment(
  request: FastifyRequest,
  trxWork: (trx: Trx, values: { id: string; content: Buffer; type: string; sha256: string }) => Promise<void>,
  body: z.infer<typeof AttachmentUploadSchema>,
  object: { type: string; id: string | null },
): Promise<string> {
  const content = Buffer.from(body.contentBase64, "base64");
  if (content.length === 0 || content.length > MAX_MATERIAL_BYTES)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      { zh: "附件须为 1 字节至 10 MB 的文件", en: "Attachments must be between 1 byte and 10 MB" },
      { issues: [{ field: "body.contentBase64", message: "附件须为 1 字节至 10 MB 的文件" }] },
    );
  const type = allowedType(body.name, content);
  await refuseMarkedText(request, [body.name], object);
  const found = await scanUpload(content);
  if (found) await refuseMarking(request, found, object);
  const id = uuidv7();
  const sha256 = createHash("sha256").update(content).digest("hex");
  await request.server.db.kysely.transaction().execute(async (trx) => {
    await trxWork(trx, { id, content, type, sha256 });
    await request.server.audit.append(trx, {
      ...auditContext(request),
      action: "inspection.attachment",
      object,
      result: "success",
      details: { attachmentId: id, name: body.name, size: content.length, sha256 },
    });
  });
  return id;
}

const attachmentValues = (
  request: FastifyRequest,
  v: { id: string; content: Buffer; type: string; sha256: string },
  name: string,
  inspectionId: string | null,
  findingId: string | null,
  itemId: string | null,
) => ({
  id: v.id,
  inspection_id: inspectionId,
  finding_id: findingId,
  item_id: itemId,
  name,
  type: v.type,
  size: v.content.length,
  sha256: v.sha256,
  content: v.content,
  uploaded_by: authOf(request).account.id,
  uploaded_at: toInstant(request.server.clock()),
});

/** A photo or document for an inspection item (on site). */
export async function attachToInspection(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof AttachmentUploadSchema>,
): Promise<string> {
  const { row } = await recordedInspection(request, id, { zh: "上传附件", en: "attach files" });
  if (body.itemId !== undefined && !templateItems(parseTemplate(row.template)).some((i) => i.id === body.itemId))
    throw badField("body.itemId", `检查表中没有条目“${body.itemId}”`, `The checklist has no item "${body.itemId}"`);
  return storeAttachment(
    request,
    async (trx, v) => {
      await trx
        .insertInto("inspection_attachment")
        .values(attachmentValues(request, v, body.name, id, null, body.itemId ?? null))
        .execute();
    },
    body,
    inspectionObject(id),
  );
}

/** An attachment's bytes, for whoever sees the inspection; the download is audited. */
export async function readAttachment(request: FastifyRequest, id: string, attachmentId: string) {
  await visibleInspection(request, id);
  return attachmentFile(request, attachmentId, { inspectionId: id }, inspectionObject(id));
}

/** Rectification evidence of a finding, whatever found it (a self-check's finding has no inspection). */
export async function readFindingAttachment(request: FastifyRequest, id: string, attachmentId: string) {
  await visibleFinding(request, id);
  return attachmentFile(request, attachmentId, { findingId: id }, findingObject(id));
}

async function attachmentFile(
  request: FastifyRequest,
  attachmentId: string,
  of: { inspectionId?: string; findingId?: string },
  object: { type: string; id: string | null },
) {
  const app = request.server;
  const file = await app.db.kysely
    .selectFrom("inspection_attachment")
    .select(["name", "type", "content"])
    .where("id", "=", attachmentId)
    .$if(of.inspectionId !== undefined, (q) => q.where("inspection_id", "=", of.inspectionId ?? ""))
    .$if(of.findingId !== undefined, (q) => q.where("finding_id", "=", of.findingId ?? ""))
    .executeTakeFirst();
  if (!file) throw new AppError("NOT_FOUND", { zh: "附件不存在", en: "No such attachment" });
  await app.audit.record({
    ...auditContext(request),
    action: "inspection.attachmentDownload",
    object,
    result: "success",
    details: { attachmentId },
  });
  return file;
}

// ── Findings ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface FindingFilter {
  status?: FindingStatus | undefined;
  unitId?: string | undefined;
  severity?: "minor" | "major" | "serious" | undefined;
  category?: string | undefined;
  year?: number | undefined;
  overdue?: "true" | "false" | undefined;
  inspectionId?: string | undefined;
  source?: FindingSource | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * The findings the actor reaches — on the institution's branch, on a plan's team, as owner, or as the unit's head or
 * liaison — by deadline then id (the cursor is `deadline|id`), each filter served by an index ending in (deadline, id).
 */
export async function listFindings(db: Db, actor: Actor, filter: FindingFilter, today: string) {
  const institutions = await reachableInstitutions(db, actor, INSPECTION_READ);
  const candidates = await findingInstitutions(db, actor, institutions);
  if (candidates.length === 0) return { rows: [], nextCursor: null };
  const [cursorDeadline, cursorId] = (filter.cursor ?? "").split("|");
  const page = (institutionIds: string[]) =>
    findingSummaryColumns(db)
      .where("inspection_finding.institution_id", "in", institutionIds)
      .where(findingsVisibleTo(actor, institutions))
      .$if(filter.status !== undefined, (q) => q.where("inspection_finding.status", "=", filter.status ?? "open"))
      .$if(filter.unitId !== undefined, (q) => q.where("inspection_finding.unit_id", "=", filter.unitId ?? ""))
      .$if(filter.severity !== undefined, (q) =>
        q.where("inspection_finding.severity", "=", filter.severity ?? "minor"),
      )
      .$if(filter.category !== undefined, (q) => q.where("inspection_finding.category", "=", filter.category ?? ""))
      .$if(filter.year !== undefined, (q) => q.where("inspection_finding.year", "=", filter.year ?? 0))
      .$if(filter.inspectionId !== undefined, (q) =>
        q.where("inspection_finding.inspection_id", "=", filter.inspectionId ?? ""),
      )
      .$if(filter.source !== undefined, (q) => q.where("inspection_finding.source", "=", filter.source ?? "inspection"))
      .$if(filter.overdue === "true", (q) =>
        q.where("inspection_finding.status", "!=", "closed").where("inspection_finding.deadline", "<", today),
      )
      .$if(filter.overdue === "false", (q) =>
        q.where((eb) =>
          eb.or([eb("inspection_finding.status", "=", "closed"), eb("inspection_finding.deadline", ">=", today)]),
        ),
      )
      .$if(cursorId !== undefined && cursorDeadline !== undefined && filter.cursor !== undefined, (q) =>
        q
          .where("inspection_finding.deadline", ">=", cursorDeadline ?? "")
          .where((eb) =>
            eb.or([
              eb("inspection_finding.deadline", ">", cursorDeadline ?? ""),
              eb("inspection_finding.id", ">", cursorId ?? ""),
            ]),
          ),
      )
      .orderBy("inspection_finding.deadline")
      .orderBy("inspection_finding.id")
      .limit(filter.limit + 1)
      .execute();
  // Each institution's findings come off an index range in (deadline, id) order. Asked for several at once (a
  // provincial office), SQLite stops each institution's range after the limit, but PostgreSQL reads and sorts every
  // match (measured, 20 institutions × 50,000 findings, open ones: SQLite 0.11 ms, PostgreSQL 887 ms). There each
  // institution's page is read on its own — in turn, a request holds one connection — and the pages merged here.
  const pages: Awaited<ReturnType<typeof page>>[] = [];
  if (!isPostgres(db)) pages.push(await page(candidates));
  else for (const institutionId of candidates) pages.push(await page([institutionId]));
  const key = (row: { deadline: string; id: string }) => `${row.deadline}|${row.id}`;
  return keysetPage(mergePages(pages, filter.limit + 1, key), filter.limit, key);
}

/** The finding, if the actor reaches it; otherwise an audited 404. Returns the plan's team for the abilities. */
export async function visibleFinding(
  request: FastifyRequest,
  id: string,
): Promise<{ row: FindingRow; team: string[] }> {
  const db = request.server.db.kysely;
  const actor = authOf(request).actor;
  const row = await findingColumns(db)
    .select(sql<number>`case when ${ownSelfCheckFinding(actor)} then 1 else 0 end`.as("reported"))
    .where("inspection_finding.id", "=", id)
    .executeTakeFirst();
  const team = row?.plan_id ? await teamOf(db, row.plan_id) : [];
  if (
    !row ||
    !(
      reachesInstitution(actor, INSPECTION_READ, row.institution_path) ||
      onTeam(actor, team) ||
      mayRectify(actor, row) ||
      Number(row.reported) === 1
    )
  )
    return notVisible(request, INSPECTION_READ, findingObject(id));
  return { row, team };
}

async function findingStep(
  request: FastifyRequest,
  id: string,
  action: FindingAction,
  texts: readonly (string | undefined)[],
  set: (row: FindingRow, trx: Trx) => Promise<Record<string, unknown>>,
): Promise<void> {
  const app = request.server;
  const actor = authOf(request).actor;
  const { row, team } = await visibleFinding(request, id);
  const owner = action === "rectify" || action === "submit";
  if (owner ? !mayRectify(actor, row) : !mayVerify(actor, row, team)) {
    if (!owner && mayRecord(actor, row.institution_path, team))
      await deny(
        request,
        new AppError("FORBIDDEN", {
          zh: "整改须由问题责任人以外的检查人员验证销号，且不得由提交人本人验证",
          en: "A finding is verified by an inspector other than its owner and its submitter",
        }),
        { action: INSPECTION_MANAGE, object: findingObject(id) },
      );
    await deny(request, FORBIDDEN, { action: owner ? FINDING_UPDATE : INSPECTION_MANAGE, object: findingObject(id) });
  }
  const status = nextFindingStatus(row.status, action);
  await refuseMarkedText(request, texts, findingObject(id));
  const { policy } = await activePolicy(app.db.kysely);
  await app.db.kysely.transaction().execute(async (trx) => {
    const values = await set(row, trx);
    const updated = await trx
      .updateTable("inspection_finding")
      .set({ ...values, status, updated_at: toInstant(app.clock()) })
      .where("id", "=", id)
      .where("status", "=", row.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const now = await trx.selectFrom("inspection_finding").select("status").where("id", "=", id).executeTakeFirst();
      if (now) nextFindingStatus(now.status, action);
      throw new AppError("CONFLICT", { zh: "问题状态已变化，请刷新后重试", en: "The finding changed; reload" });
    }
    await app.audit.append(trx, {
      ...auditContext(request),
      action: `inspection.finding.${action}`,
      object: findingObject(id),
      result: "success",
      details: { from: row.status, to: status },
    });
    // Closing it (销号) fulfils its owner's duty to rectify it, raised with it (art6.2.rectify-finding).
    if (status === "closed")
      await dischargeByRecords(trx, policy, row.institution_id, Number(row.created_at.slice(0, 4)), app.clock(), [
        FINDING_RECORD_KIND,
      ]);
  });
  if (status === "closed") touchObligations();
}

/** The owner records the rectification plan, progress and evidence (while it is 整改中). */
export async function recordRectification(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof RectificationRequestSchema>,
): Promise<void> {
  await findingStep(request, id, "rectify", [body.plan, body.progress, body.evidence], () =>
    Promise.resolve({ plan_text: body.plan, progress: body.progress || null, evidence: body.evidence || null }),
  );
}

/** Whether the finding carries evidence of its rectification: a text, or a file attached to it. */
async function hasEvidence(trx: Trx, row: FindingRow): Promise<boolean> {
  if (row.evidence) return true;
  const files = await trx
    .selectFrom("inspection_attachment")
    .select("id")
    .where("finding_id", "=", row.id)
    .limit(1)
    .execute();
  return files.length > 0;
}

/** Submits the rectification for verification: refused without a plan and evidence (text or a file). */
export async function submitRectification(request: FastifyRequest, id: string): Promise<void> {
  await findingStep(request, id, "submit", [], async (row, trx) => {
    if (!row.plan_text) throw badField("plan", "请先填写整改措施", "Record the rectification plan first");
    if (!(await hasEvidence(trx, row)))
      throw badField("evidence", "请先填写整改佐证说明或上传佐证材料", "Give evidence of the rectification first");
    return {
      submitted_by: authOf(request).account.id,
      submitted_at: toInstant(request.server.clock()),
      return_reason: null,
    };
  });
}

/** An inspector verifies the rectification and closes the finding (销号): never without evidence. */
export async function verifyFinding(request: FastifyRequest, id: string, note: string): Promise<void> {
  await findingStep(request, id, "verify", [note], async (row, trx) => {
    if (!(await hasEvidence(trx, row)))
      throw badField("evidence", "没有整改佐证，不能销号", "No evidence: the finding cannot close");
    return {
      verified_by: authOf(request).account.id,
      verified_at: toInstant(request.server.clock()),
      verification_note: note,
    };
  });
}

/** An inspector sends the rectification back, with the reason. */
export async function returnFinding(request: FastifyRequest, id: string, reason: string): Promise<void> {
  await findingStep(request, id, "sendBack", [reason], () => Promise.resolve({ return_reason: reason }));
}

/** The owner attaches evidence of the rectification (while it is 整改中). */
export async function attachToFinding(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof AttachmentUploadSchema>,
): Promise<string> {
  const { row } = await visibleFinding(request, id);
  if (!mayRectify(authOf(request).actor, row))
    await deny(request, FORBIDDEN, { action: FINDING_UPDATE, object: findingObject(id) });
  nextFindingStatus(row.status, "rectify");
  return storeAttachment(
    request,
    async (trx, v) => {
      await trx
        .insertInto("inspection_attachment")
        .values(attachmentValues(request, v, body.name, row.inspection_id, id, row.item_id))
        .execute();
    },
    body,
    findingObject(id),
  );
}
