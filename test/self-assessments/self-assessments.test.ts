/**
 * Self-assessment through the API (自查自评, 实施条例（2024）第五十八条): a unit head assesses the unit on the committee's
 * rubric, the office the institution on its own; band maths (all full conforms, a veto hit never does, exclusions leave
 * score and possible); every problem answer becomes a finding owned by the unit head with its rectification duty; bad
 * input is a 400 naming the field and changes nothing; submitted is final; a unit head sees only their unit's.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Rubric, type RubricAnswers, rubricItems } from "../../src/domain/rubric.js";
import { shippedRubric } from "../../src/platform/policy/rubric-loader.js";
import { testDialects } from "../databases.js";
import { type Client } from "../factories.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";

interface ErrorJson {
  code: string;
  message: string;
  details?: { issues?: { field: string; message: string }[]; id?: string; state?: string };
}
interface FindingJson {
  id: string;
  source: string;
  sourceId: string;
  itemId: string;
  itemText: string;
  category: string;
  severity: string;
  description: string;
  deadline: string;
  owner: { id: string; name: string } | null;
}
interface CommitteeJson {
  percent: number | null;
  band: string;
}
interface SelfAssessmentJson {
  id: string;
  own: boolean;
  status: string;
  rubric: { id: string; version: number };
  result: {
    earned: number;
    possible: number;
    percent: number | null;
    band: { key: string; zh: string } | null;
    vetoedBy: string[];
    excluded: string[];
    unanswered: string[];
  };
  problems: { itemId: string; kind: string }[];
  findings: FindingJson[];
  committee: CommitteeJson | null;
  abilities: { fill: boolean; submit: boolean };
}
interface RowJson {
  unit: { id: string; name: string };
  own: boolean;
  id: string | null;
  status: string;
  score: number | null;
  possible: number | null;
  percent: number | null;
  band: string | null;
  bandName: string | null;
  vetoed: boolean;
  findingCount: number;
  committee: CommitteeJson | null;
  abilities: { start: boolean; fill: boolean };
}
interface ListJson {
  institution: { id: string; name: string } | null;
  items: RowJson[];
}

/** Every item at its best: full points, no deduction, no veto. */
function fullSheet(rubric: Rubric): RubricAnswers {
  return Object.fromEntries(
    rubricItems(rubric).map(({ item }) => [
      item.id,
      item.kind === "veto" ? { vetoed: false } : { score: item.kind === "points" ? item.points : 0 },
    ]),
  );
}

