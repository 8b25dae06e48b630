/**
 * A year of supervision through the API (实施细则第十二条第（二）项): the plan drafted and approved (its items become
 * tracked tasks), the mid-year supervision with a note and a report, every unit scored on the rubric (exclusions and
 * a veto), the assessment and the summary approved — and the year's four obligations fulfilled. Then rolling the
 * year forward.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rubricItems } from "../../src/domain/rubric.js";
import { shippedRubric } from "../../src/platform/policy/rubric-loader.js";
import { testDialects } from "../databases.js";
import { grantRole, PASSWORD } from "../factories.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";

interface YearJson {
  plan: { status: string; items: { title: string; task: { id: string } | null }[] } | null;
  supervision: { status: string; notes: unknown[] } | null;
  assessment: {
    status: string;
    scores: { unit: { name: string }; percent: number | null; band: string; vetoed: boolean; rank: number | null }[];
    unscored: { name: string }[];
  } | null;
  summary: { status: string } | null;
  obligations: { dutyId: string; status: string }[];
  abilities: { manage: boolean; approve: boolean };
}
interface ErrorJson {
  message: string;
  details?: { issues?: { field: string }[]; state?: string };
}

/** Full marks on every points item, no deduction, no veto. */
function fullAnswers() {
  const rubric = shippedRubric("unit-assessment");
  return Object.fromEntries(
    rubricItems(rubric).map(({ item }) => [
      item.id,
      item.kind === "points" ? { score: item.points } : item.kind === "deduction" ? { score: 0 } : { vetoed: false },
    ]),
  );
}

