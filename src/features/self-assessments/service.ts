/**
 * Self-assessment (自查自评, 实施条例（2024）第五十八条): a unit's head or liaison starts the unit's self-assessment of the
 * year on the rubric the committee scores the unit on (the secrecy office the institution's own, on the institution
 * rubric); answers are saved as a draft item by item, each checked against the frozen rubric; submitting stores the
 * score, percentage, band and veto and turns each problem answer into a finding — all in one transaction with the audit
 * entry. Submitted is final.
 */
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { addDays } from "../../domain/periods.js";
import { type RubricAnswer, type RubricAnswers, scoreRubric } from "../../domain/rubric.js";
import { INSTITUTION_RUBRIC, UNIT_RUBRIC } from "../../domain/self-assessment.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { currentRubric } from "../rubrics/versions.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { activePolicy } from "../policy/active-policy.js";
import { yearAssessment } from "../supervision/year-assessment.js";
import { type SaveAnswersRequestSchema, type StartRequestSchema } from "./contract.js";
import { prepareFindings, requireNotes } from "./findings.js";
import { INSPECTION_MANAGE, INSPECTION_READ, mayFill, maySee, SELF_ASSESSMENT_SUBMIT } from "./policy.js";
import {
  frozenRubric,
  selfAssessmentObject,
  type SelfAssessmentRecord,
  targetOf,
  visibleSelfAssessment,
} from "./queries.js";

const SUBMITTED = new AppError(
  "CONFLICT",
  { zh: "该自查自评已提交，不得修改", en: "The self-assessment is submitted and final" },
  { state: "submitted" },
);

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

/** Answers as stored: only the fields given; an answer with nothing in it clears the item. */
export function storedAnswers(previous: RubricAnswers, given: Record<string, RubricAnswer>): RubricAnswers {
  const merged: RubricAnswers = { ...previous };
  for (const [id, answer] of Object.entries(given)) {
    const kept: RubricAnswer = {
      ...(answer.score === undefined ? {} : { score: answer.score }),
      ...(answer.excluded === undefined ? {} : { excluded: answer.excluded }),
      ...(answer.vetoed === undefined ? {} : { vetoed: answer.vetoed }),
      ...(answer.note ? { note: answer.note } : {}),
    };
    if (Object.keys(kept).length === 0) delete merged[id];
    else merged[id] = kept;
  }
  return merged;
}

const answersOf = (row: SelfAssessmentRecord) => JSON.parse(row.answers) as RubricAnswers;

/** The draft, if the actor fills it: 404 when invisible, 403 when only visible, 409 once submitted. */
async function filledDraft(request: FastifyRequest, id: string): Promise<SelfAssessmentRecord> {
  const row = await visibleSelfAssessment(request, id);
  const own = row.unit_id === row.institution_id;
  if (!mayFill(authOf(request).actor, targetOf(row)))
    await deny(request, FORBIDDEN, {
      action: own ? INSPECTION_MANAGE : SELF_ASSESSMENT_SUBMIT,
      object: selfAssessmentObject(id),
    });
  if (row.status !== "draft") throw SUBMITTED;
  return row;
}

