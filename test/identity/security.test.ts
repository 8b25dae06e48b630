import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/platform/http/security-headers.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { testDialects } from "../databases.js";
import { Client, createTestAccount, seedOrg, signIn, type Org, type TestAccount } from "../factories.js";
import { buildTestApp, testClock, type TestApp } from "../harness.js";

describe.each(testDialects)("security controls on %s", (dialect) => {
  let t: TestApp;
  let org: Org;
  let sysadmin: TestAccount;
  let admin: Client;

  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { clock: testClock() });
    org = await seedOrg(t.app);
    sysadmin = await createTestAccount(t.app, { username: "s-sysadmin", adminRole: "SYS_ADMIN" });
    admin = await signIn(t.app, sysadmin);
  });
  afterAll(() => t.close());

  async function lastAudit() {
    return t.app.db.kysely
      .selectFrom("audit_entry")
      .selectAll()
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
  }

  it("refuses an unsafe request without the CSRF token, and audits it", async () => {
    const body = { username: "csrf-victim", displayName: "某人", unitId: org.a.id };
    const res = await t.app.inject({
      method: "POST",
      url: "/api/accounts",
      payload: body,
      headers: { cookie: admin.cookie ?? "" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ message: string }>().message).toContain("CSRF");
    const forged = await t.app.inject({
      method: "POST",
      url: "/api/accounts",
      payload: body,
      headers: { cookie: admin.cookie ?? "", "x-csrf-token": "forged-token-value" },
    });
    expect(forged.statusCode).toBe(403);
    expect(await lastAudit()).toMatchObject({ action: "request.csrf", result: "denied", actor_username: "s-sysadmin" });
    const none = await t.app.db.kysely
      .selectFrom("account")
      .select("id")
      .where("username", "=", "csrf-victim")
      .executeTakeFirst();
    expect(none).toBeUndefined();
  });

  it("refuses a cross-site Origin even with the token", async () => {
    const res = await admin.request(
      "POST",
      "/api/accounts",
      { username: "x-site", displayName: "某人", unitId: org.a.id },
      { origin: "https://evil.example" },
    );
    expect(res.statusCode).toBe(403);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "a", password: "b" },
      headers: { origin: "https://evil.example" },
    });
    expect(login.statusCode).toBe(403);
  });

  it("refuses mass assignment of role, status or unit in a body, naming the field", async () => {
    const cases = [
      {
        url: "/api/accounts",
        method: "POST" as const,
        body: { username: "mass-a", displayName: "某人", unitId: org.a.id, adminRole: "AUDITOR" },
        field: "body.adminRole",
      },
      {
        url: "/api/accounts",
        method: "POST" as const,
        body: { username: "mass-b", displayName: "某人", unitId: org.a.id, role: "SYS_ADMIN" },
        field: "body.role",
      },
      {
        url: "/api/accounts",
        method: "POST" as const,
        body: {
          username: "mass-c",
          displayName: "某人",
          unitId: org.a.id,
          status: "active",
          mustChangePassword: false,
        },
        field: "body.status",
      },
    ];
    for (const c of cases) {
      const res = await admin.request(c.method, c.url, c.body);
      expect(res.statusCode, c.field).toBe(400);
      expect(res.json<{ details: { issues: { field: string }[] } }>().details.issues.map((i) => i.field)).toContain(
        c.field,
      );
    }
    const account = await createTestAccount(t.app, { username: "mass-target", unitId: org.a.id });
    const patch = await admin.request("PATCH", `/api/accounts/${account.id}`, {
      status: "disabled",
      unitId: org.b.id,
      adminRole: "AUDITOR",
    });
    expect(patch.statusCode).toBe(400);
    const row = await t.app.db.kysely
      .selectFrom("account")
      .select(["status", "admin_role"])
      .where("id", "=", account.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "active", admin_role: null });
  });

  it("refuses __proto__ bodies on authenticated routes", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/accounts",
      payload: '{"username":"proto","displayName":"x","unitId":"u","__proto__":{"adminRole":"AUDITOR"}}',
      headers: { cookie: admin.cookie ?? "", "x-csrf-token": admin.csrf ?? "", "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain("__proto__");
  });

  it("answers anonymous callers 401 before validating anything", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/accounts",
      payload: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(401);
    expect(await lastAudit()).toMatchObject({ action: "auth.required", result: "denied" });
  });

  it("puts the security headers on every route's answers, errors included", async () => {
    // Its own session: the sweep calls logout too.
    const probe = await signIn(t.app, await createTestAccount(t.app, { username: "s-probe", adminRole: "SYS_ADMIN" }));
    for (const route of t.app.apiRoutes) {
      const url = route.url.replace(/:id/g, uuidv7());
      for (const client of [new Client(t.app), probe]) {
        const res = await client.request(route.method, url, route.method === "GET" ? undefined : {});
        for (const [name, value] of Object.entries(SECURITY_HEADERS))
          expect(res.headers[name], `${route.method} ${route.url} ${name}`).toBe(value);
        expect(res.headers["cache-control"]).toBe("no-store");
        if (res.statusCode >= 400) {
          expect(res.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/src\/|select |insert /i);
          expect(res.json()).toHaveProperty("code");
        }
      }
    }
  });

  it("never lets an administrator account hold a business role, even by raw SQL", async () => {
    const res = await signIn(
      t.app,
      await createTestAccount(t.app, { username: "s-secadmin", adminRole: "SECURITY_ADMIN" }),
    );
    const grant = await res.post("/api/grants", {
      accountId: sysadmin.id,
      role: "unitHead",
      unitId: org.a.id,
      startsOn: "2027-01-01",
    });
    expect(grant.statusCode).toBe(409);
    expect(grant.json<{ message: string }>().message).toContain("三员");
    const raw = t.app.db.kysely
      .insertInto("role_grant")
      .values({
        id: uuidv7(),
        account_id: sysadmin.id,
        role: "unitHead",
        unit_id: org.a.id,
        starts_on: "2027-01-01",
        ends_on: null,
        granted_by: sysadmin.id,
        created_at: toInstant(new Date()),
        revoked_at: null,
        revoked_by: null,
      })
      .execute();
    await expect(raw).rejects.toThrow(/ADMIN_ACCOUNT_CANNOT_HOLD_BUSINESS_ROLE/);
    const business = await createTestAccount(t.app, { username: "s-business" });
    await t.app.db.kysely
      .insertInto("role_grant")
      .values({
        id: uuidv7(),
        account_id: business.id,
        role: "liaison",
        unit_id: org.a.id,
        starts_on: "2027-01-01",
        ends_on: null,
        granted_by: sysadmin.id,
        created_at: toInstant(new Date()),
        revoked_at: null,
        revoked_by: null,
      })
      .execute();
    await expect(
      t.app.db.kysely.updateTable("account").set({ admin_role: "AUDITOR" }).where("id", "=", business.id).execute(),
    ).rejects.toThrow(/ADMIN_ACCOUNT_CANNOT_HOLD_BUSINESS_ROLE/);
    // And one account can never hold two administrator roles: there is one column for it, checked.
    await expect(
      sql`update account set admin_role = 'SYS_ADMIN,AUDITOR' where id = ${sysadmin.id}`.execute(t.app.db.kysely),
    ).rejects.toThrow();
  });

  it("keeps the system administrator away from the other administrators' accounts", async () => {
    const auditor = await createTestAccount(t.app, { username: "s-auditor", adminRole: "AUDITOR" });
    for (const [method, url, body] of [
      ["PATCH", `/api/accounts/${auditor.id}`, { status: "disabled" }],
      ["POST", `/api/accounts/${auditor.id}/reset-password`, {}],
    ] as const) {
      const res = await admin.request(method, url, body);
      expect(res.statusCode).toBe(403);
    }
    const listed = (await admin.get(`/api/accounts/${auditor.id}`)).json<{ abilities: { manage: boolean } }>();
    expect(listed.abilities.manage).toBe(false);
  });

  it("disabling an account ends its sessions at once", async () => {
    const user = await createTestAccount(t.app, { username: "s-leaver", unitId: org.a.id });
    const client = await signIn(t.app, user);
    expect((await client.get("/api/me")).statusCode).toBe(200);
    expect((await admin.request("PATCH", `/api/accounts/${user.id}`, { status: "disabled" })).statusCode).toBe(200);
    expect((await client.get("/api/me")).statusCode).toBe(401);
    expect(
      (await new Client(t.app).post("/api/auth/login", { username: "s-leaver", password: user.password })).statusCode,
    ).toBe(401);
  });

  it("creates an account with a one-time password that must be changed at first sign-in", async () => {
    const res = await admin.post("/api/accounts", {
      username: "New.Colleague",
      displayName: "李明",
      unitId: org.a1.id,
    });
    expect(res.statusCode).toBe(201);
    const { account, oneTimePassword } = res.json<{
      account: { username: string; mustChangePassword: boolean; person: { unitId: string } };
      oneTimePassword: string;
    }>();
    expect(account).toMatchObject({
      username: "new.colleague",
      mustChangePassword: true,
      person: { unitId: org.a1.id },
    });
    const login = await new Client(t.app).post("/api/auth/login", {
      username: "new.colleague",
      password: oneTimePassword,
    });
    expect(login.json()).toMatchObject({ pending: ["passwordChange"] });
    const dup = await admin.post("/api/accounts", {
      username: "NEW.colleague",
      displayName: "李明",
      unitId: org.a1.id,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<{ message: string }>().message).toContain("已被使用");
  });
});
