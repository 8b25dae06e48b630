/**
 * The year's supervision records (实施细则第十二条第（二）项): the secrecy office drafts the plan, writes supervision notes
 * to units and the mid-year report, scores each unit on the rubric, drafts the summary; the director — or a deputy
 * under delegation — approves the plan, the assessment and the summary with their password. Approved is final (the
 * database refuses changes); each approval and the completed supervision discharge the year's obligation at once.
 */
import { type FastifyRequest } from "fastify";
import { type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { AppError } from "../../domain/errors.js";
import { type Rubric, RubricSchema, scoreRubric } from "../../domain/rubric.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { currentRubric } from "../rubrics/versions.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { committeeSignature, confirmSigner } from "../meetings/signer.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { dischargeByRecords } from "../obligations/records.js";
import { activePolicy } from "../policy/active-policy.js";
import { type PlanRequestSchema, type ScoreRequestSchema } from "./contract.js";
import { type Institution, institutionOf, managedInstitution } from "./institution.js";

type Trx = Transaction<Database>;

/** The rubric a year's assessment starts from when none is running: the shipped one. */
export const DEFAULT_RUBRIC = "unit-assessment";

const object = (kind: string, institution: Institution, year: number) => ({
  type: kind,
  id: `${institution.id}:${year}`,
});

const FINAL = (what: string) =>
  new AppError(
    "CONFLICT",
    { zh: `${what}已经审定，不得修改`, en: `The ${what} is approved and final` },
    { state: "approved" },
  );

/** Runs the change and its audit entry in one transaction, then discharges whatever it fulfilled. */
async function recorded(
  request: FastifyRequest,
  institution: Institution,
  year: number,
  action: string,
  details: Record<string, unknown>,
  change: (trx: Trx, at: string) => Promise<void>,
  discharge = false,
): Promise<void> {
  const app = request.server;
  const now = app.clock();
  const at = toInstant(now);
  // The policy is only needed to discharge; a plain save does not read it.
  const policy = discharge ? (await activePolicy(app.db.kysely)).policy : null;
  await app.db.kysely.transaction().execute(async (trx) => {
    await change(trx, at);
    const fulfilled = policy ? await dischargeByRecords(trx, policy, institution.id, year, now) : 0;
    await app.audit.append(trx, {
      ...auditContext(request),
      action,
      object: object(action.split(".")[0] ?? "supervision", institution, year),
      result: "success",
      details: { year, ...details, ...(discharge ? { obligationsFulfilled: fulfilled } : {}) },
    });
  });
  if (discharge) touchObligations();
}

/** A unit of the institution, for plan items, notes and scores. */
async function unitIn(request: FastifyRequest, institution: Institution, unitId: string, field: string) {
  const unit = await request.server.db.kysely
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!unit || !unit.path.startsWith(institution.path) || unit.id === institution.id)
    throw badField(field, "该单位不存在或不属于本院校", "No such unit in this institution");
  return unit;
}

// ── The annual plan ────────────────────────────────────────────────────────────────────────────────────────────

