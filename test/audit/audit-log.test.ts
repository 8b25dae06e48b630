import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { LOOKUP_TICK_MS, type Scheduler } from "../../src/platform/audit/audit-log.js";
import { GENESIS_HASH } from "../../src/platform/audit/chain.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { testDialects } from "../databases.js";
import { appendMany, openAuditFixture, sampleEvent, type AuditFixture } from "./fixtures.js";

describe.each(testDialects)("audit log on %s", (dialect) => {
  let fixture: AuditFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  it("chains entries from seq 1 and verifies after many appends", async () => {
    fixture = await openAuditFixture(dialect, { checkpointEvery: 50 });
    const first = await fixture.log.record(sampleEvent(1));
    expect(first.seq).toBe(1);
    await appendMany(fixture, 299, 2);
    const rows = await fixture.db.kysely.selectFrom("audit_entry").selectAll().orderBy("seq").execute();
    expect(rows).toHaveLength(300);
    expect(rows[0]).toMatchObject({ prev_hash: GENESIS_HASH, hash: first.hash, action: "account.update" });
    expect(rows[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(JSON.parse(rows[0]!.details)).toEqual({ n: 1, note: "保密 ★ 𠀀" });
    expect(await fixture.verify()).toEqual({ ok: true, count: 300, checkpoints: 6, lastSeq: 300 });
  });

  it("writes a signed checkpoint every N entries, in the entry's transaction", async () => {
    fixture = await openAuditFixture(dialect, { checkpointEvery: 10 });
    await appendMany(fixture, 25);
    const checkpoints = await fixture.db.kysely.selectFrom("audit_checkpoint").selectAll().orderBy("seq").execute();
    expect(checkpoints.map((cp) => Number(cp.seq))).toEqual([10, 20]);
    const entry10 = await fixture.db.kysely
      .selectFrom("audit_entry")
      .select("hash")
      .where("seq", "=", 10)
      .executeTakeFirstOrThrow();
    expect(checkpoints[0]!.hash).toBe(entry10.hash);
    expect(checkpoints[0]!.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(checkpoints[0]!.key_id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("writes a checkpoint by the timer once an entry has waited T minutes", async () => {
    let now = new Date("2027-03-01T08:00:00.000Z");
    const timers = new Map<number, () => Promise<void>>();
    const scheduler: Scheduler = (ms, run) => {
      timers.set(ms, run);
      return () => timers.delete(ms);
    };
    fixture = await openAuditFixture(dialect, { checkpointMinutes: 5, clock: () => now, scheduler });
    fixture.log.start();
    // Checked every minute; the other timer (LOOKUP_TICK_MS) is the lookup's.
    expect([...timers.keys()].sort((a, b) => a - b)).toEqual([LOOKUP_TICK_MS, 60_000]);
    const tick = timers.get(60_000);
    const count = () => fixture!.db.kysely.selectFrom("audit_checkpoint").select("seq").execute();

    await tick!(); // nothing logged yet
    await fixture.log.record(sampleEvent(1));
    now = new Date("2027-03-01T08:04:59.999Z");
    await tick!(); // the entry has waited just under five minutes
    expect(await count()).toEqual([]);
    await fixture.log.record(sampleEvent(2));
    now = new Date("2027-03-01T08:05:00.000Z");
    await tick!();
    expect((await count()).map((cp) => Number(cp.seq))).toEqual([2]);
    now = new Date("2027-03-01T09:00:00.000Z");
    await tick!(); // nothing new since: no checkpoint
    expect(await count()).toHaveLength(1);
    await fixture.log.record(sampleEvent(3));
    now = new Date("2027-03-01T09:05:00.000Z");
    await tick!();
    expect((await count()).map((cp) => Number(cp.seq))).toEqual([2, 3]);
    expect(await fixture.verify()).toMatchObject({ ok: true, count: 3, checkpoints: 2 });
    fixture.log.stop();
    expect(timers.size).toBe(0);
  });

  it("rolls the change back when its audit entry cannot be written", async () => {
    fixture = await openAuditFixture(dialect);
    await fixture.log.record(sampleEvent(1));
    // A database-level failure of the audit insert, as a full disk or a broken constraint would cause.
    if (dialect === "postgres") {
      await sql`create function audit_fail() returns trigger language plpgsql as $$ begin raise exception 'audit insert failed'; end $$`.execute(
        fixture.db.kysely,
      );
      await sql`create trigger audit_fail before insert on audit_entry for each row execute function audit_fail()`.execute(
        fixture.db.kysely,
      );
    } else {
      await sql`create trigger audit_fail before insert on audit_entry begin select raise(abort, 'audit insert failed'); end`.execute(
        fixture.db.kysely,
      );
    }
    const change = fixture.db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto("setting")
        .values({ key: "changed", value: "1", updated_at: toInstant(new Date()) })
        .execute();
      await fixture!.log.append(trx, sampleEvent(2));
    });
    await expect(change).rejects.toThrow(/audit insert failed/);
    expect(await fixture.db.kysely.selectFrom("setting").selectAll().where("key", "=", "changed").execute()).toEqual(
      [],
    );

    // An event that cannot be serialized fails before any SQL, with the same outcome.
    await sql`drop trigger audit_fail${sql.raw(dialect === "postgres" ? " on audit_entry" : "")}`.execute(
      fixture.db.kysely,
    );
    const unserializable = fixture.db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto("setting")
        .values({ key: "changed", value: "1", updated_at: toInstant(new Date()) })
        .execute();
      await fixture!.log.append(trx, sampleEvent(2, { details: { when: new Date() } }));
    });
    await expect(unserializable).rejects.toThrow(TypeError);
    expect(await fixture.db.kysely.selectFrom("setting").selectAll().where("key", "=", "changed").execute()).toEqual(
      [],
    );
    expect(await fixture.verify()).toMatchObject({ ok: true, count: 1 });
  });

  it("stores hostile text (NUL, lone surrogates, quotes, emoji) so that the chain still verifies", async () => {
    fixture = await openAuditFixture(dialect);
    const hostile = 'a\u0000b\ud800c\udc00"\\😀\u2028保密';
    await fixture.log.record(
      sampleEvent(1, {
        actor: { accountId: hostile, username: hostile, role: null, unitId: null },
        object: { type: "account", id: hostile },
        sourceIp: hostile,
        requestId: hostile,
        details: { value: hostile },
      }),
    );
    const row = await fixture.db.kysely.selectFrom("audit_entry").selectAll().executeTakeFirstOrThrow();
    expect(row.actor_username).toBe('a\ufffdb\ufffdc\ufffd"\\😀\u2028保密');
    expect(JSON.parse(row.details)).toEqual({ value: hostile });
    expect(await fixture.verify()).toMatchObject({ ok: true, count: 1 });
  });

  it("refuses to append outside a transaction, writing nothing", async () => {
    fixture = await openAuditFixture(dialect);
    await expect(fixture.log.append(fixture.db.kysely as never, sampleEvent(1))).rejects.toThrow(/transaction/);
    expect(await fixture.verify()).toMatchObject({ ok: true, count: 0 });
  });

  it("refuses an invalid result or action without writing anything", async () => {
    fixture = await openAuditFixture(dialect);
    await expect(fixture.log.record(sampleEvent(1, { result: "maybe" as "success" }))).rejects.toThrow(/result/);
    await expect(fixture.log.record(sampleEvent(1, { action: "" }))).rejects.toThrow(/action/);
    expect(await fixture.verify()).toMatchObject({ ok: true, count: 0 });
  });

  it("has triggers that refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL), changing nothing", async () => {
    fixture = await openAuditFixture(dialect, { checkpointEvery: 2 });
    await appendMany(fixture, 2);
    const before = await fixture.db.kysely.selectFrom("audit_entry").selectAll().orderBy("seq").execute();
    const attempts = [
      "update audit_entry set action = 'x' where seq = 1",
      "delete from audit_entry where seq = 2",
      "update audit_checkpoint set hash = 'x'",
      "delete from audit_checkpoint",
      ...(dialect === "postgres" ? ["truncate audit_entry cascade", "truncate audit_checkpoint"] : []),
    ];
    for (const statement of attempts) {
      await expect(sql.raw(statement).execute(fixture.db.kysely), statement).rejects.toThrow(/append-only/);
    }
    expect(await fixture.db.kysely.selectFrom("audit_entry").selectAll().orderBy("seq").execute()).toEqual(before);
    expect(await fixture.db.kysely.selectFrom("audit_checkpoint").selectAll().execute()).toHaveLength(1);
    expect(await fixture.verify()).toMatchObject({ ok: true, count: 2, checkpoints: 1 });
  });

  it("never forks or skips under 8 concurrent writers × 500 audited mutations", { timeout: 120_000 }, async () => {
    fixture = await openAuditFixture(dialect, { checkpointEvery: 250 });
    const f = fixture;
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; i < 500; i++) {
        await f.db.kysely.transaction().execute(async (trx) => {
          await trx
            .insertInto("setting")
            .values({ key: `w${w}-${i}`, value: String(i), updated_at: toInstant(new Date()) })
            .execute();
          await f.log.append(trx, sampleEvent(w * 1000 + i));
        });
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    const count = async (table: "audit_entry" | "setting") =>
      Number(
        (
          await f.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count("audit_entry")).toBe(4000);
    expect(await count("setting")).toBe(4000);
    expect(await f.verify()).toEqual({ ok: true, count: 4000, checkpoints: 16, lastSeq: 4000 });
  });
});