describe.each(testDialects)("supervision on %s", (dialect) => {
  let w: ObligationWorld;

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    await grantRole(w.app, w.accounts.president.id, "deputyDirector", w.units.root.id, w.admin.id);
    w.setDay("2027-01-05");
    await w.materialize(2027);
  }, 120_000);
  afterAll(() => w.t.close());

  it("runs the year: plan, supervision, assessment, summary — and the year's four obligations are fulfilled", async () => {
    const office = await w.as("office");
    const plan = await office.request("PUT", "/api/supervision/2027/plan", {
      title: "2027年度保密工作计划",
      body: "一、加强保密宣传教育。二、开展保密检查。",
      items: [
        { title: "开展全员保密教育培训", ownerUnitId: w.units.a.id, dueOn: "2027-06-30" },
        { title: "完成涉密人员年度复审", ownerUnitId: w.units.b.id, dueOn: "2027-09-30" },
      ],
    });
    expect(plan.statusCode).toBe(200);
    expect(plan.json<YearJson>().plan?.status).toBe("draft");
    // A unit outside the institution is refused, naming the item.
    const headA = await w.as("headA");
    expect(
      (
        await headA.request("PUT", "/api/supervision/2027/plan", {
          title: "越权",
          body: "越权起草的年度计划正文内容",
          items: [{ title: "x任务", ownerUnitId: w.units.a.id, dueOn: "2027-06-30" }],
        })
      ).statusCode,
    ).toBe(403);

    expect((await office.post("/api/supervision/2027/plan/approve", { password: PASSWORD })).statusCode).toBe(403);
    const secretary = await w.as("secretary");
    const approved = await secretary.post("/api/supervision/2027/plan/approve", { password: PASSWORD });
    expect(approved.statusCode).toBe(200);
    const afterPlan = approved.json<YearJson>();
    expect(afterPlan.plan?.status).toBe("approved");
    expect(afterPlan.plan?.items.every((i) => i.task)).toBe(true);
    expect(afterPlan.obligations.find((o) => o.dutyId === "art12.2.annual-plan")?.status).toBe("fulfilled");
    const edit = await office.request("PUT", "/api/supervision/2027/plan", {
      title: "改动",
      body: "试图改动已审定的计划",
      items: [{ title: "新任务", ownerUnitId: w.units.a.id, dueOn: "2027-06-30" }],
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json<ErrorJson>().message).toContain("已经审定");
    await expect(sql`update annual_plan set title = 'x'`.execute(w.app.db.kysely)).rejects.toThrow();

    w.setDay("2027-07-01");
    const office2 = await w.as("office");
    expect(
      (
        await office2.post("/api/supervision/2027/notes", {
          unitId: w.units.a.id,
          text: "请加快培训进度，6月底前未完成。",
        })
      ).statusCode,
    ).toBe(200);
    const completed = await office2.post("/api/supervision/2027/supervision/complete", {
      report: "年中督查报告：各单位总体按计划推进，计算机学院培训进度滞后，已下发督查意见。",
    });
    expect(completed.json<YearJson>().supervision).toMatchObject({ status: "completed" });
    expect(
      completed.json<YearJson>().obligations.find((o) => o.dutyId === "art12.2.mid-year-supervision")?.status,
    ).toBe("fulfilled");

    w.setDay("2027-12-15");
    const office3 = await w.as("office");
    const answers = fullAnswers();
    // An item that does not apply is left out of both sides.
    const excludable = rubricItems(shippedRubric("unit-assessment")).find(
      ({ item }) => item.kind === "points" && item.canExclude,
    )!.item.id;
    const scoredA = await office3.request("PUT", `/api/supervision/2027/assessment/scores/${w.units.a.id}`, {
      answers: { ...answers, [excludable]: { excluded: true } },
    });
    expect(scoredA.statusCode).toBe(200);
    const veto = rubricItems(shippedRubric("unit-assessment")).find(({ item }) => item.kind === "veto")!.item.id;
    const scoredB = await office3.request("PUT", `/api/supervision/2027/assessment/scores/${w.units.b.id}`, {
      answers: { ...answers, [veto]: { vetoed: true } },
    });
    const scores = scoredB.json<YearJson>().assessment!.scores;
    expect(scores.map((s) => [s.unit.name, s.percent, s.band, s.vetoed, s.rank])).toEqual([
      ["计算机科学学院", 100, "conform", false, 1],
      ["外国语学院", 100, "nonconform", true, 2],
    ]);
    // Out of range and unknown items are refused, naming them.
    const bad = await office3.request("PUT", `/api/supervision/2027/assessment/scores/${w.units.a.id}`, {
      answers: { ...answers, [excludable]: { score: 999 }, ghost: { score: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorJson>().details?.issues?.map((i) => i.field)).toEqual(
      expect.arrayContaining(["answers.ghost", `answers.${excludable}.score`]),
    );
    const assessed = await (
      await w.as("secretary")
    ).post("/api/supervision/2027/assessment/approve", { password: PASSWORD });
    expect(assessed.statusCode).toBe(200);
    expect(assessed.json<YearJson>().assessment?.status).toBe("approved");
    const late = await office3.request("PUT", `/api/supervision/2027/assessment/scores/${w.units.a.id}`, { answers });
    expect(late.statusCode).toBe(409);

    expect(
      (
        await office3.request("PUT", "/api/supervision/2027/summary", {
          text: "2027年度保密工作总结：全年完成计划任务，考核结果已经审定。",
        })
      ).statusCode,
    ).toBe(200);
    const summary = await (
      await w.as("secretary")
    ).post("/api/supervision/2027/summary/approve", { password: PASSWORD });
    expect(summary.statusCode).toBe(200);
    const year = summary.json<YearJson>();
    expect(
      year.obligations
        .filter((o) => o.dutyId.startsWith("art12.2."))
        .map((o) => [o.dutyId, o.status])
        .sort(),
    ).toEqual([
      ["art12.2.annual-plan", "fulfilled"],
      ["art12.2.annual-summary", "fulfilled"],
      ["art12.2.mid-year-supervision", "fulfilled"],
      ["art12.2.year-end-assessment", "fulfilled"],
    ]);
  });

  it("rolls the year forward: last year's plan as a draft, a year on, its rubric carried; only once", async () => {
    const office = await w.as("office");
    const rolled = await office.post("/api/supervision/2028/roll-forward");
    expect(rolled.statusCode).toBe(200);
    const body = rolled.json<{ carried: number; differences: { detail: string }[]; year: YearJson }>();
    expect(body.carried).toBe(2);
    expect(body.differences[0]?.detail).toContain("2027-06-30 → 2028-06-30");
    expect(body.year.plan).toMatchObject({ status: "draft" });
    expect(body.year.assessment).toMatchObject({ status: "draft", scores: [] });
    const again = await office.post("/api/supervision/2028/roll-forward");
    expect(again.statusCode).toBe(409);
    const nothing = await office.post("/api/supervision/2030/roll-forward");
    expect(nothing.statusCode).toBe(409);
  });

  it("is read on the institution's branch and kept by the office alone", async () => {
    const headB = await w.as("headB");
    const read = await headB.get("/api/supervision/2027");
    expect(read.statusCode).toBe(200);
    expect(read.json<YearJson>().abilities).toEqual({ manage: false, approve: false });
    expect(
      (await headB.post("/api/supervision/2027/notes", { unitId: w.units.b.id, text: "越权的督查意见" })).statusCode,
    ).toBe(403);
  });
});