export async function savePlan(
  request: FastifyRequest,
  year: number,
  body: z.infer<typeof PlanRequestSchema>,
  institutionId?: string,
): Promise<void> {
  const institution = await managedInstitution(request, institutionId);
  const db = request.server.db.kysely;
  const existing = await db
    .selectFrom("annual_plan")
    .select(["id", "status"])
    .where("institution_id", "=", institution.id)
    .where("year", "=", year)
    .executeTakeFirst();
  if (existing?.status === "approved") throw FINAL("年度保密工作计划");
  for (const [index, item] of body.items.entries())
    await unitIn(request, institution, item.ownerUnitId, `body.items.${index}.ownerUnitId`);
  await refuseMarkedText(
    request,
    [body.title, body.body, ...body.items.map((i) => i.title)],
    object("plan", institution, year),
  );
  const planId = existing?.id ?? uuidv7();
  await recorded(request, institution, year, "plan.save", { items: body.items.length }, async (trx, at) => {
    if (existing) {
      const result = await trx
        .updateTable("annual_plan")
        .set({ title: body.title, body: body.body, updated_at: at })
        .where("id", "=", planId)
        .where("status", "=", "draft")
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw FINAL("年度保密工作计划");
      await trx.deleteFrom("plan_item").where("plan_id", "=", planId).execute();
    } else
      await trx
        .insertInto("annual_plan")
        .values({
          id: planId,
          institution_id: institution.id,
          year,
          status: "draft",
          title: body.title,
          body: body.body,
          approved_by_account: null,
          approved_by_person: null,
          approved_as: null,
          delegation_id: null,
          approved_at: null,
          signature: null,
          created_by: authOf(request).account.id,
          created_at: at,
          updated_at: at,
        })
        .execute();
    await trx
      .insertInto("plan_item")
      .values(
        body.items.map((item, index) => ({
          id: uuidv7(),
          plan_id: planId,
          position: index + 1,
          title: item.title,
          owner_unit_id: item.ownerUnitId,
          due_on: item.dueOn,
        })),
      )
      .execute();
  });
}

/**
 * Approves a draft (plan, assessment or summary) as the director or a delegated deputy. The three tables share the
 * approval columns (migration 0012), so one conditional update serves them all; of two approvals at once one wins.
 */
async function approveDraft(
  request: FastifyRequest,
  table: "annual_plan" | "assessment" | "annual_summary",
  what: string,
  year: number,
  password: string,
  institutionId: string | undefined,
  signed: (row: { id: string }) => (string | number | null)[],
  alsoDo?: (trx: Trx, id: string, at: string, institution: Institution) => Promise<void>,
): Promise<void> {
  const institution = await institutionOf(request, institutionId);
  const db = request.server.db.kysely;
  const action = `${table === "annual_plan" ? "plan" : table === "assessment" ? "assessment" : "summary"}.approve`;
  // Who may approve is settled first: to anyone else the state of the draft is no business (403 before 409).
  const signer = await confirmSigner(request, institution.id, password, action, object(table, institution, year));
  const row = await db
    .selectFrom(table)
    .select(["id", "status"])
    .where("institution_id", "=", institution.id)
    .where("year", "=", year)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      "CONFLICT",
      { zh: `${what}尚未起草`, en: `The ${what} has not been drafted` },
      { state: "none" },
    );
  if (row.status === "approved") throw FINAL(what);
  const accountId = authOf(request).account.id;
  await recorded(
    request,
    institution,
    year,
    action,
    { signedAs: signer.signedAs, delegationId: signer.delegation?.id ?? null },
    async (trx, at) => {
      const signature = committeeSignature(table, [...signed(row), signer.personId, accountId, at]);
      // The three tables have the same approval columns; Kysely cannot type a table chosen at run time.
      const result = await trx
        .updateTable(table as "annual_plan")
        .set({
          status: "approved",
          approved_by_account: accountId,
          approved_by_person: signer.personId,
          approved_as: signer.signedAs,
          delegation_id: signer.delegation?.id ?? null,
          approved_at: at,
          signature,
          updated_at: at,
        })
        .where("id", "=", row.id)
        .where("status", "=", "draft")
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw FINAL(what);
      await alsoDo?.(trx, row.id, at, institution);
    },
    true,
  );
}

export async function approvePlan(request: FastifyRequest, year: number, password: string, institutionId?: string) {
  await approveDraft(
    request,
    "annual_plan",
    "年度保密工作计划",
    year,
    password,
    institutionId,
    (row) => [row.id],
    async (trx, planId, at, institution) => {
      // Each task of the approved plan becomes a tracked task of its unit (督办), followed to the year-end.
      const items = await trx.selectFrom("plan_item").selectAll().where("plan_id", "=", planId).execute();
      if (items.length > 0)
        await trx
          .insertInto("tracked_task")
          .values(
            items.map((item) => ({
              id: uuidv7(),
              institution_id: institution.id,
              meeting_id: null,
              decision_id: null,
              plan_item_id: item.id,
              title: item.title,
              owner_unit_id: item.owner_unit_id,
              due_on: item.due_on,
              status: "open" as const,
              report_summary: null,
              reported_by: null,
              reported_at: null,
              closed_by: null,
              closed_at: null,
              created_at: at,
              updated_at: at,
            })),
          )
          .execute();
    },
  );
}