/** Starts the year's self-assessment of a unit (or of the institution itself) on its rubric, frozen; returns its id. */
export async function startSelfAssessment(
  request: FastifyRequest,
  body: z.infer<typeof StartRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const actor = authOf(request).actor;
  const unit = await db
    .selectFrom("unit")
    .leftJoin("unit as parent", "parent.id", "unit.parent_id")
    .select(["unit.id", "unit.name", "unit.path", "unit.kind", "unit.closed_on", "parent.id as parent_id"])
    .select(["parent.kind as parent_kind", "parent.path as parent_path"])
    .where("unit.id", "=", body.unitId)
    .executeTakeFirst();
  if (!unit) throw badField("body.unitId", "单位不存在", "No such unit");
  if (!maySee(actor, unit.path)) return notVisible(request, INSPECTION_READ, { type: "unit", id: unit.id });
  const own = unit.kind === "institution";
  if (!own && unit.parent_kind !== "institution")
    throw badField(
      "body.unitId",
      "自查自评以院校或其二级单位为单位，请选择院校直属的二级单位",
      "A self-assessment is of an institution or one of its units directly below it",
    );
  const institution = own
    ? { id: unit.id, path: unit.path }
    : { id: unit.parent_id ?? "", path: unit.parent_path ?? "" };
  if (!mayFill(actor, { own, unitPath: unit.path, institutionPath: institution.path }))
    await deny(request, FORBIDDEN, {
      action: own ? INSPECTION_MANAGE : SELF_ASSESSMENT_SUBMIT,
      object: { type: "unit", id: unit.id },
    });
  const now = app.clock();
  if (body.year > Number(dateIn(now).slice(0, 4)))
    throw badField("body.year", "不能对尚未开始的年度进行自查自评", "The year has not begun");
  if (unit.closed_on && unit.closed_on < `${body.year}-01-01`)
    throw badField("body.unitId", "该单位在该年度之前已撤销", "The unit was closed before that year");
  const existing = await db
    .selectFrom("self_assessment")
    .select("id")
    .where("unit_id", "=", unit.id)
    .where("year", "=", body.year)
    .executeTakeFirst();
  const started = (id: string) =>
    new AppError(
      "CONFLICT",
      { zh: `${unit.name}${body.year}年度的自查自评已经开始`, en: "This year's self-assessment has already begun" },
      { id },
    );
  if (existing) throw started(existing.id);

  // A unit answers the rubric the committee scores it on that year, so the two results compare item by item.
  // Otherwise (and for the institution's own) the current version: shipped, or the office's latest (评分表管理).
  const rubric = own
    ? await currentRubric(db, institution.id, INSTITUTION_RUBRIC)
    : ((await yearAssessment(db, institution.id, body.year))?.rubric ??
      (await currentRubric(db, institution.id, UNIT_RUBRIC)));
  const id = uuidv7();
  const at = toInstant(now);
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("self_assessment")
        .values({
          id,
          institution_id: institution.id,
          unit_id: unit.id,
          year: body.year,
          rubric_id: rubric.id,
          rubric_version: rubric.version,
          rubric: JSON.stringify(rubric),
          answers: "{}",
          status: "draft",
          score: null,
          possible: null,
          percent: null,
          band: null,
          vetoed: null,
          submitted_by: null,
          submitted_at: null,
          created_by: authOf(request).account.id,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await app.audit.append(trx, {
        ...auditContext(request),
        action: "selfAssessment.start",
        object: selfAssessmentObject(id),
        result: "success",
        details: { unitId: unit.id, year: body.year, rubric: `${rubric.id}@${rubric.version}` },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await db
      .selectFrom("self_assessment")
      .select("id")
      .where("unit_id", "=", unit.id)
      .where("year", "=", body.year)
      .executeTakeFirst();
    throw started(winner?.id ?? "");
  }
  return id;
}

/**
 * Saves answers into the draft, merged item by item: unknown items, scores off the rubric (range, step, 不适用 where
 * not allowed, a score on a veto item) and problem answers without a note are refused naming `answers.<itemId>`.
 */
export async function saveAnswers(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof SaveAnswersRequestSchema>,
): Promise<void> {
  const app = request.server;
  const row = await filledDraft(request, id);
  const rubric = frozenRubric(row);
  const answers = storedAnswers(answersOf(row), body.answers);
  scoreRubric(rubric, answers, { partial: true });
  requireNotes(rubric, answers, new Set(Object.keys(body.answers)));
  await refuseMarkedText(
    request,
    Object.values(body.answers).map((a) => a.note),
    selfAssessmentObject(id),
  );
  await app.db.kysely.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("self_assessment")
      .set({ answers: JSON.stringify(answers), updated_at: toInstant(app.clock()) })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw SUBMITTED;
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "selfAssessment.answers",
      object: selfAssessmentObject(id),
      result: "success",
      details: { items: Object.keys(body.answers) },
    });
  });
}

/**
 * Submits the self-assessment: refused naming the first unanswered item, or a problem answer without its note. The
 * result is stored and every problem answer becomes a finding (deadline as given, else 60 days on) in one transaction
 * with the audit entry; the obligations the findings raise are then shown at once.
 */
export async function submitSelfAssessment(
  request: FastifyRequest,
  id: string,
  deadline: string | undefined,
): Promise<void> {
  const app = request.server;
  const db = app.db.kysely;
  const row = await filledDraft(request, id);
  const now = app.clock();
  const today = dateIn(now);
  if (deadline !== undefined && deadline < today)
    throw badField("body.deadline", "整改期限不得早于今天", "The deadline is in the past");
  const rubric = frozenRubric(row);
  const answers = answersOf(row);
  const partial = scoreRubric(rubric, answers, { partial: true });
  const first = rubric.sections.flatMap((s) => s.items).find((item) => partial.unanswered.includes(item.id));
  if (first)
    throw badField(
      `answers.${first.id}`,
      `“${first.title.zh}”尚未作答，请完成全部条目后提交`,
      `"${first.title.en}" has not been answered`,
    );
  requireNotes(rubric, answers);
  const score = scoreRubric(rubric, answers);

  const { policy, sha256 } = await activePolicy(db);
  const unit = await db
    .selectFrom("unit")
    .select(["id", "kind"])
    .where("id", "=", row.unit_id)
    .executeTakeFirstOrThrow();
  const findings = await prepareFindings(
    {
      db,
      policy,
      policyVersion: sha256,
      selfAssessmentId: id,
      institutionId: row.institution_id,
      unit,
      year: Number(row.year),
      deadline: deadline ?? addDays(today, 60),
      now,
    },
    rubric,
    answers,
  );
  const accountId = authOf(request).account.id;
  const at = toInstant(now);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("self_assessment")
      .set({
        status: "submitted",
        score: score.earned,
        possible: score.possible,
        percent: score.percent,
        band: score.band?.key ?? "none",
        vetoed: score.vetoedBy.length > 0 ? 1 : 0,
        submitted_by: accountId,
        submitted_at: at,
        updated_at: at,
      })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw SUBMITTED;
    for (const finding of findings) await finding.insert(trx, accountId);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "selfAssessment.submit",
      object: selfAssessmentObject(id),
      result: "success",
      details: {
        score: score.earned,
        possible: score.possible,
        percent: score.percent,
        band: score.band?.key ?? null,
        vetoedBy: score.vetoedBy,
        findings: findings.map((f) => f.id),
      },
    });
  });
  touchObligations();
}