describe.each(testDialects)("self-assessments on %s", (dialect) => {
  let w: ObligationWorld;
  const start = (client: Client, unitId: string, year: number) =>
    client.post("/api/self-assessments", { unitId, year });
  const save = (client: Client, id: string, answers: unknown) =>
    client.request("PUT", `/api/self-assessments/${id}/answers`, { answers });
  const submit = (client: Client, id: string, body: Record<string, unknown> = {}) =>
    client.post(`/api/self-assessments/${id}/submit`, body);
  const list = async (client: Client, year: number) => {
    const res = await client.get(`/api/self-assessments?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ListJson>();
  };
  const expectField = (res: { statusCode: number; json: <T>() => T; body: string }, field: string) => {
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json<ErrorJson>();
    expect(error.details?.issues?.[0]?.field, JSON.stringify(error)).toBe(field);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  };
  const started = async (client: Client, unitId: string, year: number) => {
    const res = await start(client, unitId, year);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<SelfAssessmentJson>();
  };
  const stored = (id: string) =>
    w.app.db.kysely.selectFrom("self_assessment").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    await w.materialize(2027);
  }, 120_000);
  afterAll(() => w.t.close());

  it("scores an all-full unit as conforming, beside the committee's own score of it", async () => {
    const unitRubric = shippedRubric("unit-assessment");
    // The committee has scored B this year (2 points lost on one item): 98%.
    const office = await w.as("office");
    const committee = await office.request("PUT", `/api/supervision/2027/assessment/scores/${w.units.b.id}`, {
      answers: { ...fullSheet(unitRubric), "org.agenda": { score: 4, note: "未专题研究" } },
    });
    expect(committee.statusCode, committee.body).toBe(200);

    const headB = await w.as("headB");
    const sa = await started(headB, w.units.b.id, 2027);
    ids.b2027 = sa.id;
    expect(sa).toMatchObject({
      own: false,
      status: "draft",
      rubric: { id: "unit-assessment", version: 1 },
      abilities: { fill: true, submit: true },
      committee: { percent: 98, band: "conform" },
    });
    // A draft is saved item by item and resumed.
    const entries = Object.entries(fullSheet(unitRubric));
    const half = await save(headB, sa.id, Object.fromEntries(entries.slice(0, 10)));
    expect(half.statusCode, half.body).toBe(200);
    expect(half.json<SelfAssessmentJson>().result.unanswered).toHaveLength(entries.length - 10);
    expect((await save(headB, sa.id, Object.fromEntries(entries.slice(10)))).statusCode).toBe(200);

    const done = await submit(headB, sa.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<SelfAssessmentJson>()).toMatchObject({
      status: "submitted",
      result: { earned: 100, possible: 100, percent: 100, band: { key: "conform", zh: "符合" }, vetoedBy: [] },
      findings: [],
      abilities: { fill: false },
    });
    expect(await stored(sa.id)).toMatchObject({ status: "submitted", band: "conform" });
    expect(Number((await stored(sa.id)).score)).toBe(100);

    const row = (await list(office, 2027)).items.find((r) => r.unit.id === w.units.b.id);
    expect(row).toMatchObject({
      status: "submitted",
      score: 100,
      possible: 100,
      percent: 100,
      band: "conform",
      bandName: "符合",
      vetoed: false,
      committee: { percent: 98, band: "conform" },
    });
  });

  it("never lets a veto hit conform, and turns each problem answer into a finding with its rectification duty", async () => {
    const headA = await w.as("headA");
    const sa = await started(headA, w.units.a.id, 2027);
    ids.a2027 = sa.id;
    const answers = {
      ...fullSheet(shippedRubric("unit-assessment")),
      "org.agenda": { score: 4, note: "全年未召开会议专题研究保密工作" },
      "edu.exam": { excluded: true },
      "deduct.violation": { score: 3, note: "一名教师违规携带涉密笔记本外出，被学校通报" },
      "veto.internet": { vetoed: true, note: "一台涉密计算机曾接入校园网" },
    };
    expect((await save(headA, sa.id, answers)).statusCode).toBe(200);
    const done = await submit(headA, sa.id, { deadline: "2027-05-31" });
    expect(done.statusCode, done.body).toBe(200);
    const view = done.json<SelfAssessmentJson>();
    // 97 possible (a 3-point item excluded), 95 earned before the 3-point deduction: 92 / 97 = 94.8%, yet 不符合.
    expect(view.result).toMatchObject({
      earned: 92,
      possible: 97,
      percent: 94.8,
      band: { key: "nonconform" },
      vetoedBy: ["veto.internet"],
      excluded: ["edu.exam"],
    });
    expect(
      view.findings.map((f) => [f.itemId, f.severity, f.category, f.source, f.sourceId, f.deadline, f.owner?.name]),
    ).toEqual([
      ["org.agenda", "minor", "organization", "selfAssessment", sa.id, "2027-05-31", "吴院长"],
      ["deduct.violation", "major", "other", "selfAssessment", sa.id, "2027-05-31", "吴院长"],
      ["veto.internet", "serious", "system", "selfAssessment", sa.id, "2027-05-31", "吴院长"],
    ]);
    expect(view.findings[2]?.description).toBe("一台涉密计算机曾接入校园网");
    expect(view.findings[0]?.itemText).toContain("单位负责人把保密工作纳入本单位工作议程");

    // Each raised finding.raised: the head's duty to rectify it by its deadline (art6.2.rectify-finding).
    const db = w.app.db.kysely;
    const obligations = await db
      .selectFrom("inspection_finding")
      .innerJoin("obligation", "obligation.event_id", "inspection_finding.event_id")
      .select(["obligation.duty_id", "obligation.due_on", "obligation.bearer_unit_id", "obligation.state"])
      .where("inspection_finding.source_id", "=", sa.id)
      .execute();
    expect(obligations).toHaveLength(3);
    for (const o of obligations)
      expect(o).toMatchObject({
        duty_id: "art6.2.rectify-finding",
        due_on: "2027-05-31",
        bearer_unit_id: w.units.a.id,
        state: "open",
      });

    // The findings list shows them to their owner.
    const mine = await headA.get("/api/findings?source=selfAssessment");
    expect(mine.json<{ items: FindingJson[] }>().items.filter((f) => f.sourceId === sa.id)).toHaveLength(3);
    const row = (await list(await w.as("office"), 2027)).items.find((r) => r.unit.id === w.units.a.id);
    expect(row).toMatchObject({ percent: 94.8, band: "nonconform", bandName: "不符合", vetoed: true, findingCount: 3 });
  });

  it("leaves excluded items out of both score and possible; findings are due 60 days on unless told", async () => {
    const headB = await w.as("headB");
    const sa = await started(headB, w.units.b.id, 2026);
    const answers = {
      ...fullSheet(shippedRubric("unit-assessment")),
      "personnel.vetting": { excluded: true },
      "carriers.register": { excluded: true },
      "network.maintenance": { score: 1.5, note: "一台涉密计算机送外维修无人现场监督" },
    };
    expect((await save(headB, sa.id, answers)).statusCode).toBe(200);
    const view = (await submit(headB, sa.id)).json<SelfAssessmentJson>();
    // 100 − 5 − 6 excluded = 89 possible; 89 − 1.5 = 87.5 earned: 98.3%.
    expect(view.result).toMatchObject({ earned: 87.5, possible: 89, percent: 98.3, band: { key: "conform" } });
    expect(view.result.excluded).toEqual(["personnel.vetting", "carriers.register"]);
    expect(view.findings.map((f) => [f.itemId, f.severity, f.deadline, f.owner?.name])).toEqual([
      ["network.maintenance", "minor", "2027-04-30", "周院长"],
    ]);
  });

  it("lets the office assess the institution itself on the institution rubric", async () => {
    const office = await w.as("office");
    const rubric = shippedRubric("institution-self-assessment");
    const sa = await started(office, w.units.root.id, 2027);
    ids.root2027 = sa.id;
    expect(sa).toMatchObject({ own: true, rubric: { id: "institution-self-assessment" }, abilities: { fill: true } });
    const answers = { ...fullSheet(rubric), "products.management": { excluded: true } };
    expect((await save(office, sa.id, answers)).statusCode).toBe(200);
    const view = (await submit(office, sa.id)).json<SelfAssessmentJson>();
    expect(view.result).toMatchObject({ earned: 97, possible: 97, percent: 100, band: { key: "conform" } });
    const rows = (await list(office, 2027)).items;
    expect(rows[0]).toMatchObject({ own: true, unit: { id: w.units.root.id }, status: "submitted", percent: 100 });
  });

  it("refuses bad input naming the field, and changes nothing", async () => {
    const headB = await w.as("headB");
    const sa = await started(headB, w.units.b.id, 2025);
    expect((await save(headB, sa.id, { "org.agenda": { score: 6 } })).statusCode).toBe(200);
    const before = await stored(sa.id);
    const findings = async () =>
      Number(
        (
          await w.app.db.kysely
            .selectFrom("inspection_finding")
            .select(sql<number>`count(*)`.as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const findingCount = await findings();

    expectField(await save(headB, sa.id, { "no.such": { score: 1 } }), "answers.no.such");
    expectField(await save(headB, sa.id, { "org.agenda": { score: 7 } }), "answers.org.agenda.score");
    expectField(await save(headB, sa.id, { "org.agenda": { score: 3.3, note: "说明" } }), "answers.org.agenda.score");
    expectField(await save(headB, sa.id, { "org.agenda": { excluded: true } }), "answers.org.agenda.excluded");
    expectField(await save(headB, sa.id, { "veto.leak": { score: 0 } }), "answers.veto.leak.score");
    expectField(await save(headB, sa.id, { "org.plan": { vetoed: true } }), "answers.org.plan.vetoed");
    // A problem answer without the problem described.
    expectField(await save(headB, sa.id, { "org.agenda": { score: 4 } }), "answers.org.agenda.note");
    expectField(await save(headB, sa.id, { "deduct.violation": { score: 3 } }), "answers.deduct.violation.note");
    expectField(await save(headB, sa.id, { "veto.leak": { vetoed: true, note: " " } }), "answers.veto.leak.note");
    const wrongType = await save(headB, sa.id, { "org.agenda": { score: "6" } });
    expect(wrongType.statusCode).toBe(400);
    expect((await save(headB, sa.id, { "org.agenda": { score: 6, extra: 1 } })).statusCode).toBe(400);
    const marked = await save(headB, sa.id, { "org.agenda": { score: 4, note: "机密★10年 文件未登记" } });
    expect(marked.statusCode).toBe(400);
    expect(marked.json<ErrorJson>().message).toContain("机密★");

    // Submitting: a deadline in the past, then the first unanswered item.
    expectField(await submit(headB, sa.id, { deadline: "2027-01-01" }), "body.deadline");
    expectField(await submit(headB, sa.id), "answers.org.agreement");
    expect((await submit(headB, sa.id, { deadline: "2027-02-30" })).statusCode).toBe(400);

    // Starting: a unit below a 二级单位, a year not begun, an unknown unit, a second one.
    const headA = await w.as("headA");
    expectField(await start(headA, w.units.a1.id, 2027), "body.unitId");
    expectField(await start(headB, w.units.b.id, 2028), "body.year");
    expectField(await start(headB, "no-such-unit", 2027), "body.unitId");
    expect((await start(headB, w.units.b.id, 1999)).statusCode).toBe(400);
    const again = await start(headB, w.units.b.id, 2025);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorJson>().details?.id).toBe(sa.id);

    const after = await stored(sa.id);
    expect(after).toEqual(before);
    expect(JSON.parse(after.answers)).toEqual({ "org.agenda": { score: 6 } });
    expect(await findings()).toBe(findingCount);
    // `{}` clears an item.
    const cleared = await save(headB, sa.id, { "org.agenda": {} });
    expect(cleared.json<SelfAssessmentJson>().result.unanswered[0]).toBe("org.agenda");
  });

  it("keeps a submitted self-assessment final, in the API and in the database", async () => {
    const headB = await w.as("headB");
    const id = ids.b2027 ?? "";
    const late = await save(headB, id, { "org.agenda": { score: 6 } });
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorJson>().message).toContain("已提交");
    expect((await submit(headB, id)).statusCode).toBe(409);
    const db = w.app.db.kysely;
    await expect(
      db.updateTable("self_assessment").set({ answers: "{}" }).where("id", "=", id).execute(),
    ).rejects.toThrow(/已提交的自查自评不得修改/);
    await expect(db.deleteFrom("self_assessment").where("id", "=", id).execute()).rejects.toThrow(/不得修改/);
    expect((await stored(id)).status).toBe("submitted");
  });

  it("shows a unit head only their unit's, the office every unit's and the institution's own", async () => {
    const headA = await w.as("headA");
    const headB = await w.as("headB");
    const office = await w.as("office");
    const secretary = await w.as("secretary");
    const core = await w.as("core");
    const a = ids.a2027 ?? "";
    const b = ids.b2027 ?? "";
    const own = ids.root2027 ?? "";

    expect((await list(headA, 2027)).items.map((r) => r.unit.id)).toEqual([w.units.a.id]);
    expect((await list(headB, 2027)).items.map((r) => r.unit.id)).toEqual([w.units.b.id]);
    const all = (await list(office, 2027)).items;
    expect(all.map((r) => r.unit.id).sort()).toEqual(
      [w.units.root.id, w.units.office.id, w.units.a.id, w.units.b.id].sort(),
    );
    expect(all[0]?.own).toBe(true);
    expect(all.find((r) => r.unit.id === w.units.office.id)).toMatchObject({ status: "none", id: null });
    expect(await list(core, 2027)).toMatchObject({ institution: null, items: [] });

    expect((await headA.get(`/api/self-assessments/${b}`)).statusCode).toBe(404);
    expect((await save(headA, b, { "org.agenda": { score: 6 } })).statusCode).toBe(404);
    expect((await headA.get(`/api/self-assessments/${own}`)).statusCode).toBe(404);
    expect((await start(headA, w.units.root.id, 2026)).statusCode).toBe(404);
    expect((await start(headA, w.units.b.id, 2026)).statusCode).toBe(404);
    expect((await core.get(`/api/self-assessments/${a}`)).statusCode).toBe(404);
    expect((await headB.get(`/api/self-assessments/${b}`)).statusCode).toBe(200);

    // Readers who may not fill: the Party secretary, and the office on a unit's (403, not 404).
    const draft = await started(headA, w.units.a.id, 2026);
    const read = await secretary.get(`/api/self-assessments/${draft.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<SelfAssessmentJson>().abilities).toEqual({ fill: false, submit: false });
    expect((await save(secretary, draft.id, { "org.agenda": { score: 6 } })).statusCode).toBe(403);
    expect((await save(office, draft.id, { "org.agenda": { score: 6 } })).statusCode).toBe(403);
    expect((await submit(office, draft.id)).statusCode).toBe(403);
    expect((await start(office, w.units.b.id, 2024)).statusCode).toBe(403);
    expect((await start(headA, w.units.root.id, 2026)).statusCode).toBe(404);

    const rows = (await list(headA, 2026)).items;
    expect(rows).toEqual([expect.objectContaining({ status: "draft", abilities: { start: false, fill: true } })]);
    expect((await list(headB, 2024)).items[0]?.abilities).toEqual({ start: true, fill: false });
  });

  it("exports the year's list as .xlsx", async () => {
    const office = await w.as("office");
    const res = await office.get("/api/self-assessments/export?year=2027");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain("self-assessments-2027.xlsx");
  });
});