// ── Mid-year supervision ───────────────────────────────────────────────────────────────────────────────────────

async function openSupervision(trx: Trx, institution: Institution, year: number, at: string) {
  const found = await trx
    .selectFrom("supervision")
    .select(["id", "status"])
    .where("institution_id", "=", institution.id)
    .where("year", "=", year)
    .executeTakeFirst();
  if (found?.status === "completed") throw FINAL("年中督查");
  if (found) return found.id;
  const id = uuidv7();
  await trx
    .insertInto("supervision")
    .values({
      id,
      institution_id: institution.id,
      year,
      status: "open",
      report: null,
      completed_by: null,
      completed_at: null,
      created_at: at,
    })
    .execute();
  return id;
}

/** A written supervision note to a unit (督查意见). */
export async function addNote(
  request: FastifyRequest,
  year: number,
  unitId: string,
  text: string,
  institutionId?: string,
): Promise<void> {
  const institution = await managedInstitution(request, institutionId);
  const unit = await unitIn(request, institution, unitId, "body.unitId");
  await refuseMarkedText(request, [text], object("supervision", institution, year));
  await recorded(request, institution, year, "supervision.note", { unitId: unit.id }, async (trx, at) => {
    const supervisionId = await openSupervision(trx, institution, year, at);
    await trx
      .insertInto("supervision_note")
      .values({
        id: uuidv7(),
        supervision_id: supervisionId,
        unit_id: unit.id,
        text,
        created_by: authOf(request).account.id,
        created_at: at,
      })
      .execute();
  });
}

/** Completes the mid-year supervision with its written report (督查报告). */
export async function completeSupervision(
  request: FastifyRequest,
  year: number,
  report: string,
  institutionId?: string,
): Promise<void> {
  const institution = await managedInstitution(request, institutionId);
  await refuseMarkedText(request, [report], object("supervision", institution, year));
  await recorded(
    request,
    institution,
    year,
    "supervision.complete",
    { length: report.length },
    async (trx, at) => {
      const id = await openSupervision(trx, institution, year, at);
      const result = await trx
        .updateTable("supervision")
        .set({ status: "completed", report, completed_by: authOf(request).account.id, completed_at: at })
        .where("id", "=", id)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw FINAL("年中督查");
    },
    true,
  );
}

// ── Year-end assessment ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The year's assessment, begun on the institution's current rubric (the shipped one, or the office's latest version,
 * 评分表管理) — or last year's, when rolled forward — if not yet begun.
 */
async function assessmentFor(trx: Trx, institution: Institution, year: number, at: string) {
  const found = await trx
    .selectFrom("assessment")
    .select(["id", "status", "rubric"])
    .where("institution_id", "=", institution.id)
    .where("year", "=", year)
    .executeTakeFirst();
  if (found?.status === "approved") throw FINAL("年度考核结果");
  if (found) return { id: found.id, rubric: RubricSchema.parse(JSON.parse(found.rubric)) };
  const rubric = await currentRubric(trx, institution.id, DEFAULT_RUBRIC);
  const id = uuidv7();
  await insertAssessment(trx, id, institution, year, rubric, at);
  return { id, rubric };
}

