/**
 * The in-memory authentication snapshot (platform/auth/auth-cache.ts) must never serve what the database no longer
 * says. Each change below is made with raw SQL — as another process, or an operator, would make it — and the very
 * next request must see it.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { toInstant } from "../../src/platform/db/instants.js";
import { testDialects } from "../databases.js";
import {
  type Client,
  createTestAccount,
  grantRole,
  seedOrg,
  signIn,
  type Org,
  type TestAccount,
} from "../factories.js";
import { buildTestApp, testClock, type TestApp, type TestClock } from "../harness.js";

interface MeBody {
  roles: { role: string; unitName: string }[];
  person: { name: string } | null;
  account: { displayName: string };
}

describe.each(testDialects)("authentication snapshot on %s", (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let org: Org;
  let sysadmin: TestAccount;
  let user: TestAccount;
  let client: Client;
  let grantId: string;

  const epoch = async () =>
    String((await t.app.db.kysely.selectFrom("auth_epoch").select("n").executeTakeFirstOrThrow()).n);
  const me = async () => {
    const res = await client.get("/api/me");
    return { status: res.statusCode, body: res.statusCode === 200 ? res.json<MeBody>() : null };
  };

  beforeAll(async () => {
    clock = testClock();
    t = await buildTestApp(dialect, {}, { clock });
    org = await seedOrg(t.app);
    sysadmin = await createTestAccount(t.app, { username: "c-sysadmin", adminRole: "SYS_ADMIN" });
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    user = await createTestAccount(t.app, { username: `c-user-${Date.now()}`, unitId: org.a.id });
    grantId = await grantRole(t.app, user.id, "unitHead", org.a.id, sysadmin.id);
    client = await signIn(t.app, user);
    expect((await me()).body?.roles).toHaveLength(1);
  });

  it("sees a grant revoked behind its back", async () => {
    await sql`update role_grant set revoked_at = ${toInstant(clock())} where id = ${grantId}`.execute(t.app.db.kysely);
    expect((await me()).body?.roles).toEqual([]);
  });

  it("sees a new grant and a unit renamed", async () => {
    await grantRole(t.app, user.id, "liaison", org.b.id, sysadmin.id);
    expect((await me()).body?.roles.map((r) => r.role).sort()).toEqual(["liaison", "unitHead"]);
    await sql`update unit set name = '计算机学院' where id = ${org.a.id}`.execute(t.app.db.kysely);
    expect((await me()).body?.roles.find((r) => r.role === "unitHead")?.unitName).toBe("计算机学院");
    await sql`update unit set name = '计算机科学学院' where id = ${org.a.id}`.execute(t.app.db.kysely);
  });

  it("refuses at once an account disabled or a session ended behind its back", async () => {
    await sql`update account set status = 'disabled' where id = ${user.id}`.execute(t.app.db.kysely);
    expect((await me()).status).toBe(401);

    const other = await createTestAccount(t.app, { username: `c-other-${Date.now()}`, unitId: org.b.id });
    const second = await signIn(t.app, other);
    expect((await second.get("/api/me")).statusCode).toBe(200);
    await sql`update session set ended_at = ${toInstant(clock())}, end_reason = 'logout' where account_id = ${other.id}`.execute(
      t.app.db.kysely,
    );
    expect((await second.get("/api/me")).statusCode).toBe(401);
  });

  it("sees the person renamed and the account's display name changed", async () => {
    await sql`update person set name = '王五' where id = ${user.personId}`.execute(t.app.db.kysely);
    await sql`update account set display_name = '王五（处长）' where id = ${user.id}`.execute(t.app.db.kysely);
    const { body } = await me();
    expect(body?.person?.name).toBe("王五");
    expect(body?.account.displayName).toBe("王五（处长）");
  });

  it("drops a grant the day after it ends, with no write in between", async () => {
    const start = clock();
    clock.set(new Date("2027-03-01T15:50:00.000Z")); // 23:50 in Shanghai, where the day of a grant is counted
    await sql`update role_grant set ends_on = '2027-03-01' where id = ${grantId}`.execute(t.app.db.kysely);
    client = await signIn(t.app, user);
    expect((await me()).body?.roles).toHaveLength(1);
    clock.advance(20 * 60_000); // 00:10 on 2 March
    expect((await me()).body?.roles).toEqual([]);
    clock.set(start);
  });

  it("keeps the epoch still for what does not matter: reads, the once-a-minute touch, new units and people", async () => {
    const before = await epoch();
    await me();
    clock.advance(2 * 60_000);
    await me();
    await seedOrg(t.app);
    expect(await epoch()).toBe(before);
    await sql`update session set last_seen_at = ${toInstant(clock())} where account_id = ${user.id}`.execute(
      t.app.db.kysely,
    );
    expect(await epoch()).toBe(before);
  });

  it("re-reads a session that looks idle from memory instead of ending it (another process may have used it)", async () => {
    // Another process touched the session 20 minutes from now; this process's snapshot still says "now".
    clock.advance(20 * 60_000);
    await sql`update session set last_seen_at = ${toInstant(clock())} where account_id = ${user.id}`.execute(
      t.app.db.kysely,
    );
    clock.advance(15 * 60_000); // 35 minutes after this process last saw it, 15 after the other did
    expect((await me()).status).toBe(200);
    clock.advance(31 * 60_000);
    expect((await me()).status).toBe(401);
  });
});
