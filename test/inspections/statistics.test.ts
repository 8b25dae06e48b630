/**
 * Findings statistics through the API (检查整改统计): a small world of findings in three units, four categories, three
 * severities and two years — closed on time and late, overdue, one repeat, a member's half-yearly plan — counted
 * exactly; each figure equals what the findings list shows for the matching filter, for the office and for an
 * inspector who sees only their plan; an actor who reaches nothing gets zeros; bad input is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FindingStatistics, type FindingTally } from "../../src/features/inspections/statistics-contract.js";
import { testDialects } from "../databases.js";
import { type Client } from "../factories.js";
import { obligationWorld, type AccountName, type ObligationWorld } from "../obligations/fixtures.js";

interface PlanJson {
  id: string;
  inspections: { id: string; unit: { id: string } }[];
}
interface InspectionJson {
  findings: { id: string; itemId: string }[];
}
interface ErrorJson {
  message: string;
  details?: { issues?: { field: string; message: string }[] };
}

const ALL_RESULTS = [
  { itemId: "org.agenda", outcome: "pass", score: 9 },
  { itemId: "org.rules", outcome: "pass", score: 8 },
  { itemId: "org.problems", outcome: "pass" },
  { itemId: "daily.personnel", outcome: "pass", score: 10 },
  { itemId: "daily.carriers", outcome: "fail", score: 4 },
  { itemId: "daily.exchange", outcome: "na" },
  { itemId: "daily.systems", outcome: "pass" },
];

const counts = (t: FindingTally | undefined) =>
  t && {
    total: t.total,
    open: t.open,
    submitted: t.submitted,
    closed: t.closed,
    overdue: t.overdue,
    closedOnTime: t.closedOnTime,
    repeats: t.repeats,
  };

describe.each(testDialects)("findings statistics on %s", (dialect) => {
  let w: ObligationWorld;
  const f: Record<string, string> = {};

  const stats = async (who: AccountName, query = "", headers: Record<string, string> = {}) => {
    const res = await (await w.as(who)).request("GET", `/api/findings/statistics${query}`, undefined, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FindingStatistics>();
  };
  const listed = async (client: Client, query: string) => {
    const res = await client.get(`/api/findings?limit=200&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: unknown[] }>().items.length;
  };

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    const { a, a1, b } = w.units;
    const office = await w.as("office");
    const plan = async (body: Record<string, unknown>) => {
      const res = await office.post("/api/inspection-plans", {
        templateId: "unit-inspection",
        teamIds: [],
        leadPersonId: w.people.office,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<PlanJson>();
    };
    const inspectionOf = (p: PlanJson, unitId: string) => p.inspections.find((i) => i.unit.id === unitId)?.id ?? "";
    const finding = async (
      name: string,
      by: Client,
      inspectionId: string,
      body: { itemId: string; category: string; severity: string; deadline: string },
    ) => {
      const res = await by.post(`/api/inspections/${inspectionId}/findings`, { description: "统计测试问题", ...body });
      expect(res.statusCode, res.body).toBe(201);
      const found = res.json<InspectionJson>().findings.filter((x) => x.itemId === body.itemId);
      f[name] = found.at(-1)?.id ?? "";
    };

    // 2027-03-01: the office's 2026 plan (A, B), a member's 2027 H1 plan (吴院长 leads, 陈核心 on the team: B, A1),
    // the office's 2027 plan (A).
    const x = await plan({
      kind: "office",
      title: "2026年度保密办公室检查",
      year: 2026,
      unitIds: [a.id, b.id],
      startsOn: "2026-11-01",
      endsOn: "2026-12-31",
    });
    const y = await plan({
      kind: "member",
      title: "2027年上半年委员分管范围保密检查",
      year: 2027,
      half: 1,
      leadPersonId: w.people.headA,
      teamIds: [w.people.core],
      unitIds: [b.id, a1.id],
      startsOn: "2027-03-01",
      endsOn: "2027-06-30",
    });
    const z = await plan({
      kind: "office",
      title: "2027年度保密办公室检查",
      year: 2027,
      unitIds: [a.id],
      startsOn: "2027-03-01",
      endsOn: "2027-06-30",
    });
    const core = await w.as("core");
    const item = (itemId: string, category: string, severity: string, deadline: string) => ({
      itemId,
      category,
      severity,
      deadline,
    });
    await finding("f1", office, inspectionOf(x, a.id), item("daily.carriers", "carrier", "minor", "2027-03-10"));
    await finding("f2", office, inspectionOf(x, b.id), item("daily.personnel", "personnel", "major", "2027-06-30"));
    await finding("f3", core, inspectionOf(y, b.id), item("daily.carriers", "carrier", "serious", "2027-03-05"));
    await finding("f4", core, inspectionOf(y, b.id), item("daily.systems", "system", "minor", "2027-04-30"));
    await finding("f5", core, inspectionOf(y, a1.id), item("daily.carriers", "carrier", "minor", "2027-03-20"));
    // The same unit and item as f1 (another inspection): a repeat.
    await finding("f6", office, inspectionOf(z, a.id), item("daily.carriers", "carrier", "minor", "2027-05-31"));
    await finding("f7", office, inspectionOf(z, a.id), item("org.rules", "organization", "major", "2027-03-15"));

    // The member's inspection of B is closed.
    const yb = inspectionOf(y, b.id);
    expect((await core.request("PUT", `/api/inspections/${yb}/results`, { results: ALL_RESULTS })).statusCode).toBe(
      200,
    );
    expect((await core.post(`/api/inspections/${yb}/close`, {})).statusCode).toBe(200);

    // Rectified by the owner (the unit's head) and submitted on a day; verified by the office on a day.
    const submit = async (name: string, owner: AccountName) => {
      const by = await w.as(owner);
      const rect = await by.request("PUT", `/api/findings/${f[name]}/rectification`, {
        plan: "逐项整改，完善台账",
        evidence: "整改记录经保密员核对",
      });
      expect(rect.statusCode, rect.body).toBe(200);
      expect((await by.post(`/api/findings/${f[name]}/submit`, {})).statusCode).toBe(200);
    };
    const verify = async (name: string) => {
      const res = await (await w.as("office")).post(`/api/findings/${f[name]}/verify`, { note: "整改到位" });
      expect(res.statusCode, res.body).toBe(200);
    };
    // f1: closed after 7 days, before its deadline (03-10).
    w.setDay("2027-03-08");
    await submit("f1", "headA");
    await verify("f1");
    // f3: closed after 10 days, past its deadline (03-05); f7 submitted, awaiting verification.
    w.setDay("2027-03-11");
    await submit("f3", "headB");
    await verify("f3");
    await submit("f7", "headA");
    // f2: closed after 20 days, on time.
    w.setDay("2027-03-21");
    await submit("f2", "headB");
    await verify("f2");
    // Today: f5 (03-20) and f7 (03-15) are overdue; f4 (04-30) and f6 (05-31) are not.
    w.setDay("2027-04-01");
  }, 240_000);
  afterAll(() => w.t.close());

  it("counts the current year exactly: totals, rates, days to close, categories, severities, units and members", async () => {
    const s = await stats("office");
    expect(s.year).toBe(2027);
    expect(s.today).toBe("2027-04-01");
    expect(s.unit).toBeNull();
    expect(counts(s.totals)).toEqual({
      total: 5,
      open: 3,
      submitted: 1,
      closed: 1,
      overdue: 2,
      closedOnTime: 0,
      repeats: 1,
    });
    expect(s.totals).toMatchObject({
      rate: 0.2,
      onTimeRate: 0,
      repeatRate: 0.2,
      daysToClose: { median: 10, mean: 10 },
    });

    expect(s.byCategory.map((c) => [c.key, c.name, c.total, c.closed, c.overdue])).toEqual([
      ["organization", "组织管理", 1, 0, 1],
      ["personnel", "涉密人员", 0, 0, 0],
      ["carrier", "涉密载体", 3, 1, 1],
      ["system", "信息系统与设备", 1, 0, 0],
      ["keyDepartment", "要害部门部位", 0, 0, 0],
      ["other", "其他", 0, 0, 0],
    ]);
    expect(s.byCategory.find((c) => c.key === "personnel")?.rate).toBeNull();
    expect(s.bySeverity.map((c) => [c.key, c.name, c.total, c.open, c.closed])).toEqual([
      ["minor", "一般", 3, 3, 0],
      ["major", "较重", 1, 0, 0],
      ["serious", "严重", 1, 0, 1],
    ]);
    // Most overdue first, then most unclosed.
    expect(s.unitCount).toBe(3);
    expect(s.byUnit.map((u) => [u.name, u.total, u.open, u.submitted, u.closed, u.overdue, u.rate])).toEqual([
      ["计算机科学学院", 2, 1, 1, 0, 1, 0],
      ["软件工程系", 1, 1, 0, 0, 1, 0],
      ["外国语学院", 2, 1, 0, 1, 0, 0.5],
    ]);
    expect(s.byYear.map((y) => [y.key, y.total, y.closed, y.closedOnTime, y.overdue, y.rate])).toEqual([
      ["2026", 2, 2, 2, 0, 1],
      ["2027", 5, 1, 0, 2, 0.2],
    ]);
    expect(s.byMember).toEqual([
      {
        personId: w.people.headA,
        name: "吴院长",
        plans: 1,
        inspections: 2,
        inspectionsClosed: 1,
        findings: 3,
        closed: 1,
      },
    ]);
  });

  it("counts every year with year=all, and names in English when asked", async () => {
    const s = await stats("office", "?year=all", { "accept-language": "en-US" });
    expect(s.year).toBeNull();
    expect(counts(s.totals)).toEqual({
      total: 7,
      open: 3,
      submitted: 1,
      closed: 3,
      overdue: 2,
      closedOnTime: 2,
      repeats: 1,
    });
    // 7, 10 and 20 days: the median 10, the mean 12.3.
    expect(s.totals).toMatchObject({
      rate: 0.429,
      onTimeRate: 0.667,
      repeatRate: 0.143,
      daysToClose: { median: 10, mean: 12.3 },
    });
    expect(s.byCategory.find((c) => c.key === "carrier")).toMatchObject({ name: "Classified carriers", total: 4 });
    expect(s.bySeverity.map((c) => c.name)).toEqual(["Minor", "Major", "Serious"]);
    expect(s.byYear.map((y) => y.key)).toEqual(["2026", "2027"]);

    // An even number of closed findings: the median is the mean of the middle two (2026: 7 and 20 days).
    const y2026 = await stats("office", "?year=2026");
    expect(y2026.totals.daysToClose).toEqual({ median: 13.5, mean: 13.5 });
    expect(y2026.totals).toMatchObject({ total: 2, closed: 2, rate: 1, onTimeRate: 1 });
    expect(y2026.byMember).toEqual([]);
  });

  it("narrows to a unit's subtree and to an institution", async () => {
    const s = await stats("office", `?unitId=${w.units.a.id}`);
    expect(s.unit).toEqual({ id: w.units.a.id, name: "计算机科学学院" });
    expect(counts(s.totals)).toEqual({
      total: 3,
      open: 2,
      submitted: 1,
      closed: 0,
      overdue: 2,
      closedOnTime: 0,
      repeats: 1,
    });
    expect(s.byUnit.map((u) => u.name)).toEqual(["计算机科学学院", "软件工程系"]);
    // The member's plan counts only its inspection of A1 under A.
    expect(s.byMember).toEqual([
      expect.objectContaining({
        name: "吴院长",
        plans: 1,
        inspections: 1,
        inspectionsClosed: 0,
        findings: 1,
        closed: 0,
      }),
    ]);
    expect((await stats("office", `?institutionId=${w.units.root.id}`)).totals.total).toBe(5);
    const elsewhere = await stats("office", `?institutionId=${w.units.b.id}`);
    expect(elsewhere.totals).toMatchObject({ total: 0, rate: null, daysToClose: { median: null, mean: null } });
  });

  it("counts what the findings list shows behind each figure, for the office and for an inspector", async () => {
    for (const who of ["office", "core"] as const) {
      const client = await w.as(who);
      const s = await stats(who);
      const all = await stats(who, "?year=all");
      const year = "year=2027";
      expect(s.totals.total, who).toBe(await listed(client, year));
      expect(s.totals.open, who).toBe(await listed(client, `${year}&status=open`));
      expect(s.totals.submitted, who).toBe(await listed(client, `${year}&status=submitted`));
      expect(s.totals.closed, who).toBe(await listed(client, `${year}&status=closed`));
      expect(s.totals.overdue, who).toBe(await listed(client, `${year}&overdue=true`));
      for (const severity of s.bySeverity)
        expect(severity.total, `${who} ${severity.key}`).toBe(await listed(client, `${year}&severity=${severity.key}`));
      for (const category of s.byCategory)
        expect(category.total, `${who} ${category.key}`).toBe(await listed(client, `${year}&category=${category.key}`));
      for (const unit of s.byUnit) {
        expect(unit.total, `${who} ${unit.name}`).toBe(await listed(client, `${year}&unitId=${unit.key}`));
        expect(unit.overdue, `${who} ${unit.name}`).toBe(
          await listed(client, `${year}&unitId=${unit.key}&overdue=true`),
        );
        expect(unit.closed, `${who} ${unit.name}`).toBe(
          await listed(client, `${year}&unitId=${unit.key}&status=closed`),
        );
      }
      for (const y of all.byYear) expect(y.total, `${who} ${y.key}`).toBe(await listed(client, `year=${y.key}`));
      expect(all.totals.total, who).toBe(await listed(client, ""));
    }
    // The inspector (陈核心, no grant) sees only the member plan's findings: f3, f4, f5.
    const core = await stats("core");
    expect(counts(core.totals)).toEqual({
      total: 3,
      open: 2,
      submitted: 0,
      closed: 1,
      overdue: 1,
      closedOnTime: 0,
      repeats: 0,
    });
    expect(core.byMember).toEqual([expect.objectContaining({ name: "吴院长", plans: 1, findings: 3, closed: 1 })]);
  });

  it("gives zeros to an actor who reaches no finding", async () => {
    // 钱院长: president, no grant, on no team, owns no finding.
    const s = await stats("president", "?year=all");
    expect(counts(s.totals)).toEqual({
      total: 0,
      open: 0,
      submitted: 0,
      closed: 0,
      overdue: 0,
      closedOnTime: 0,
      repeats: 0,
    });
    expect(s.totals).toMatchObject({ rate: null, onTimeRate: null, repeatRate: null });
    expect(s.byUnit).toEqual([]);
    expect(s.byYear).toEqual([]);
    expect(s.byMember).toEqual([]);
    expect(s.byCategory.every((c) => c.total === 0)).toBe(true);
  });

  it("counts a finding that no inspection made (a self-assessment's) in every figure but the members'", async () => {
    const before = await stats("office");
    const z = (
      await w.app.db.kysely
        .selectFrom("inspection_finding")
        .select("inspection_id")
        .where("id", "=", f.f7 ?? "")
        .executeTakeFirstOrThrow()
    ).inspection_id;
    const office = await w.as("office");
    const res = await office.post(`/api/inspections/${z}/findings`, {
      itemId: "daily.exchange",
      category: "other",
      severity: "minor",
      description: "统计测试问题（自查自评）",
      deadline: "2027-12-31",
    });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json<InspectionJson>().findings.find((x) => x.itemId === "daily.exchange")?.id ?? "";
    // As a unit's self-assessment would have raised it: no inspection.
    await w.app.db.kysely
      .updateTable("inspection_finding")
      .set({ source: "selfAssessment", source_id: made, inspection_id: null })
      .where("id", "=", made)
      .execute();
    const after = await stats("office");
    expect(after.totals.total).toBe(before.totals.total + 1);
    expect(after.totals.open).toBe(before.totals.open + 1);
    expect(after.byCategory.find((c) => c.key === "other")?.total).toBe(1);
    expect(after.byUnit.find((u) => u.key === w.units.a.id)?.total).toBe(3);
    expect(after.byMember).toEqual(before.byMember);
    expect(after.totals.total).toBe(await listed(office, "year=2027"));
  });

  it("refuses bad input with a 400 naming the field, in Chinese first", async () => {
    const office = await w.as("office");
    for (const [query, field] of [
      ["?year=abc", "query.year"],
      ["?year=1999", "query.year"],
      ["?year=20271", "query.year"],
      ["?unitId=no-such-unit", "query.unitId"],
      ["?unitId=", "query.unitId"],
      ["?extra=1", "query.extra"],
    ] as const) {
      const res = await office.get(`/api/findings/statistics${query}`);
      expect(res.statusCode, query).toBe(400);
      const error = res.json<ErrorJson>();
      expect(error.details?.issues?.[0]?.field, query).toBe(field);
      expect(error.message, query).toMatch(/[\u4e00-\u9fa5]/);
    }
    const anonymous = await w.app.inject({ method: "GET", url: "/api/findings/statistics" });
    expect(anonymous.statusCode).toBe(401);
  });
});
