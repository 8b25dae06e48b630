/**
 * Rolling a year forward (第十二条第（二）项): last year's plan is copied as this year's draft — its tasks with their
 * deadlines a year on, nothing approved, no progress — and last year's rubric becomes this year's assessment rubric,
 * with what differs from the shipped rubric listed, so the office starts from what the committee adopted last year
 * and sees what changed.
 */
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "../../domain/errors.js";
import { diffRubrics, RubricSchema } from "../../domain/rubric.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { currentRubric } from "../rubrics/versions.js";
import { type Institution } from "./institution.js";
import { DEFAULT_RUBRIC, insertAssessment } from "./service.js";

export interface Difference {
  kind: "added" | "removed" | "changed";
  item: string;
  detail: string;
}

/** The same date a year on; 29 February becomes 28 February. */
export function aYearOn(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const next = m === 2 && d === 29 ? 28 : d;
  return `${y + 1}-${String(m).padStart(2, "0")}-${String(next).padStart(2, "0")}`;
}

export async function rollForward(
  request: FastifyRequest,
  institution: Institution,
  year: number,
): Promise<{ carried: number; differences: Difference[] }> {
  const app = request.server;
  const db = app.db.kysely;
  const [previous, current] = await Promise.all(
    [year - 1, year].map((y) =>
      db
        .selectFrom("annual_plan")
        .selectAll()
        .where("institution_id", "=", institution.id)
        .where("year", "=", y)
        .executeTakeFirst(),
    ),
  );
  if (!previous)
    throw new AppError(
      "CONFLICT",
      { zh: `${year - 1}年没有年度保密工作计划可以沿用`, en: `There is no ${year - 1} plan to carry forward` },
      { state: "none" },
    );
  if (current)
    throw new AppError(
      "CONFLICT",
      {
        zh: `${year}年的年度保密工作计划已经存在（${current.status === "approved" ? "已审定" : "草稿"}），不能再沿用上年计划`,
        en: `The ${year} plan already exists`,
      },
      { state: current.status },
    );
  const items = await db
    .selectFrom("plan_item")
    .selectAll()
    .where("plan_id", "=", previous.id)
    .orderBy("position")
    .execute();
  const lastAssessment = await db
    .selectFrom("assessment")
    .select("rubric")
    .where("institution_id", "=", institution.id)
    .where("year", "=", year - 1)
    .executeTakeFirst();
  const thisAssessment = await db
    .selectFrom("assessment")
    .select("id")
    .where("institution_id", "=", institution.id)
    .where("year", "=", year)
    .executeTakeFirst();
  const differences: Difference[] = items.map((item) => ({
    kind: "changed",
    item: item.title,
    detail: `完成时限 ${item.due_on} → ${aYearOn(item.due_on)}`,
  }));
  const rubric = lastAssessment ? RubricSchema.parse(JSON.parse(lastAssessment.rubric)) : null;
  if (rubric) {
    // What last year's rubric (now carried) differs in from the current one (shipped, or the office's latest version):
    // the office decides whether to keep it.
    const diff = diffRubrics(await currentRubric(db, institution.id, DEFAULT_RUBRIC), rubric);
    for (const added of diff.added)
      differences.push({ kind: "added", item: added.item.title.zh, detail: "上年评分表有、现行标准评分表无" });
    for (const removed of diff.removed)
      differences.push({ kind: "removed", item: removed.item.title.zh, detail: "现行标准评分表有、上年评分表无" });
    for (const changed of diff.changed)
      differences.push({
        kind: "changed",
        item: changed.title.zh,
        detail: changed.changes.map((c) => c.field).join("、") + " 与现行标准不同",
      });
  }
  const at = toInstant(app.clock());
  const planId = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("annual_plan")
      .values({
        id: planId,
        institution_id: institution.id,
        year,
        status: "draft",
        title: previous.title.replaceAll(String(year - 1), String(year)),
        body: previous.body,
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
    if (items.length > 0)
      await trx
        .insertInto("plan_item")
        .values(
          items.map((item) => ({
            id: uuidv7(),
            plan_id: planId,
            position: item.position,
            title: item.title,
            owner_unit_id: item.owner_unit_id,
            due_on: aYearOn(item.due_on),
          })),
        )
        .execute();
    if (rubric && !thisAssessment) await insertAssessment(trx, uuidv7(), institution, year, rubric, at);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "plan.rollForward",
      object: { type: "annual_plan", id: planId },
      result: "success",
      details: { from: year - 1, to: year, items: items.length, rubricCarried: Boolean(rubric && !thisAssessment) },
    });
  });
  return { carried: items.length, differences };
}
