import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { LOOKUP_TICK_MS, type Scheduler } from "../../src/platform/audit/audit-log.js";
import { catchUpLookup } from "../../src/platform/audit/lookup.js";
import { openDatabase } from "../../src/platform/db/database.js";
import { runCli } from "../cli/run-cli.js";
import { testDialects } from "../databases.js";
import { appendMany, openAuditFixture, sampleEvent, tamper, type AuditFixture } from "./fixtures.js";

describe.each(testDialects)("audit lookup on %s", (dialect) => {
  let fixture: AuditFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  const lookupSeqs = async (f: AuditFixture): Promise<number[]> =>
    (await f.db.kysely.selectFrom("audit_lookup").select("seq").orderBy("seq").execute()).map((r) => Number(r.seq));
  const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it("is not written by append; a catch-up copies what is new, in batches, and nothing twice", async () => {
    fixture = await openAuditFixture(dialect);
    await appendMany(fixture, 23);
    expect(await lookupSeqs(fixture)).toEqual([]);

    expect(await catchUpLookup(fixture.db, 5)).toBe(23);
    expect(await lookupSeqs(fixture)).toEqual(range(1, 23));
    expect(await catchUpLookup(fixture.db, 5)).toBe(0);

    await appendMany(fixture, 4, 24);
    expect(await catchUpLookup(fixture.db)).toBe(4);
    const copied = await fixture.db.kysely
      .selectFrom("audit_lookup")
      .selectAll()
      .where("seq", "=", 27)
      .executeTakeFirstOrThrow();
    const entry = await fixture.db.kysely
      .selectFrom("audit_entry")
      .select(["seq", "at", "actor_username", "action", "object_type", "object_id", "result"])
      .where("seq", "=", 27)
      .executeTakeFirstOrThrow();
    expect(copied).toEqual(entry);
    expect(await fixture.verify()).toEqual({ ok: true, count: 27, checkpoints: 0, lastSeq: 27 });
  });

  it("refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL), changing nothing", async () => {
    fixture = await openAuditFixture(dialect);
    await appendMany(fixture, 3);
    await catchUpLookup(fixture.db);
    const before = await fixture.db.kysely.selectFrom("audit_lookup").selectAll().orderBy("seq").execute();
    const attempts = [
      "update audit_lookup set action = 'x' where seq = 1",
      "delete from audit_lookup where seq = 2",
      // Statement-level on PostgreSQL: even a statement matching no row is refused; SQLite has only row triggers.
      ...(dialect === "postgres"
        ? ["update audit_lookup set action = 'x' where seq = 999", "truncate audit_lookup"]
        : []),
    ];
    for (const statement of attempts) {
      await expect(sql.raw(statement).execute(fixture.db.kysely), statement).rejects.toThrow(/append-only/);
    }
    expect(await fixture.db.kysely.selectFrom("audit_lookup").selectAll().orderBy("seq").execute()).toEqual(before);
  });

  it("two catch-ups at once, over separate connections, copy every entry exactly once", async () => {
    fixture = await openAuditFixture(dialect);
    const f = fixture;
    await f.db.kysely.transaction().execute(async (trx) => {
      for (let n = 1; n <= 3000; n++) await f.log.append(trx, sampleEvent(n));
    });
    // A second connection (pool) stands in for a second process.
    const other = await openDatabase(f.database.target);
    try {
      const copied = await Promise.all([
        catchUpLookup(f.db, 250),
        catchUpLookup(other, 250),
        catchUpLookup(f.db, 700),
        catchUpLookup(other, 700),
      ]);
      expect(copied.reduce((a, b) => a + b, 0)).toBe(3000);
    } finally {
      await other.close();
    }
    expect(await lookupSeqs(f)).toEqual(range(1, 3000));
    expect(await f.verify()).toEqual({ ok: true, count: 3000, checkpoints: 3, lastSeq: 3000 });
  });

  it("is caught up by the audit log's timer; a failure goes to onError, named", async () => {
    const timers = new Map<number, () => Promise<void>>();
    const scheduler: Scheduler = (ms, run) => {
      timers.set(ms, run);
      return () => timers.delete(ms);
    };
    const errors: unknown[] = [];
    fixture = await openAuditFixture(dialect, { scheduler, onError: (error) => errors.push(error) });
    fixture.log.start();
    await appendMany(fixture, 3);
    await timers.get(LOOKUP_TICK_MS)!();
    expect(await lookupSeqs(fixture)).toEqual([1, 2, 3]);

    // A lookup that cannot be written, as a full disk or a damaged table would make it.
    await tamper(fixture.db, ["drop table audit_lookup"]);
    await appendMany(fixture, 1, 4);
    await timers.get(LOOKUP_TICK_MS)!();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: "audit lookup catch-up failed" });
  });

  it("lets `verify` report, without failing, a lookup that disagrees with the chain", { timeout: 60_000 }, async () => {
    fixture = await openAuditFixture(dialect);
    await appendMany(fixture, 12);
    await catchUpLookup(fixture.db);
    expect(await fixture.verify()).toEqual({ ok: true, count: 12, checkpoints: 0, lastSeq: 12 });

    await tamper(fixture.db, [
      "update audit_lookup set result = 'success' where seq = 5",
      "delete from audit_lookup where seq in (7, 8)",
    ]);
    expect(await fixture.verify()).toEqual({
      ok: true,
      count: 12,
      checkpoints: 0,
      lastSeq: 12,
      lookup: { mismatched: 1, firstMismatch: 5, holes: 2 },
    });
    const target = fixture.database.target;
    const cli = await runCli(["audit", "verify"], {
      BAOMI_DATA_DIR: fixture.database.dataDir,
      BAOMI_DATABASE_URL: target.dialect === "sqlite" ? `sqlite:${target.file}` : target.url,
    });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/Audit log intact: 12 entries/);
    expect(cli.stderr).toMatch(
      /^警告：.+ \/ Warning: the audit lookup disagrees with the log \(1 rows differ, first at seq 5, 2 missing\)/,
    );
  });
});
