/**
 * Personal self-checks (个人保密自查, 第七条第（二）项): the cleared person starts the self-check of a slot they owe, answers
 * the frozen form and submits it; their superior confirms it — each failed answer then becomes a finding of the
 * person's unit and the slot's obligation is fulfilled, in the one transaction with the audit entry — or returns it
 * with the reason. Every change commits with its audit entry.
 */
import { type FastifyRequest } from "fastify";
import { type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { firstUnrecorded, type InspectionTemplate, type ItemResult } from "../../domain/inspection.js";
import { addDays } from "../../domain/periods.js";
import {
  checkAnswer,
  failedAnswers,
  findingKindOf,
  nextSelfCheckStatus,
  SELF_CHECK_FINDING_DAYS,
  SELF_CHECK_RECORD_KIND,
  SELF_CHECK_TEMPLATE,
  type SelfCheckAction,
} from "../../domain/self-check.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { refuseMarking } from "../../platform/documents/marking-refusal.js";
import { scanText } from "../../platform/documents/marking-scan.js";
import { type Database } from "../../platform/db/schema.js";
import { shippedTemplate } from "../../platform/policy/template-loader.js";
import { prepareFinding, type PreparedFinding } from "../inspections/raise-finding.js";
import { badField } from "../meetings/guards.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { dischargeByRecords } from "../obligations/records.js";
import { activePolicy } from "../policy/active-policy.js";
import { type Policy } from "../../domain/policy/schema.js";
import { isOwn, type SelfCheckRow, selfCheckObject, visibleSelfCheck } from "./access.js";
import {
  type ConfirmRequestSchema,
  type SaveAnswersRequestSchema,
  type StartSelfCheckRequestSchema,
} from "./contract.js";

type Trx = Transaction<Database>;

export const parseAnswers = (json: string) => JSON.parse(json) as Record<string, ItemResult>;
export const parseTemplate = (json: string) => JSON.parse(json) as InspectionTemplate;

/** The duties a self-check discharges: those the policy discharges by record `selfCheck.submitted`. */
export function selfCheckDuties(policy: Policy): string[] {
  return policy.duties
    .filter((d) => d.discharge.by === "record" && d.discharge.record === SELF_CHECK_RECORD_KIND)
    .map((d) => d.id);
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

const alreadyStarted = (id: string | undefined) =>
  new AppError(
    "CONFLICT",
    { zh: "该周期的个人保密自查表已经开始填写，请继续填写", en: "This period's self-check is already started" },
    { issues: [{ field: "body.periodId", message: "该周期的自查表已开始填写" }], selfCheckId: id ?? null },
  );

/** Starts the cleared person's self-check of a slot they owe (draft), with the form frozen; returns its id. */
export async function startSelfCheck(
  request: FastifyRequest,
  body: z.infer<typeof StartSelfCheckRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const actor = authOf(request).actor;
  if (actor.personId === null)
    await deny(
      request,
      new AppError("FORBIDDEN", {
        zh: "个人保密自查由涉密人员本人填写，本账号未关联人员",
        en: "A self-check is filled in by the cleared person; this account is no person",
      }),
      { action: "selfCheck.start", object: selfCheckObject(null) },
    );
  const { policy } = await activePolicy(db);
  const duties = selfCheckDuties(policy);
  const owed = duties.length
    ? await db
        .selectFrom("obligation")
        .innerJoin("person", "person.id", "obligation.bearer_person_id")
        .select([
          "obligation.id",
          "obligation.institution_id",
          "obligation.bearer_unit_id",
          "obligation.year",
          "obligation.starts_on",
          "obligation.due_on",
          "obligation.state",
          "person.unit_id",
        ])
        .where("obligation.bearer_person_id", "=", actor.personId ?? "")
        .where("obligation.period_id", "=", body.periodId)
        .where("obligation.duty_id", "in", duties)
        .orderBy("obligation.state")
        .executeTakeFirst()
    : undefined;
  if (!owed) throw badField("body.periodId", "您在该周期没有个人保密自查事项", "You owe no self-check for this period");
  const existing = await db
    .selectFrom("self_check")
    .select("id")
    .where("person_id", "=", actor.personId ?? "")
    .where("period_id", "=", body.periodId)
    .executeTakeFirst();
  if (existing) throw alreadyStarted(existing.id);
  if (owed.state !== "open")
    throw new AppError("CONFLICT", {
      zh: "该周期的自查事项已落实或已豁免，无须再填写",
      en: "This period's self-check is already fulfilled or waived",
    });
  const today = dateIn(app.clock());
  if (owed.starts_on > today)
    throw badField(
      "body.periodId",
      `该周期自 ${owed.starts_on} 开始，尚不能填写`,
      `This period begins on ${owed.starts_on}`,
    );
  const template = shippedTemplate(SELF_CHECK_TEMPLATE);
  const id = uuidv7();
  const at = toInstant(app.clock());
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("self_check")
        .values({
          id,
          institution_id: owed.institution_id,
          person_id: actor.personId ?? "",
          unit_id: owed.unit_id ?? owed.bearer_unit_id,
          period_id: body.periodId,
          period_starts_on: owed.starts_on,
          period_due_on: owed.due_on,
          year: Number(owed.year),
          template_id: template.id,
          template_version: template.version,
          template: JSON.stringify(template),
          answers: "{}",
          status: "draft",
          submitted_at: null,
          confirmed_by: null,
          confirmer_person_id: null,
          confirmed_at: null,
          return_reason: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await app.audit.append(trx, {
        ...auditContext(request),
        action: "selfCheck.start",
        object: selfCheckObject(id),
        result: "success",
        details: { periodId: body.periodId, template: `${template.id}@${template.version}` },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyStarted(undefined);
    throw error;
  }
  return id;
}

/** The marking guard on each text (DESIGN.md §1), audited; the refusal names the field it was found in. */
async function refuseMarkedFields(request: FastifyRequest, texts: [string, string | undefined][], id: string) {
  for (const [field, text] of texts) {
    const found = text ? scanText(text) : null;
    if (!found) continue;
    try {
      await refuseMarking(request, found, selfCheckObject(id));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(error.code, error.localized, {
        ...error.details,
        issues: [{ field, message: error.localized.zh }],
      });
    }
  }
}

/** The self-check, if the actor is its person (answer, submit) or its confirmer (confirm, return); 403 when only seen. */
async function actedOn(request: FastifyRequest, id: string, action: SelfCheckAction) {
  const found = await visibleSelfCheck(request, id);
  const actor = authOf(request).actor;
  const own = isOwn(actor, found.row);
  if (action === "answer" || action === "submit") {
    if (!own) await deny(request, FORBIDDEN, { action: `selfCheck.${action}`, object: selfCheckObject(id) });
  } else if (own) {
    await deny(
      request,
      new AppError("FORBIDDEN", {
        zh: "本人的自查表须由上级负责人确认，不能自己确认或退回",
        en: "Your own self-check is confirmed by your superior, not by you",
      }),
      { action: `selfCheck.${action}`, object: selfCheckObject(id) },
    );
  } else if (!found.confirmers.some((h) => h.personId === actor.personId)) {
    await deny(request, FORBIDDEN, { action: `selfCheck.${action}`, object: selfCheckObject(id) });
  }
  return { ...found, status: nextSelfCheckStatus(found.row.status, action) };
}

/** After a conditional update matched nothing (someone moved it first): the 409 of the status it is in now. */
async function refuseAsNow(trx: Trx, id: string, action: SelfCheckAction): Promise<never> {
  const now = await trx.selectFrom("self_check").select("status").where("id", "=", id).executeTakeFirst();
  if (now) nextSelfCheckStatus(now.status, action);
  throw new AppError("CONFLICT", { zh: "自查表状态已变化，请刷新后重试", en: "The self-check changed; reload" });
}

/** One step: the conditional update (from the status read) and its audit entry, in one transaction. */
async function step(
  request: FastifyRequest,
  row: SelfCheckRow,
  action: SelfCheckAction,
  values: Record<string, unknown>,
  details: Record<string, unknown>,
  more?: (trx: Trx) => Promise<Record<string, unknown>>,
) {
  const app = request.server;
  await app.db.kysely.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("self_check")
      .set({ ...values, updated_at: toInstant(app.clock()) })
      .where("id", "=", row.id)
      .where("status", "=", row.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) await refuseAsNow(trx, row.id, action);
    const extra = more ? await more(trx) : {};
    await app.audit.append(trx, {
      ...auditContext(request),
      action: `selfCheck.${action}`,
      object: selfCheckObject(row.id),
      result: "success",
      details: { from: row.status, ...details, ...extra },
    });
  });
}

/** Saves answers into the draft (merged with those saved before), each checked against the frozen form. */
export async function saveAnswers(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof SaveAnswersRequestSchema>,
): Promise<void> {
  const { row } = await actedOn(request, id, "answer");
  const template = parseTemplate(row.template);
  const answers = parseAnswers(row.answers);
  body.answers.forEach((answer, i) => {
    const item = checkAnswer(template, `body.answers.${i}`, answer);
    answers[item.id] = { outcome: answer.outcome, score: answer.score ?? null, note: answer.note || null };
  });
  await refuseMarkedFields(
    request,
    body.answers.map((a, i): [string, string | undefined] => [`body.answers.${i}.note`, a.note]),
    id,
  );
  await step(
    request,
    row,
    "answer",
    { answers: JSON.stringify(answers) },
    { items: body.answers.map((a) => a.itemId) },
  );
}

/** Submits the self-check to the person's superior; refused naming the first unanswered item. */
export async function submitSelfCheck(request: FastifyRequest, id: string): Promise<void> {
  const { row, status } = await actedOn(request, id, "submit");
  const missing = firstUnrecorded(parseTemplate(row.template), parseAnswers(row.answers));
  if (missing)
    throw badField(
      `answers.${missing.id}`,
      `条目“${missing.id}”（${missing.text.zh}）尚未填写`,
      `Item "${missing.id}" has no answer yet`,
    );
  await step(
    request,
    row,
    "submit",
    { status, submitted_at: toInstant(request.server.clock()), return_reason: null },
    { to: status },
  );
}

/** The superior returns the self-check to the person (back to draft), with the reason. */
export async function returnSelfCheck(request: FastifyRequest, id: string, reason: string): Promise<void> {
  const { row, status } = await actedOn(request, id, "return");
  await refuseMarkedFields(request, [["body.reason", reason]], id);
  await step(request, row, "return", { status, return_reason: reason }, { to: status });
}

/**
 * The superior confirms the self-check: each failed answer becomes a finding of the person's unit (its owner the unit
 * head named today, rectified by the deadline given or in 30 days), and the slot's obligation is fulfilled — one
 * transaction with the audit entry. A confirmed self-check is final.
 */
export async function confirmSelfCheck(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof ConfirmRequestSchema>,
): Promise<void> {
  const app = request.server;
  const db = app.db.kysely;
  const now = app.clock();
  const today = dateIn(now);
  const { row, status } = await actedOn(request, id, "confirm");
  if (body.deadline !== undefined && body.deadline < today)
    throw badField("body.deadline", "整改期限不得早于今天", "The deadline is in the past");
  const deadline = body.deadline ?? addDays(today, SELF_CHECK_FINDING_DAYS);
  const { policy, sha256 } = await activePolicy(db);
  const template = parseTemplate(row.template);
  const unit = await db
    .selectFrom("unit")
    .select(["id", "kind"])
    .where("id", "=", row.unit_id)
    .executeTakeFirstOrThrow();
  const findings: PreparedFinding[] = [];
  for (const { section, item, answer } of failedAnswers(template, parseAnswers(row.answers)))
    findings.push(
      await prepareFinding(
        db,
        policy,
        sha256,
        {
          source: "selfCheck",
          sourceId: row.id,
          institutionId: row.institution_id,
          unit,
          year: Number(row.year),
          itemId: item.id,
          itemText: item.text,
          ...findingKindOf(section.id, item),
          description: answer.note ?? item.text.zh,
          deadline,
        },
        now,
      ),
    );
  const accountId = authOf(request).account.id;
  await step(
    request,
    row,
    "confirm",
    {
      status,
      confirmed_by: accountId,
      confirmer_person_id: authOf(request).actor.personId,
      confirmed_at: toInstant(now),
    },
    { to: status, findings: findings.map((f) => f.id), deadline: findings.length ? deadline : null },
    async (trx) => {
      for (const finding of findings) await finding.insert(trx, accountId);
      return {
        obligationsFulfilled: await dischargeByRecords(trx, policy, row.institution_id, Number(row.year), now, [
          SELF_CHECK_RECORD_KIND,
        ]),
      };
    },
  );
  touchObligations();
}
