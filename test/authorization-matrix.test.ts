/**
 * The authorization matrix (DESIGN.md §7): every API route × every role × scope → the expected status, and for lists
 * the expected count. A route registered without a row here fails the run. Later capabilities add their rows.
 *
 * Actors: anonymous; the three administrators; secrecy-office staff granted on unit A ("own" for A's rows, "child"
 * for A1's), on A1, and on B ("other"); and a business account with no grant ("none").
 * Seed: root → A → A1, root → B. People: A ×2 (officeA, nobody), A1 ×1, B ×1. One clearance each for the three
 * office staff. Rows run in order; lists come before the changes that would alter their counts.
 */
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toInstant } from "../src/platform/db/instants.js";
import { testDialects } from "./databases.js";
import { Client, createTestAccount, grantRole, PASSWORD, seedOrg, signIn, type Org, type TestAccount } from "./factories.js";
import { buildTestApp, testClock, type TestApp, type TestClock } from "./harness.js";

const ACTORS = ["anonymous", "sysadmin", "secadmin", "auditor", "officeA", "officeA1", "officeB", "nobody"] as const;
type ActorName = (typeof ACTORS)[number];
type Expect = Partial<Record<ActorName | "others", number>>;

interface Ctx {
  t: TestApp;
  org: Org;
  accounts: Record<Exclude<ActorName, "anonymous">, TestAccount>;
  /** A business account the row may change. */
  freshAccount(): Promise<string>;
  freshGrant(): Promise<string>;
  freshClearance(): Promise<string>;
}

interface Row {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  route: string;
  url?: (ctx: Ctx) => Promise<string> | string;
  body?: (ctx: Ctx) => unknown;
  status: Expect;
  count?: Partial<Record<ActorName, number>>;
  /** The request ends or changes the session: use a new one for each actor. */
  freshSession?: boolean;
}

const ALL_200: Expect = { anonymous: 200, others: 200 };
const SIGNED_IN = (status: number, extra: Expect = {}): Expect => ({ anonymous: 401, others: status, ...extra });
const ONLY = (actor: ActorName, status: number, extra: Expect = {}): Expect => ({ anonymous: 401, others: 403, [actor]: status, ...extra });
const ADMINS = ["sysadmin", "secadmin", "auditor"] as const;
const adminsGet = (status: number): Expect => Object.fromEntries(ADMINS.map((a) => [a, status]));

