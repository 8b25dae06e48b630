/**
 * Event duties exist only when their event occurs: recording a leak raises the secrecy office's 24-hour report, an
 * extraordinary meeting the committee's; bad events are refused naming the field, and materializing never touches
 * event obligations.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHourly } from "../../src/features/obligations/engine.js";
import { testDialects } from "../databases.js";
import { type ErrorJson, listAll, obligationWorld, type ObligationWorld, type SummaryJson } from "./fixtures.js";

interface EventJson {
  id: string;
  event: string;
  eventName: string;
  obligations: SummaryJson[];
}

describe.each(testDialects)("obligations raised by events on %s", (dialect) => {
  let w: ObligationWorld;
  beforeAll(async () => {
    w = await obligationWorld(dialect);
    await w.materialize(2027);
  });
  afterAll(() => w.t.close());

  const eventRows = (dutyId?: string) =>
    w.app.db.kysely
      .selectFrom("obligation")
      .selectAll()
      .where("period_kind", "=", "event")
      .$if(dutyId !== undefined, (qb) => qb.where("duty_id", "=", dutyId ?? ""))
      .execute();
  const raise = async (body: Record<string, unknown>, who: "office" | "headA" = "office") =>
    (await w.as(who)).post("/api/obligation-events", body);

  it("has no extraordinary meeting and no incident deadline before their events occur", async () => {
    expect(await eventRows()).toEqual([]);
    const office = await w.as("office");
    expect(await listAll(office, "?dutyId=art12.1.extraordinary-meeting")).toEqual([]);
    expect(await listAll(office, "?dutyId=art13.8.leak-report")).toEqual([]);
  });

  it("raises the secrecy office's leak report due 24 hours after the leak", async () => {
    const res = await raise({
      event: "leak.discovered",
      unitId: w.units.a.id,
      occurredAt: "2027-03-01T09:00:00+08:00",
      summary: "学院办公室一台计算机疑似违规连接互联网",
    });
    expect(res.statusCode, res.body).toBe(201);
    const raised = res.json<EventJson>();
    expect(raised).toMatchObject({ event: "leak.discovered", eventName: "发现国家秘密已经泄露或者可能泄露" });
    expect(raised.obligations).toHaveLength(1);
    expect(raised.obligations[0]).toMatchObject({
      dutyId: "art13.8.leak-report",
      bearerRole: "secrecyOfficeUnit",
      unit: { id: w.units.office.id, name: "保密办公室" },
      dueAt: "2027-03-02T01:00:00.000Z",
      dueOn: "2027-03-02",
      startsOn: "2027-03-01",
      year: 2027,
      periodId: raised.id,
      status: "dueSoon",
    });
    const stored = await w.app.db.kysely
      .selectFrom("obligation_event")
      .selectAll()
      .where("id", "=", raised.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      event: "leak.discovered",
      unit_id: w.units.a.id,
      occurred_at: "2027-03-01T01:00:00.000Z",
      raised_by: w.accounts.office.id,
    });
    const audited = await w.app.db.kysely
      .selectFrom("audit_entry")
      .select(["object_id", "result"])
      .where("action", "=", "obligation.event")
      .execute();
    expect(audited).toEqual([{ object_id: raised.id, result: "success" }]);
  });

  it("raises an extraordinary committee meeting only when one is called, with no deadline", async () => {
    const res = await raise({
      event: "extraordinaryMeeting.called",
      unitId: w.units.root.id,
      occurredAt: "2027-03-01T10:30:00+08:00",
      summary: "主任决定召开临时会议研究迎检工作",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<EventJson>().obligations).toMatchObject([
      { dutyId: "art12.1.extraordinary-meeting", bearerRole: "committee", dueOn: null, dueAt: null, status: "open" },
    ]);
    expect((await eventRows()).map((r) => r.duty_id).sort()).toEqual(
      ["art12.1.extraordinary-meeting", "art13.8.leak-report"].sort(),
    );
  });

  it("raises a cleared person's pledge for the person named", async () => {
    const res = await raise({
      event: "clearedPerson.appointed",
      unitId: w.units.b.id,
      personId: w.people.generalMay,
      occurredAt: "2027-05-10T08:00:00+08:00",
      summary: "郭新任到涉密岗位工作",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<EventJson>().obligations).toMatchObject([
      { dutyId: "art7.pledge", personId: w.people.generalMay, unit: { id: w.units.b.id }, startsOn: "2027-05-10" },
    ]);
  });

  it("refuses bad events with 400 naming the field, and anyone but the office with 403; nothing is stored", async () => {
    const count = async () => (await eventRows()).length;
    const before = await count();
    const events = () => w.app.db.kysely.selectFrom("obligation_event").select("id").execute();
    const storedEvents = (await events()).length;
    const good = {
      event: "leak.discovered",
      unitId: w.units.a.id,
      occurredAt: "2027-03-01T09:00:00+08:00",
      summary: "疑似泄密",
    };
    const cases: [string, Record<string, unknown>][] = [
      ["body.personId", { ...good, event: "clearedPerson.appointed" }],
      ["body.event", { ...good, event: "no.such.event" }],
      ["body.unitId", { ...good, unitId: "no-such-unit" }],
      ["body.personId", { ...good, event: "clearedPerson.appointed", personId: "no-such-person" }],
      ["body.occurredAt", { ...good, occurredAt: "2027-03-01 09:00" }],
      ["body.summary", { ...good, summary: "" }],
    ];
    for (const [field, body] of cases) {
      const res = await raise(body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json<ErrorJson>().details.issues?.map((i) => i.field)).toContain(field);
    }
    expect((await raise({ ...good, extra: true })).statusCode).toBe(400);
    const marked = await raise({ ...good, summary: "泄露了绝密★长期文件" });
    expect(marked.statusCode).toBe(400);
    expect((await raise(good, "headA")).statusCode).toBe(403);
    expect(await count()).toBe(before);
    expect((await events()).length).toBe(storedEvents);
  });

  it("leaves event obligations alone when the year is materialized again", async () => {
    const before = await eventRows();
    expect(await w.materialize(2027)).toMatchObject({ created: 0, removed: 0, kept: 29 });
    expect(await eventRows()).toEqual(before);
  });
  it("judges an hour deadline by the hour: due soon until it passes, overdue at once after, told within the hour", async () => {
    w.clock.set(new Date("2027-03-10T08:00:00+08:00"));
    const res = await raise({
      event: "leak.discovered",
      unitId: w.units.b.id,
      occurredAt: "2027-03-10T07:30:00+08:00",
      summary: "外国语学院一份内部资料疑似误发",
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<EventJson>().obligations[0]?.id ?? "";
    const office = await w.as("office");
    expect((await office.get(`/api/obligations/${id}`)).json<SummaryJson>().status).toBe("dueSoon");
    // 07:30 the next day has passed at 08:00: overdue the same day, not the day after.
    w.clock.set(new Date("2027-03-11T08:00:00+08:00"));
    const again = await w.as("office");
    expect((await again.get(`/api/obligations/${id}`)).json<SummaryJson>().status).toBe("overdue");
    expect((await listAll(again, "?status=overdue&dutyId=art13.8.leak-report")).map((o) => o.id)).toContain(id);
    expect((await listAll(again, "?status=dueSoon&dutyId=art13.8.leak-report")).map((o) => o.id)).not.toContain(id);
    const dashboard = (await again.get("/api/obligations/dashboard?year=2027")).json<{ totals: { overdue: number } }>();
    expect(dashboard.totals.overdue).toBeGreaterThan(0);
    // The hourly pass tells the office's head at once, without waiting for tomorrow's daily run.
    await runHourly(w.engine());
    const told = await w.app.db.kysely
      .selectFrom("notification")
      .select(["kind", "account_id"])
      .where("obligation_id", "=", id)
      .execute();
    expect(told).toEqual([{ kind: "overdue", account_id: w.accounts.office.id }]);
    await w.app.db.kysely.deleteFrom("notification").where("obligation_id", "=", id).execute();
    await w.app.db.kysely
      .updateTable("obligation")
      .set({ state: "waived", closed_at: "2027-03-11T00:00:00.000Z", waive_reason: "测试", responsible: "[]" })
      .where("id", "=", id)
      .execute();
    w.setDay("2027-03-01");
  });
});
