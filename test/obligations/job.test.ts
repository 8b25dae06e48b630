/**
 * The daily job: once per day per deployment, catching up after missed days (every notice those days owed goes out
 * in the one run), and only one of two concurrent callers runs — on PostgreSQL across two processes' worth of apps
 * on one database, through the advisory lock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAILY_JOB, runDailyObligations } from "../../src/features/obligations/engine.js";
import { buildApp } from "../../src/platform/http/app.js";
import { runDaily } from "../../src/platform/jobs/daily.js";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "./fixtures.js";

describe.each(testDialects)("the daily obligations job on %s", (dialect) => {
  let w: ObligationWorld;
  beforeAll(async () => {
    w = await obligationWorld(dialect);
  });
  afterAll(() => w.t.close());

  const ledger = () =>
    w.app.db.kysely
      .selectFrom("job_run")
      .select(["run_on", "finished_at"])
      .where("job", "=", DAILY_JOB)
      .orderBy("run_on")
      .execute();
  const notices = async (obligationId: string) =>
    (
      await w.app.db.kysely
        .selectFrom("notification as n")
        .innerJoin("account as a", "a.id", "n.account_id")
        .select(["n.kind", "a.person_id"])
        .where("n.obligation_id", "=", obligationId)
        .orderBy("n.id")
        .execute()
    ).map((n) => [n.kind, n.person_id]);

  it("runs once a day: a second call the same day answers done", async () => {
    w.setDay("2027-03-20");
    const first = await runDailyObligations(w.engine());
    expect(first).toMatchObject({ ran: true, missed: [], summary: { today: "2027-03-20", institutions: 1 } });
    if (!first.ran) throw new Error("did not run");
    expect(first.summary.created).toBeGreaterThan(29);
    expect(first.summary.reminders.dueSoon).toBe(10);
    expect(await runDailyObligations(w.engine())).toEqual({ ran: false, reason: "done" });
    w.clock.advance(10 * 3_600_000);
    expect(await runDailyObligations(w.engine())).toEqual({ ran: false, reason: "done" });
    expect((await ledger()).map((r) => r.run_on)).toEqual(["2027-03-20"]);
    expect((await ledger())[0]?.finished_at).not.toBeNull();
  });

  it("after skipped days names them and sends in one run every notice they owed", async () => {
    const agreementA = await w.obligation("art6.responsibility-agreement", { unitId: w.units.a.id });
    w.setDay("2027-04-10");
    const run = await runDailyObligations(w.engine());
    if (!run.ran) throw new Error("did not run");
    const missed = [];
    for (
      let d = new Date("2027-03-21T00:00:00Z");
      d < new Date("2027-04-10T00:00:00Z");
      d.setUTCDate(d.getUTCDate() + 1)
    )
      missed.push(d.toISOString().slice(0, 10));
    expect(run.missed).toEqual(missed);
    // Overdue since 1 April (the head is told), and past 8 April (the portfolio leader is told): both, now.
    expect(await notices(agreementA)).toEqual([
      ["dueSoon", w.people.headA],
      ["overdue", w.people.headA],
      ["escalated", w.people.bizLeader],
    ]);
    expect(run.summary.reminders).toMatchObject({ overdue: 10 });
    expect(run.summary.reminders.escalated).toBeGreaterThanOrEqual(9);
    expect((await ledger()).map((r) => r.run_on)).toEqual(["2027-03-20", "2027-04-10"]);
  });

  it("lets exactly one of two concurrent calls run; the other is told busy", async () => {
    w.setDay("2027-04-11");
    // PostgreSQL: a second app on the same database, as a second process would be; SQLite is one process.
    const other = dialect === "postgres" ? await buildApp(w.t.config, { clock: w.clock }) : w.app;
    try {
      await other.db.kysely.selectFrom("job_run").select("job").execute();
      const ctx = (app: typeof other) => ({ db: app.db, audit: app.audit, clock: w.clock, mailer: null });
      const outcomes = await Promise.all([runDailyObligations(w.engine()), runDailyObligations(ctx(other))]);
      expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ran)).toEqual([{ ran: false, reason: "busy" }]);
      expect(await runDailyObligations(ctx(other))).toEqual({ ran: false, reason: "done" });
      expect((await ledger()).map((r) => r.run_on)).toEqual(["2027-03-20", "2027-04-10", "2027-04-11"]);
      const audited = await w.app.db.kysely
        .selectFrom("audit_entry")
        .select("id")
        .where("action", "=", "obligations.run")
        .execute();
      expect(audited).toHaveLength(3);
    } finally {
      if (other !== w.app) await other.close();
    }
  });

  it("runs a day again after a run that failed, and does not stay locked", async () => {
    const job = "test.failing";
    await expect(
      runDaily(w.app.db, job, "2027-04-11", w.clock, () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    const again = await runDaily(w.app.db, job, "2027-04-11", w.clock, () => Promise.resolve("ok"));
    expect(again).toEqual({ ran: true, summary: "ok", missed: [] });
    expect(await runDaily(w.app.db, job, "2027-04-11", w.clock, () => Promise.resolve("twice"))).toEqual({
      ran: false,
      reason: "done",
    });
  });
});