const ROWS: Row[] = [
  { method: "GET", route: "/api/health", status: ALL_200 },
  { method: "GET", route: "/api/ready", status: ALL_200 },
  { method: "GET", route: "/api/openapi.json", status: ALL_200 },
  { method: "GET", route: "/api/auth/session", status: ALL_200 },
  { method: "POST", route: "/api/auth/login", body: () => ({ username: "nobody-here", password: "wrong-password" }), status: { anonymous: 401, others: 401 } },
  { method: "GET", route: "/api/me", status: SIGNED_IN(200) },
  { method: "GET", route: "/api/me/sessions", status: SIGNED_IN(200) },
  {
    method: "GET",
    route: "/api/units",
    status: ONLY("sysadmin", 200, { ...adminsGet(200), officeA: 200, officeA1: 200, officeB: 200 }),
    count: { sysadmin: 4, secadmin: 4, auditor: 4, officeA: 2, officeA1: 1, officeB: 1 },
  },
  {
    method: "GET",
    route: "/api/people",
    status: ONLY("secadmin", 200, { officeA: 200, officeA1: 200, officeB: 200 }),
    count: { secadmin: 4, officeA: 3, officeA1: 1, officeB: 1 },
  },
  {
    method: "GET",
    route: "/api/clearances",
    status: ONLY("secadmin", 200, { officeA: 200, officeA1: 200, officeB: 200 }),
    count: { secadmin: 3, officeA: 2, officeA1: 1, officeB: 1 },
  },
  { method: "GET", route: "/api/accounts", status: ONLY("sysadmin", 200, { secadmin: 200 }), count: { sysadmin: 7, secadmin: 7 } },
  { method: "GET", route: "/api/grants", status: ONLY("secadmin", 200), count: { secadmin: 3 } },
  { method: "GET", route: "/api/accounts/:id", url: (c) => `/api/accounts/${c.accounts.nobody.id}`, status: ONLY("sysadmin", 200, { secadmin: 200 }) },
  { method: "GET", route: "/api/security-settings", status: ONLY("secadmin", 200) },
  { method: "GET", route: "/api/audit-entries", status: ONLY("auditor", 200) },
  { method: "GET", route: "/api/audit-entries/export", status: ONLY("auditor", 200) },
  {
    method: "POST",
    route: "/api/accounts",
    body: () => ({ username: `u${uuidv7().slice(-12)}`, displayName: "新同事", unitId: "" }),
    url: () => "/api/accounts",
    status: ONLY("sysadmin", 201),
  },
  { method: "PATCH", route: "/api/accounts/:id", url: async (c) => `/api/accounts/${await c.freshAccount()}`, body: () => ({ status: "disabled" }), status: ONLY("sysadmin", 200) },
  { method: "POST", route: "/api/accounts/:id/reset-password", url: async (c) => `/api/accounts/${await c.freshAccount()}/reset-password`, status: ONLY("sysadmin", 200) },
  { method: "POST", route: "/api/accounts/:id/unlock", url: async (c) => `/api/accounts/${await c.freshAccount()}/unlock`, status: ONLY("sysadmin", 200) },
  {
    method: "POST",
    route: "/api/grants",
    body: (c) => ({ accountId: c.accounts.nobody.id, role: "liaison", unitId: c.org.b.id, startsOn: "2027-01-01" }),
    status: ONLY("secadmin", 201),
  },
  { method: "POST", route: "/api/grants/:id/revoke", url: async (c) => `/api/grants/${await c.freshGrant()}/revoke`, status: ONLY("secadmin", 200) },
  {
    method: "POST",
    route: "/api/clearances",
    body: (c) => ({ personId: c.accounts.nobody.personId, tier: "GENERAL", startsOn: "2027-01-01" }),
    status: ONLY("secadmin", 201),
  },
  { method: "POST", route: "/api/clearances/:id/end", url: async (c) => `/api/clearances/${await c.freshClearance()}/end`, body: () => ({ endsOn: "2027-12-31" }), status: ONLY("secadmin", 200) },
  { method: "PUT", route: "/api/security-settings", body: () => ({ totpRequiredRoles: [], passwordRotationDays: null }), status: ONLY("secadmin", 200) },
  { method: "POST", route: "/api/auth/totp", body: () => ({ code: "123456" }), status: SIGNED_IN(409) },
  { method: "POST", route: "/api/me/password", body: () => ({ currentPassword: "not-mine", newPassword: "一个足够长的新密码" }), status: SIGNED_IN(400) },
  // Administrators already use TOTP; business users here have none yet.
  { method: "POST", route: "/api/me/totp/setup", status: SIGNED_IN(200, adminsGet(409)) },
  { method: "POST", route: "/api/me/totp/confirm", body: () => ({ code: "000000" }), status: SIGNED_IN(400, adminsGet(409)) },
  { method: "POST", route: "/api/me/totp/disable", body: () => ({ password: PASSWORD }), status: SIGNED_IN(409, adminsGet(403)) },
  { method: "POST", route: "/api/me/recovery-codes", body: () => ({ password: PASSWORD }), status: SIGNED_IN(409, adminsGet(200)) },
  { method: "DELETE", route: "/api/me/sessions/:id", url: () => `/api/me/sessions/${uuidv7()}`, status: SIGNED_IN(404) },
  { method: "POST", route: "/api/auth/logout", status: SIGNED_IN(204), freshSession: true },
];

function expected(row: Row, actor: ActorName): number {
  const status = row.status[actor] ?? row.status.others;
  if (status === undefined) throw new Error(`no expectation for ${actor} on ${row.method} ${row.route}`);
  return status;
}

