/**
 * Who sees which obligations: a unit head their subtree's (and their own), a cleared person without grants only
 * their own, the secrecy office everything — the same in the list, a single read and the dashboard, whose figures
 * drill down to exactly the list behind them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { type Client } from "../factories.js";
import { type AccountName, listAll, obligationWorld, type ObligationWorld } from "./fixtures.js";

interface TallyJson {
  key: string;
  name: string;
  total: number;
  fulfilled: number;
  waived: number;
  overdue: number;
  dueSoon: number;
}
interface DashboardJson {
  year: number;
  totals: TallyJson;
  byUnit: TallyJson[];
  byLeader: TallyJson[];
  byArticle: TallyJson[];
  byStatus: { status: string; count: number }[];
  trend: TallyJson[];
  overdue: { id: string }[];
}

describe.each(testDialects)("visibility of obligations on %s", (dialect) => {
  let w: ObligationWorld;
  beforeAll(async () => {
    w = await obligationWorld(dialect);
    await w.materialize(2027);
    // Some history and some of next year, so the year filter and the statuses have something to tell apart.
    await w.materialize(2028);
    w.setDay("2027-04-05");
    const office = await w.as("office");
    const plan = await w.obligation("art12.2.annual-plan");
    expect((await office.post(`/api/obligations/${plan}/waiver`, { reason: "计划已随上级文件下达" })).statusCode).toBe(
      200,
    );
  });
  afterAll(() => w.t.close());

  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
  /** The 2027 rows a condition on the bearer selects, straight from the table. */
  const expected = async (units: string[], personId: string) =>
    (
      await w.app.db.kysely
        .selectFrom("obligation")
        .select("id")
        .where("year", "=", 2027)
        .where((eb) => eb.or([eb("bearer_unit_id", "in", units), eb("bearer_person_id", "=", personId)]))
        .execute()
    )
      .map((r) => r.id)
      .sort();
  const dashboard = async (client: Client, query = "?year=2027") => {
    const res = await client.get(`/api/obligations/dashboard${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DashboardJson>();
  };

  it("shows a unit head their subtree's obligations and their own, never another unit's", async () => {
    const headA = await w.as("headA");
    const headB = await w.as("headB");
    const seenA = await listAll(headA, "?year=2027");
    const seenB = await listAll(headB, "?year=2027");
    expect(ids(seenA)).toEqual(await expected([w.units.a.id, w.units.a1.id], w.people.headA));
    expect(ids(seenB)).toEqual(await expected([w.units.b.id], w.people.headB));
    expect(seenA).toHaveLength(9);
    expect(seenB).toHaveLength(7);
    expect(seenB.some((o) => o.unit.id === w.units.a.id || o.unit.id === w.units.a1.id)).toBe(false);

    const ofA = await w.obligation("art6.responsibility-agreement", { unitId: w.units.a.id });
    const ofB = await w.obligation("art6.responsibility-agreement", { unitId: w.units.b.id });
    expect((await headB.get(`/api/obligations/${ofA}`)).statusCode).toBe(404);
    expect((await headA.get(`/api/obligations/${ofB}`)).statusCode).toBe(404);
    expect((await headA.get(`/api/obligations/${ofA}`)).statusCode).toBe(200);
    // Asking for A's subtree does not widen what B's head sees.
    expect(await listAll(headB, `?year=2027&unitId=${w.units.a.id}`)).toEqual([]);

    const dashB = await dashboard(headB);
    expect(dashB.totals.total).toBe(7);
    expect(dashB.byUnit.map((u) => u.key)).toEqual([w.units.b.id]);
    expect(dashB.byStatus.reduce((n, s) => n + s.count, 0)).toBe(7);
    expect(dashB.overdue.every((o) => seenB.some((s) => s.id === o.id))).toBe(true);
  });

  it("narrows a head's list to what they bear or head with mine=true", async () => {
    const mine = await listAll(await w.as("headA"), "?year=2027&mine=true");
    expect(mine.map((o) => o.dutyId).sort()).toEqual(
      ["art11.4.half-yearly-inspection", "art11.4.half-yearly-inspection", "art6.responsibility-agreement"].sort(),
    );
    expect(mine.find((o) => o.dutyId === "art6.responsibility-agreement")?.unit.id).toBe(w.units.a.id);
  });

  it("shows a cleared person without grants their own obligations and nothing else", async () => {
    const core = await w.as("core");
    const all = await listAll(core, "?year=2027");
    const mine = await listAll(core, "?year=2027&mine=true");
    expect(all.map((o) => o.periodId)).toEqual(["2027-03-P3", "2027-06-P3", "2027-09-P3", "2027-12-P3"]);
    expect(all.every((o) => o.personId === w.people.core && o.dutyId === "art7.2.self-check")).toBe(true);
    expect(ids(mine)).toEqual(ids(all));
    const ofA = await w.obligation("art6.responsibility-agreement", { unitId: w.units.a.id });
    expect((await core.get(`/api/obligations/${ofA}`)).statusCode).toBe(404);
    expect((await core.get(`/api/obligations/${all[0]?.id}`)).statusCode).toBe(200);
    const dash = await dashboard(core);
    expect(dash.totals.total).toBe(4);
    expect(dash.totals.overdue).toBe(1);
  });

  it("counts on the dashboard exactly what the list shows behind each figure", async () => {
    for (const who of ["office", "headA", "headB", "bizLeader", "core"] satisfies AccountName[]) {
      const client = await w.as(who);
      const dash = await dashboard(client);
      const everything = await listAll(client, "?year=2027");
      expect(dash.totals.total, who).toBe(everything.length);
      expect(
        dash.byUnit.reduce((n, u) => n + u.total, 0),
        who,
      ).toBe(everything.length);
      for (const bar of dash.byUnit) {
        const behind = await listAll(client, `?year=2027&unitId=${bar.key}`);
        // A bar that other bars lie below counts its own unit's obligations; its list shows the subtree.
        const below = dash.byUnit.filter(
          (other) => other.key !== bar.key && behind.some((o) => o.unit.id === other.key),
        );
        expect(behind.length - below.reduce((n, u) => n + u.total, 0), `${who} ${bar.name}`).toBe(bar.total);
        expect(behind.filter((o) => o.status === "overdue").length - below.reduce((n, u) => n + u.overdue, 0)).toBe(
          bar.overdue,
        );
      }
      for (const bar of dash.byArticle)
        expect((await listAll(client, `?year=2027&article=${bar.key}`)).length, `${who} ${bar.key}`).toBe(bar.total);
      for (const s of dash.byStatus)
        expect((await listAll(client, `?year=2027&status=${s.status}`)).length, `${who} ${s.status}`).toBe(s.count);
      for (const leader of dash.byLeader)
        expect(everything.filter((o) => o.personId === leader.key).length, `${who} ${leader.name}`).toBe(leader.total);
      const trend2028 = dash.trend.find((t) => t.key === "2028")?.total ?? 0;
      expect(trend2028).toBe((await listAll(client, "?year=2028")).length);
    }
  });

  it("shows the secrecy office one bar per unit below the institution, each drilling down to its list", async () => {
    const office = await w.as("office");
    const dash = await dashboard(office);
    const { root, office: officeUnit, a, b } = w.units;
    expect(dash.byUnit.map((u) => u.key).sort()).toEqual([root.id, officeUnit.id, a.id, b.id].sort());
    for (const unit of [officeUnit, a, b]) {
      const bar = dash.byUnit.find((u) => u.key === unit.id);
      expect(bar?.total).toBe((await listAll(office, `?year=2027&unitId=${unit.id}`)).length);
    }
    expect(dash.byUnit.find((u) => u.key === a.id)?.total).toBe(9);
    expect(dash.byArticle.find((u) => u.key === "art12")?.total).toBe(10);
    expect(dash.byStatus.find((s) => s.status === "overdue")?.count).toBe(
      (await listAll(office, "?year=2027&status=overdue")).length,
    );
    // The same for a chosen unit: A's own, then A1.
    const ofA = await dashboard(office, `?year=2027&unitId=${a.id}`);
    expect(ofA.byUnit.map((u) => [u.key, u.total]).sort()).toEqual(
      [
        [a.id, 7],
        [w.units.a1.id, 2],
      ].sort(),
    );
  });
});
