import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, type AuditFilter } from "../../src/features/audit-log/query.js";
import { createAuditLog, type AuditEvent } from "../../src/platform/audit/audit-log.js";
import { openDatabase } from "../../src/platform/db/database.js";
import { migrateToLatest } from "../../src/platform/db/migrate.js";
import { createTestDatabase, testDialects } from "../databases.js";
import { createTestAccount, signIn, type Client } from "../factories.js";
import { buildTestApp, type TestApp } from "../harness.js";

const ENTRIES = 3000;
const BASE = Date.parse("2027-01-01T00:00:00.000Z");
const USERS = ["alice", "bob", "carol", "dave", "erin"];
const ACTIONS = ["doc.create", "doc.update", "doc.read", "duty.close", "auth.logout"];
const RESULTS = ["success", "success", "failure", "denied"] as const;

/** The n-th generated event: a spread of users, actions, objects and results. */
function event(n: number): AuditEvent {
  return {
    actor: { accountId: `acct-${n % USERS.length}`, username: USERS[n % USERS.length]!, role: null, unitId: null },
    action: ACTIONS[n % ACTIONS.length]!,
    object: n % 11 === 0 ? null : { type: n % 3 === 0 ? "duty" : "doc", id: `obj-${n % 17}` },
    result: RESULTS[n % RESULTS.length]!,
    sourceIp: "192.0.2.7",
    requestId: `req-${n}`,
    details: { n },
  };
}

interface Listed {
  seq: number;
  action: string;
}

