/**
 * Status, reminders and escalation: statuses derived from the due date (the same in statusOf and in the list
 * filter), reminders sent once and only once however often the engine runs, overdue obligations climbing the chain
 * one level every escalationDays with vacant levels passed over, and the inbox each notice lands in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OBLIGATION_STATUSES, statusOf } from "../../src/domain/obligation.js";
import { testDialects } from "../databases.js";
import { type DetailJson, listAll, obligationWorld, type ObligationWorld } from "./fixtures.js";

interface InboxJson {
  items: {
    id: string;
    kind: string;
    title: string;
    body: string;
    obligationId: string | null;
    readAt: string | null;
  }[];
  nextCursor: string | null;
  unread: number;
}

describe.each(testDialects)("statuses, reminders and escalation on %s", (dialect) => {
  let w: ObligationWorld;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await obligationWorld(dialect);
    await w.runOn("2027-03-01");
    ids.agreementA = await w.obligation("art6.responsibility-agreement", { unitId: w.units.a.id });
    ids.agreementB = await w.obligation("art6.responsibility-agreement", { unitId: w.units.b.id });
    ids.agreementA1 = await w.obligation("art6.responsibility-agreement", { unitId: w.units.a1.id });
  });
  afterAll(() => w.t.close());

  const db = () => w.app.db.kysely;
  /** The notices of an obligation in the order sent: kind, level (from the dedupe key) and the person told. */
  const notices = async (obligationId: string | undefined) =>
    (
      await db()
        .selectFrom("notification as n")
        .innerJoin("account as a", "a.id", "n.account_id")
        .select(["n.kind", "n.level", "a.person_id"])
        .where("n.obligation_id", "=", obligationId ?? "")
        .orderBy("n.id")
        .execute()
    ).map((n) => [n.kind, Number(n.level), n.person_id]);
  const sorted = (list: unknown[][]) => list.map((n) => JSON.stringify(n)).sort();
  const allNotices = () =>
    db().selectFrom("notification").select(["obligation_id", "account_id", "kind", "dedupe_key"]).execute();
  const level = async (id: string | undefined) =>
    Number(
      (
        await db()
          .selectFrom("obligation")
          .select("escalation_level")
          .where("id", "=", id ?? "")
          .executeTakeFirstOrThrow()
      ).escalation_level,
    );

  it("sends nothing while everything is far from due", async () => {
    expect(await allNotices()).toEqual([]);
  });

  it("reminds each responsible account once and only once: twice the same day, again the next day", async () => {
    const first = await w.runOn("2027-03-20");
    // Due 31 March: three agreements of leaders and units (four units), the plan, its two reports, a CORE self-check.
    expect(first.reminders).toEqual({ dueSoon: 10, overdue: 0, escalated: 0 });
    const sent = await allNotices();
    expect(sent).toHaveLength(10);
    expect(new Set(sent.map((n) => `${n.obligation_id}|${n.account_id}`)).size).toBe(10);
    expect(await notices(ids.agreementA)).toEqual([["dueSoon", 0, w.people.headA]]);
    expect(await notices(ids.agreementB)).toEqual([["dueSoon", 0, w.people.headB]]);
    // A1 has no head: the reminder goes to the first level above the vacancy, the portfolio leader over A.
    expect(await notices(ids.agreementA1)).toEqual([["dueSoon", 0, w.people.bizLeader]]);
    const plan = await w.obligation("art12.2.annual-plan");
    expect(await notices(plan)).toEqual([["dueSoon", 0, w.people.secretary]]);

    expect((await w.runOn("2027-03-20")).reminders).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect((await w.runOn("2027-03-21")).reminders).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect(await allNotices()).toHaveLength(10);
  });

  it("escalates an overdue unit obligation up the chain every seven days, passing over vacant levels", async () => {
    const day1 = await w.runOn("2027-04-01");
    expect(day1.reminders).toMatchObject({ overdue: 10, escalated: 0 });
    expect(await notices(ids.agreementA)).toEqual([
      ["dueSoon", 0, w.people.headA],
      ["overdue", 1, w.people.headA],
    ]);
    expect(await level(ids.agreementA)).toBe(1);

    expect((await w.runOn("2027-04-07")).reminders).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect(await level(ids.agreementA)).toBe(1);

    await w.runOn("2027-04-08");
    expect((await notices(ids.agreementA)).slice(2)).toEqual([["escalated", 2, w.people.bizLeader]]);
    expect(await level(ids.agreementA)).toBe(2);
    // B has no portfolio leader: its second level is the leader in charge of secrecy work.
    expect((await notices(ids.agreementB)).slice(2)).toEqual([["escalated", 2, w.people.secLeader]]);

    await w.runOn("2027-04-15");
    expect((await notices(ids.agreementA)).slice(3)).toEqual([["escalated", 3, w.people.secLeader]]);
    // The principal leaders are one level: the Party secretary and the president are told together.
    expect(sorted((await notices(ids.agreementB)).slice(3))).toEqual(
      sorted([
        ["escalated", 3, w.people.secretary],
        ["escalated", 3, w.people.president],
      ]),
    );
    expect(await level(ids.agreementB)).toBe(3);

    await w.runOn("2027-04-22");
    expect(sorted((await notices(ids.agreementA)).slice(4))).toEqual(
      sorted([
        ["escalated", 4, w.people.secretary],
        ["escalated", 4, w.people.president],
      ]),
    );
    expect(await level(ids.agreementA)).toBe(4);
    expect(await level(ids.agreementB)).toBe(3);

    // The top of the chain: nobody further to tell, nobody told twice.
    const count = (await allNotices()).length;
    await w.runOn("2027-05-20");
    expect(await level(ids.agreementA)).toBe(4);
    expect(await notices(ids.agreementA)).toHaveLength(6);
    expect(await notices(ids.agreementB)).toHaveLength(5);
    const after = await allNotices();
    expect(after.filter((n) => n.obligation_id === ids.agreementA || n.obligation_id === ids.agreementB)).toHaveLength(
      11,
    );
    expect(after.length).toBeGreaterThanOrEqual(count);
    expect(new Set(after.map((n) => n.dedupe_key)).size).toBe(after.length);

    const view = await (await w.as("office")).get(`/api/obligations/${ids.agreementA}`);
    expect(view.json<DetailJson>()).toMatchObject({ status: "overdue", escalationLevel: 4 });
    expect(view.json<DetailJson>().chain.map((s) => [s.level, s.holders.map((h) => h.personId)])).toEqual([
      ["responsible", [w.people.headA]],
      ["portfolioLeader", [w.people.bizLeader]],
      ["secrecyLeader", [w.people.secLeader]],
      ["principalLeaders", [w.people.secretary, w.people.president]],
    ]);
  });

  it("derives the same statuses in statusOf, in each item and in the list filter", async () => {
    w.setDay("2027-06-20");
    const office = await w.as("office");
    // One fulfilled and one waived, so every status has members.
    // The plan duty is fulfilled by its record: the director approving the year's plan (第十二条第（二）项).
    const drafted = await office.request("PUT", "/api/supervision/2027/plan", {
      title: "2027年度保密工作计划",
      body: "一、加强保密宣传教育。二、开展保密检查。",
      items: [{ title: "开展全员保密教育培训", ownerUnitId: w.units.a.id, dueOn: "2027-09-30" }],
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const approved = await (
      await w.as("secretary")
    ).post("/api/supervision/2027/plan/approve", { password: w.accounts.secretary.password });
    expect(approved.statusCode, approved.body).toBe(200);
    const waived = await office.post(`/api/obligations/${ids.agreementA1}/waiver`, { reason: "该系已并入学院管理" });
    expect(waived.statusCode, waived.body).toBe(200);

    const everything = await listAll(office, "?year=2027");
    const rows = await db()
      .selectFrom("obligation")
      .select(["id", "state", "due_on"])
      .where("year", "=", 2027)
      .execute();
    expect(everything).toHaveLength(rows.length);
    for (const item of everything) {
      const r = rows.find((x) => x.id === item.id);
      expect(item.status).toBe(statusOf(r?.state ?? "open", r?.due_on ?? null, "2027-06-20"));
    }
    const seen = new Set<string>();
    const counts: Record<string, number> = {};
    for (const status of OBLIGATION_STATUSES) {
      const items = await listAll(office, `?year=2027&status=${status}`);
      expect(items.every((i) => i.status === status)).toBe(true);
      items.forEach((i) => {
        expect(seen.has(i.id)).toBe(false);
        seen.add(i.id);
      });
      expect(items.map((i) => i.id).sort()).toEqual(
        everything
          .filter((i) => i.status === status)
          .map((i) => i.id)
          .sort(),
      );
      counts[status] = items.length;
      expect(items.length, status).toBeGreaterThan(0);
    }
    expect(seen.size).toBe(everything.length);
    // Due 30 June, 14 days ahead: due soon; due 31 March and still open: overdue.
    expect(counts).toMatchObject({ fulfilled: 1, waived: 1, overdue: 8 });
    const dash = await office.get("/api/obligations/dashboard?year=2027");
    expect(dash.statusCode, dash.body).toBe(200);
    const byStatus = dash.json<{ byStatus: { status: string; count: number }[] }>().byStatus;
    expect(Object.fromEntries(byStatus.map((s) => [s.status, s.count]))).toEqual(counts);
  });

  it("keeps an inbox per account: unread count, mark one read, mark all read, never another's notice", async () => {
    const headA = await w.as("headA");
    const headB = await w.as("headB");
    const inbox = async (client: typeof headA, query = "") => {
      const res = await client.get(`/api/inbox${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<InboxJson>();
    };
    const mine = await inbox(headA);
    expect(mine.unread).toBe(mine.items.length);
    // Their unit's agreement (reminded, then overdue), and 陈核心's overdue self-check escalated to them as A's head.
    const coreCheck = await w.obligation("art7.2.self-check", { personId: w.people.core, periodId: "2027-03-P3" });
    expect(mine.items.map((i) => [i.kind, i.obligationId]).sort()).toEqual(
      [
        ["dueSoon", ids.agreementA],
        ["overdue", ids.agreementA],
        ["escalated", coreCheck],
      ].sort(),
    );
    expect(mine.items.find((i) => i.kind === "overdue")?.title).toBe(
      "【已逾期】签订年度保密工作责任书（二级单位负责人）",
    );
    const theirs = await inbox(headB);
    const theirUnread = theirs.unread;

    const first = mine.items[0]?.id ?? "";
    expect((await headA.post(`/api/inbox/${first}/read`)).statusCode).toBe(204);
    const after = await inbox(headA);
    expect(after.unread).toBe(mine.unread - 1);
    expect(after.items.find((i) => i.id === first)?.readAt).not.toBeNull();
    expect((await inbox(headA, "?unread=true")).items.map((i) => i.id)).not.toContain(first);

    // Someone else's notice: nothing happens to it.
    const foreign = theirs.items[0]?.id ?? "";
    await headA.post(`/api/inbox/${foreign}/read`);
    expect((await inbox(headB)).unread).toBe(theirUnread);

    expect((await headA.post("/api/inbox/read-all")).statusCode).toBe(204);
    expect((await inbox(headA)).unread).toBe(0);
    expect((await inbox(headA, "?unread=true")).items).toEqual([]);
    expect((await inbox(headB)).unread).toBe(theirUnread);
  });
});