export async function insertAssessment(
  trx: Trx,
  id: string,
  institution: Institution,
  year: number,
  rubric: Rubric,
  at: string,
): Promise<void> {
  await trx
    .insertInto("assessment")
    .values({
      id,
      institution_id: institution.id,
      year,
      status: "draft",
      rubric: JSON.stringify(rubric),
      approved_by_account: null,
      approved_by_person: null,
      approved_as: null,
      delegation_id: null,
      approved_at: null,
      signature: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** Scores a unit on the year's rubric (every item answered; out-of-range, off-step or unknown items named). */
export async function scoreUnit(
  request: FastifyRequest,
  year: number,
  unitId: string,
  body: z.infer<typeof ScoreRequestSchema>,
  institutionId?: string,
): Promise<void> {
  const institution = await managedInstitution(request, institutionId);
  const unit = await unitIn(request, institution, unitId, "params.unitId");
  await refuseMarkedText(
    request,
    Object.values(body.answers).map((a) => a.note),
    object("assessment", institution, year),
  );
  const answers = Object.fromEntries(
    Object.entries(body.answers).map(([id, a]) => [
      id,
      {
        ...(a.score === undefined ? {} : { score: a.score }),
        ...(a.excluded === undefined ? {} : { excluded: a.excluded }),
        ...(a.vetoed === undefined ? {} : { vetoed: a.vetoed }),
        ...(a.note === undefined ? {} : { note: a.note }),
      },
    ]),
  );
  await recorded(request, institution, year, "assessment.score", { unitId: unit.id }, async (trx, at) => {
    const assessment = await assessmentFor(trx, institution, year, at);
    const score = scoreRubric(assessment.rubric, answers);
    const row = {
      answers: JSON.stringify(answers),
      earned: score.earned,
      possible: score.possible,
      percent: score.percent,
      band: score.band?.key ?? "none",
      vetoed: score.vetoedBy.length > 0 ? (1 as const) : (0 as const),
      scored_by: authOf(request).account.id,
      scored_at: at,
    };
    await trx
      .insertInto("assessment_score")
      .values({ assessment_id: assessment.id, unit_id: unit.id, ...row })
      .onConflict((oc) => oc.columns(["assessment_id", "unit_id"]).doUpdateSet(row))
      .execute();
  });
}

export async function approveAssessment(
  request: FastifyRequest,
  year: number,
  password: string,
  institutionId?: string,
) {
  await approveDraft(
    request,
    "assessment",
    "年度考核结果",
    year,
    password,
    institutionId,
    (row) => [row.id],
    async (trx, id) => {
      const scored = await trx
        .selectFrom("assessment_score")
        .select("unit_id")
        .where("assessment_id", "=", id)
        .execute();
      if (scored.length === 0)
        throw new AppError(
          "CONFLICT",
          { zh: "尚无单位的考核评分，不能审定", en: "No unit has been scored" },
          { state: "draft" },
        );
    },
  );
}

// ── The annual summary ─────────────────────────────────────────────────────────────────────────────────────────

export async function saveSummary(request: FastifyRequest, year: number, text: string, institutionId?: string) {
  const institution = await managedInstitution(request, institutionId);
  await refuseMarkedText(request, [text], object("summary", institution, year));
  await recorded(request, institution, year, "summary.save", { length: text.length }, async (trx, at) => {
    const found = await trx
      .selectFrom("annual_summary")
      .select(["id", "status"])
      .where("institution_id", "=", institution.id)
      .where("year", "=", year)
      .executeTakeFirst();
    if (found?.status === "approved") throw FINAL("年度保密工作总结");
    if (found)
      await trx.updateTable("annual_summary").set({ text, updated_at: at }).where("id", "=", found.id).execute();
    else
      await trx
        .insertInto("annual_summary")
        .values({
          id: uuidv7(),
          institution_id: institution.id,
          year,
          status: "draft",
          text,
          approved_by_account: null,
          approved_by_person: null,
          approved_as: null,
          delegation_id: null,
          approved_at: null,
          signature: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
  });
}

export async function approveSummary(request: FastifyRequest, year: number, password: string, institutionId?: string) {
  await approveDraft(request, "annual_summary", "年度保密工作总结", year, password, institutionId, (row) => [row.id]);
}
