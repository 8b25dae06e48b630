/**
 * The seed policy's 2027, as the issue words it: what materializing the year must produce for a small institution,
 * that a second run produces nothing, and that an edited academic calendar moves only untouched future semesters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { testDialects } from "../databases.js";
import { listAll, obligationWorld, type ObligationWorld } from "./fixtures.js";

describe.each(testDialects)("the seed policy's 2027 on %s", (dialect) => {
  let w: ObligationWorld;
  beforeAll(async () => {
    w = await obligationWorld(dialect);
  });
  afterAll(() => w.t.close());

  const rows = (dutyId?: string) =>
    w.app.db.kysely
      .selectFrom("obligation")
      .selectAll()
      .where("year", "=", 2027)
      .$if(dutyId !== undefined, (qb) => qb.where("duty_id", "=", dutyId ?? ""))
      .orderBy("bearer_key")
      .orderBy("period_id")
      .execute();
  const brief = async (dutyId: string) =>
    (await rows(dutyId)).map((r) => ({
      bearer: r.bearer_person_id ?? r.bearer_unit_id,
      periodId: r.period_id,
      kind: r.period_kind,
      startsOn: r.starts_on,
      dueOn: r.due_on,
    }));
  const materialize = async () => {
    const res = await (await w.as("office")).post("/api/obligations/materialize", { year: 2027 });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ year: number; created: number; removed: number; kept: number; fulfilledByRecords: number }>();
  };

  it("materializes the year as the secrecy office: 29 obligations, nothing removed", async () => {
    // headA manages nothing: materializing is the office's.
    expect((await (await w.as("headA")).post("/api/obligations/materialize", { year: 2027 })).statusCode).toBe(403);
    expect(await materialize()).toEqual({ year: 2027, created: 29, removed: 0, kept: 0, fulfilledByRecords: 0 });
    const listed = await listAll(await w.as("office"), "?year=2027");
    expect(listed).toHaveLength(29);
    expect(new Set(listed.map((o) => o.status))).toEqual(new Set(["open"]));
  });

  it("holds two regular committee meetings, one in each semester beginning in 2027, due on its last day", async () => {
    expect(await brief("art12.1.regular-meeting")).toEqual([
      {
        bearer: w.units.root.id,
        periodId: "2026-2027-2",
        kind: "semester",
        startsOn: "2027-02-25",
        dueOn: "2027-07-10",
      },
      {
        bearer: w.units.root.id,
        periodId: "2027-2028-1",
        kind: "semester",
        startsOn: "2027-09-01",
        dueOn: "2028-01-20",
      },
    ]);
    const [spring] = await rows("art12.1.regular-meeting");
    expect(spring).toMatchObject({ bearer_role: "committee", bearer_key: `committee:${w.units.root.id}` });
    const item = (await listAll(await w.as("office"), "?dutyId=art12.1.regular-meeting")).map((o) => o.period);
    expect(item).toEqual(["2026—2027学年第二学期", "2027—2028学年第一学期"]);
  });

  it("asks two inspections of each committee member: H1 due 30 June, H2 due 31 December", async () => {
    expect(await brief("art11.4.half-yearly-inspection")).toEqual([
      { bearer: w.people.headA, periodId: "2027-H1", kind: "half", startsOn: "2027-01-01", dueOn: "2027-06-30" },
      { bearer: w.people.headA, periodId: "2027-H2", kind: "half", startsOn: "2027-07-01", dueOn: "2027-12-31" },
    ]);
    // The member answers for the classified unit whose head they are: the obligation is kept there.
    expect((await rows("art11.4.half-yearly-inspection")).map((r) => r.bearer_unit_id)).toEqual([
      w.units.a.id,
      w.units.a.id,
    ]);
  });

  it("plans at the start of the year, supervises mid-year, assesses and sums up at year end", async () => {
    const committee = w.units.root.id;
    expect(await brief("art12.2.annual-plan")).toEqual([
      { bearer: committee, periodId: "2027-start", kind: "window", startsOn: "2027-01-01", dueOn: "2027-03-31" },
    ]);
    expect(await brief("art12.2.mid-year-supervision")).toEqual([
      { bearer: committee, periodId: "2027-mid", kind: "window", startsOn: "2027-06-01", dueOn: "2027-08-31" },
    ]);
    expect(await brief("art12.2.year-end-assessment")).toEqual([
      { bearer: committee, periodId: "2027-end", kind: "window", startsOn: "2027-11-01", dueOn: "2027-12-31" },
    ]);
    expect(await brief("art12.2.annual-summary")).toEqual([
      { bearer: committee, periodId: "2027-end", kind: "window", startsOn: "2027-11-01", dueOn: "2027-12-31" },
    ]);
  });

  it("reports the plan and the summary to the Party committee and to the higher committee: two obligations each", async () => {
    expect((await brief("art12.4.plan-report")).map((o) => [o.periodId, o.dueOn])).toEqual([
      ["2027-start@higherCommittee", "2027-03-31"],
      ["2027-start@partyCommittee", "2027-03-31"],
    ]);
    expect((await brief("art12.4.summary-report")).map((o) => [o.periodId, o.dueOn])).toEqual([
      ["2027-end@higherCommittee", "2027-12-31"],
      ["2027-end@partyCommittee", "2027-12-31"],
    ]);
    const periods = (await listAll(await w.as("office"), "?dutyId=art12.4.plan-report")).map((o) => o.period).sort();
    expect(periods).toEqual(["2027年年初（报上级保密委员会）", "2027年年初（报党委）"].sort());
  });

  it("asks every cleared person's self-checks by tier, and of those cleared in May only the slots ending after", async () => {
    const byPerson = new Map<string, [string, string | null][]>();
    for (const o of await brief("art7.2.self-check"))
      byPerson.set(o.bearer, [...(byPerson.get(o.bearer) ?? []), [o.periodId, o.dueOn]]);
    const p = w.people;
    expect(Object.fromEntries(byPerson)).toEqual({
      [p.core]: [
        ["2027-03-P3", "2027-03-31"],
        ["2027-06-P3", "2027-06-30"],
        ["2027-09-P3", "2027-09-30"],
        ["2027-12-P3", "2027-12-31"],
      ],
      [p.important]: [
        ["2027-06-P6", "2027-06-30"],
        ["2027-12-P6", "2027-12-31"],
      ],
      [p.general]: [["2027-12-P12", "2027-12-31"]],
      [p.generalMay]: [["2027-12-P12", "2027-12-31"]],
      // Cleared on 10 May: the first quarter is not theirs; the second, under way then, is.
      [p.coreMay]: [
        ["2027-06-P3", "2027-06-30"],
        ["2027-09-P3", "2027-09-30"],
        ["2027-12-P3", "2027-12-31"],
      ],
    });
    // A person's self-check is kept at their own unit.
    const general = (await rows("art7.2.self-check")).find((r) => r.bearer_person_id === p.general);
    expect(general?.bearer_unit_id).toBe(w.units.a1.id);
  });

  it("asks each bearer to sign the year's responsibility agreement by 31 March", async () => {
    const root = w.units.root.id;
    expect(await brief("art4.responsibility-agreement")).toEqual([
      {
        bearer: w.people.secLeader,
        periodId: "2027-start",
        kind: "window",
        startsOn: "2027-01-01",
        dueOn: "2027-03-31",
      },
    ]);
    expect(await brief("art5.responsibility-agreement")).toEqual([
      {
        bearer: w.people.bizLeader,
        periodId: "2027-start",
        kind: "window",
        startsOn: "2027-01-01",
        dueOn: "2027-03-31",
      },
    ]);
    expect((await rows("art4.responsibility-agreement"))[0]?.bearer_unit_id).toBe(root);
    const units = (await rows("art6.responsibility-agreement")).map((r) => [r.bearer_unit_id, r.bearer_person_id]);
    const { a, a1, b, office } = w.units;
    expect(units.sort()).toEqual([a.id, a1.id, b.id, office.id].map((id) => [id, null]).sort());
  });

  it("materializes no event duty and no continuous duty, and exactly the seed's dated duties", async () => {
    const { policy } = await activePolicy(w.app.db.kysely);
    const dated = policy.duties.filter((d) => d.cadence.every !== "event" && d.cadence.every !== "continuous");
    const found = new Set((await rows()).map((r) => r.duty_id));
    expect([...found].sort()).toEqual(dated.map((d) => d.id).sort());
    expect((await rows()).filter((r) => r.period_kind === "event" || r.event_id !== null)).toEqual([]);
    expect(dated.map((d) => d.id).sort()).toEqual(
      [
        "art4.responsibility-agreement",
        "art5.responsibility-agreement",
        "art6.responsibility-agreement",
        "art7.2.self-check",
        "art11.4.half-yearly-inspection",
        "art12.1.regular-meeting",
        "art12.2.annual-plan",
        "art12.2.mid-year-supervision",
        "art12.2.year-end-assessment",
        "art12.2.annual-summary",
        "art12.4.plan-report",
        "art12.4.summary-report",
      ].sort(),
    );
  });

  it("is idempotent: a second materialize creates nothing and keeps everything", async () => {
    const before = await rows();
    expect(await materialize()).toEqual({ year: 2027, created: 0, removed: 0, kept: 29, fulfilledByRecords: 0 });
    expect(await rows()).toEqual(before);
  });

  it("moves an untouched future semester's due date when the calendar is edited; a begun semester keeps its own", async () => {
    const put = async (who: "office" | "headA", body: Record<string, unknown>) =>
      (await w.as(who)).request("PUT", "/api/academic-calendar/terms", body);
    const autumn = { academicYear: 2027, ordinal: 1, startsOn: "2027-09-06", endsOn: "2028-01-16" };
    expect((await put("headA", autumn)).statusCode).toBe(403);
    const saved = await put("office", autumn);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      id: "2027-2028-1",
      startsOn: "2027-09-06",
      endsOn: "2028-01-16",
      stored: true,
    });
    // The spring semester runs already (it began on 25 February): its obligation is under way and stays as it was.
    const spring = { academicYear: 2026, ordinal: 2, startsOn: "2027-02-25", endsOn: "2027-07-16" };
    expect((await put("office", spring)).statusCode).toBe(200);
    const before = await rows("art12.1.regular-meeting");

    expect(await materialize()).toEqual({ year: 2027, created: 1, removed: 1, kept: 28, fulfilledByRecords: 0 });
    const after = await rows("art12.1.regular-meeting");
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toMatchObject({ period_id: "2027-2028-1", starts_on: "2027-09-06", due_on: "2028-01-16" });
    expect(after[1]?.id).not.toBe(before[1]?.id);
    expect(await materialize()).toMatchObject({ created: 0, removed: 0, kept: 29 });
  });
});