describe.each(testDialects)("audit viewer on %s", (dialect) => {
  let t: TestApp;
  let auditor: Client;
  /** Every entry, newest first, read straight from the chain: what each filter is checked against. */
  let all: {
    seq: number;
    at: string;
    actor_username: string | null;
    action: string;
    object_type: string | null;
    object_id: string | null;
    result: string;
  }[];

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.app.ready();
    // The timers would catch the lookup up on their own every few seconds; stopped, only the viewer's own catch-up
    // can make new entries findable, which is what these tests are about.
    t.app.audit.stop();
    auditor = await signIn(t.app, await createTestAccount(t.app, { username: "shenji", adminRole: "AUDITOR" }));
    // A minute apart, so that time windows select known entries; in one transaction, because the test is about
    // reading them.
    let minute = 0;
    const writer = createAuditLog({ db: t.app.db, config: t.config, clock: () => new Date(BASE + minute * 60_000) });
    await t.app.db.kysely.transaction().execute(async (trx) => {
      for (; minute < ENTRIES; minute++) await writer.append(trx, event(minute));
    });
    all = (
      await t.app.db.kysely
        .selectFrom("audit_entry")
        .select(["seq", "at", "actor_username", "action", "object_type", "object_id", "result"])
        .orderBy("seq", "desc")
        .execute()
    ).map((row) => ({ ...row, seq: Number(row.seq) }));
  }, 120_000);
  afterAll(() => t.close());

  /** Every entry the list returns for `filter`, following the cursor page by page. */
  async function listAll(filter: Record<string, string>): Promise<number[]> {
    const seqs: number[] = [];
    for (let cursor: string | null = null; ;) {
      const query = new URLSearchParams({ ...filter, limit: "200", ...(cursor ? { cursor } : {}) });
      const res = await auditor.get(`/api/audit-entries?${query.toString()}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<{ items: Listed[]; nextCursor: string | null }>();
      seqs.push(...page.items.map((item) => item.seq));
      if (!page.nextCursor) return seqs;
      cursor = page.nextCursor;
    }
  }

  const minute = (m: number): string => new Date(BASE + m * 60_000).toISOString();

  it.each<[string, Record<string, string>, (e: (typeof all)[number]) => boolean]>([
    [
      "a time window (given with an offset)",
      { from: "2027-01-01T13:20:00+08:00", to: minute(400) },
      (e) => e.at >= minute(320) && e.at < minute(400),
    ],
    ["from a time on", { from: minute(2900) }, (e) => e.at >= minute(2900)],
    ["up to a time", { to: minute(100) }, (e) => e.at < minute(100)],
    ["an actor, whatever the case", { actor: "CaRoL" }, (e) => e.actor_username === "carol"],
    ["an exact action", { action: "doc.update" }, (e) => e.action === "doc.update"],
    ["an action prefix", { action: "doc." }, (e) => e.action.startsWith("doc.")],
    ["an object type", { objectType: "duty" }, (e) => e.object_type === "duty"],
    ["an object", { objectType: "doc", objectId: "obj-7" }, (e) => e.object_type === "doc" && e.object_id === "obj-7"],
    ["a result", { result: "denied" }, (e) => e.result === "denied"],
    [
      "several at once",
      { actor: "bob", action: "doc.", result: "success", from: minute(1000) },
      (e) =>
        e.actor_username === "bob" && e.action.startsWith("doc.") && e.result === "success" && e.at >= minute(1000),
    ],
  ])("filters by %s, newest first, page by page", async (_name, filter, matches) => {
    const expected = all.filter(matches).map((e) => e.seq);
    expect(expected.length).toBeGreaterThan(0);
    expect(await listAll(filter)).toEqual(expected);
  });

  it("finds an entry appended a moment ago, in the list and the export", async () => {
    await listAll({ action: "doc.read" }); // the lookup is caught up to here
    const { seq } = await t.app.audit.record({ ...event(1), action: "probe.fresh" });
    const indexed = await t.app.db.kysely.selectFrom("audit_lookup").select("seq").where("seq", "=", seq).execute();
    expect(indexed).toEqual([]); // the write itself left the lookup alone

    const list = (await auditor.get("/api/audit-entries?action=probe.fresh")).json<{ items: Listed[] }>();
    expect(list.items).toMatchObject([{ seq, action: "probe.fresh" }]);

    const fresher = await t.app.audit.record({ ...event(2), action: "probe.fresher" });
    const exported = await auditor.get("/api/audit-entries/export?action=probe.&format=jsonl");
    expect(exported.statusCode).toBe(200);
    const lines = exported.body
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Listed);
    expect(lines.map((line) => line.seq)).toEqual([fresher.seq, seq]);
  });
});

describe.runIf(testDialects.includes("sqlite"))("audit viewer's query plans on SQLite", () => {
  it.each<[string, AuditFilter, string]>([
    ["a time window", { from: "2027-01-01T00:00:00Z", to: "2027-02-01T00:00:00Z" }, "audit_lookup_at"],
    ["an actor", { actor: "alice" }, "audit_lookup_actor"],
    ["an exact action", { action: "auth.login" }, "audit_lookup_action"],
    ["an action prefix", { action: "auth." }, "audit_lookup_action"],
    ["an object type", { objectType: "account" }, "audit_lookup_object"],
    ["an object", { objectType: "account", objectId: "acct-1" }, "audit_lookup_object"],
    ["a result", { result: "denied" }, "audit_lookup_result"],
  ])("%s uses its index on the lookup and finds entries by seq", async (_name, filter, index) => {
    const database = await createTestDatabase("sqlite");
    const db = await openDatabase(database.target);
    try {
      await migrateToLatest(db);
      for (const beforeSeq of [undefined, 1000]) {
        const query = auditEntries(db.kysely, filter, beforeSeq).limit(51).compile();
        const plan = await db.kysely.executeQuery<{ detail: string }>({
          ...query,
          sql: `explain query plan ${query.sql}`,
        });
        const steps = plan.rows.map((row) => row.detail);
        expect(steps[0]).toMatch(new RegExp(`^SEARCH l USING COVERING INDEX ${index} `));
        expect(steps[1]).toBe("SEARCH e USING INTEGER PRIMARY KEY (rowid=?)");
      }
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