describe.each(testDialects)("authorization matrix on %s", (dialect) => {
  let ctx: Ctx;
  let clock: TestClock;
  const clients = new Map<ActorName, Client>();

  async function clientFor(actor: ActorName, fresh: boolean): Promise<Client> {
    if (actor === "anonymous") return new Client(ctx.t.app);
    if (fresh) {
      clock.advance(61_000);
      return signIn(ctx.t.app, ctx.accounts[actor]);
    }
    const existing = clients.get(actor);
    if (existing) return existing;
    const client = await signIn(ctx.t.app, ctx.accounts[actor]);
    clients.set(actor, client);
    return client;
  }

  beforeAll(async () => {
    clock = testClock();
    const t = await buildTestApp(dialect, {}, { clock });
    const org = await seedOrg(t.app);
    const accounts = {
      sysadmin: await createTestAccount(t.app, { username: "m-sysadmin", adminRole: "SYS_ADMIN" }),
      secadmin: await createTestAccount(t.app, { username: "m-secadmin", adminRole: "SECURITY_ADMIN" }),
      auditor: await createTestAccount(t.app, { username: "m-auditor", adminRole: "AUDITOR" }),
      officeA: await createTestAccount(t.app, { username: "m-office-a", unitId: org.a.id }),
      officeA1: await createTestAccount(t.app, { username: "m-office-a1", unitId: org.a1.id }),
      officeB: await createTestAccount(t.app, { username: "m-office-b", unitId: org.b.id }),
      nobody: await createTestAccount(t.app, { username: "m-nobody", unitId: org.a.id }),
    };
    const by = accounts.secadmin.id;
    await grantRole(t.app, accounts.officeA.id, "secrecyOffice", org.a.id, by);
    await grantRole(t.app, accounts.officeA1.id, "secrecyOffice", org.a1.id, by);
    await grantRole(t.app, accounts.officeB.id, "secrecyOffice", org.b.id, by);
    const at = toInstant(clock());
    const clearance = async (personId: string | null) => {
      const id = uuidv7();
      await t.app.db.kysely.insertInto("clearance").values({ id, person_id: personId ?? "", tier: "IMPORTANT", starts_on: "2026-01-01", ends_on: null, granted_by: by, created_at: at }).execute();
      return id;
    };
    for (const office of [accounts.officeA, accounts.officeA1, accounts.officeB]) await clearance(office.personId);
    let n = 0;
    ctx = {
      t,
      org,
      accounts,
      freshAccount: async () => (await createTestAccount(t.app, { username: `m-fresh-${++n}`, unitId: org.b.id })).id,
      freshGrant: async () => grantRole(t.app, accounts.nobody.id, "liaison", org.a1.id, by),
      freshClearance: async () => clearance((await createTestAccount(t.app, { username: `m-cleared-${++n}`, unitId: org.b.id })).personId),
    };
  });
  afterAll(() => ctx.t.close());

  it("has a row for every registered API route", () => {
    const covered = new Set(ROWS.map((row) => `${row.method} ${row.route}`));
    const missing = ctx.t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((key) => !covered.has(key));
    expect(missing, "routes without a row in the authorization matrix").toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.method} ${row.route}`, async () => {
      const results: string[] = [];
      const wanted: string[] = [];
      // Denied actors first: a denial changes nothing, so the allowed actor still finds the row's object intact.
      const order = [...ACTORS].sort((a, b) => Number(expected(row, a) < 300) - Number(expected(row, b) < 300));
      for (const actor of order) {
        const client = await clientFor(actor, row.freshSession === true);
        const url = row.url ? await row.url(ctx) : row.route;
        let body = row.body?.(ctx);
        if (row.route === "/api/accounts" && row.method === "POST") body = { ...(body as object), unitId: ctx.org.b.id };
        const res = await client.request(row.method, url, body);
        results.push(`${actor}:${res.statusCode}`);
        wanted.push(`${actor}:${expected(row, actor)}`);
        const count = row.count?.[actor];
        if (count !== undefined && res.statusCode === 200) {
          results.push(`${actor}#${res.json<{ items: unknown[] }>().items.length}`);
          wanted.push(`${actor}#${count}`);
        }
      }
      expect(results).toEqual(wanted);
    });
  }
});
