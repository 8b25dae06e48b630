import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt, totpStep } from "../../src/platform/auth/totp.js";
import { testDialects } from "../databases.js";
import { Client, createTestAccount, PASSWORD, seedOrg, signIn, type Org } from "../factories.js";
import { buildTestApp, testClock, type TestApp, type TestClock } from "../harness.js";

describe.each(testDialects)("signing in on %s", (dialect) => {
  let t: TestApp;
  let clock: TestClock;
  let org: Org;

  beforeAll(async () => {
    clock = testClock();
    t = await buildTestApp(dialect, {}, { clock });
    org = await seedOrg(t.app);
  });
  afterAll(() => t.close());

  async function auditActions(accountId: string): Promise<string[]> {
    const rows = await t.app.db.kysely
      .selectFrom("audit_entry")
      .select(["action", "result"])
      .where("object_id", "=", accountId)
      .orderBy("seq")
      .execute();
    return rows.map((r) => `${r.action}:${r.result}`);
  }

  it("signs in with a password, sets a hardened cookie, and answers /api/me", async () => {
    const account = await createTestAccount(t.app, { username: "zhangsan", unitId: org.a.id });
    const client = new Client(t.app);
    const res = await client.post("/api/auth/login", { username: "ZhangSan", password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pending: [] });
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^baomi_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const me = await client.get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      account: { username: "zhangsan", adminRole: null },
      person: { unitId: org.a.id },
      pending: [],
    });
    expect(await auditActions(account.id)).toContain("auth.login:success");
  });

  it("uses the __Host- cookie with Secure over HTTPS behind a trusted proxy", async () => {
    const proxied = await buildTestApp(dialect, { trustProxy: true });
    try {
      await seedOrg(proxied.app);
      await createTestAccount(proxied.app, { username: "lisi" });
      const res = await proxied.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "lisi", password: PASSWORD },
        headers: { "x-forwarded-proto": "https" },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers["set-cookie"])).toMatch(
        /^__Host-baomi_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Secure$/,
      );
    } finally {
      await proxied.close();
    }
  });

  it("refuses a wrong password and an unknown user with the same message", async () => {
    await createTestAccount(t.app, { username: "wangwu" });
    const wrong = await new Client(t.app).post("/api/auth/login", { username: "wangwu", password: "not-the-password" });
    const unknown = await new Client(t.app).post("/api/auth/login", {
      username: "nobody",
      password: "not-the-password",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: "UNAUTHENTICATED", message: "用户名或密码错误" });
  });

  it("locks the account after 5 failures for 10 minutes, whatever X-Forwarded-For says, then lets it in", async () => {
    const account = await createTestAccount(t.app, { username: "zhaoliu" });
    for (let i = 0; i < 101; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "zhaoliu", password: `guess-${i}` },
        headers: { "x-forwarded-for": `10.0.${i % 250}.${i}` },
      });
      expect([401, 423, 429]).toContain(res.statusCode);
    }
    const right = await new Client(t.app).post("/api/auth/login", { username: "zhaoliu", password: PASSWORD });
    expect([423, 429]).toContain(right.statusCode);
    expect(await auditActions(account.id)).toContain("auth.lockout:success");
    clock.advance(10 * 60_000 + 1000);
    const later = await new Client(t.app).post("/api/auth/login", { username: "zhaoliu", password: PASSWORD });
    expect(later.statusCode).toBe(200);
  });

  it("says until when an account is locked", async () => {
    await createTestAccount(t.app, { username: "sunqi" });
    for (let i = 0; i < 5; i++)
      await new Client(t.app).post("/api/auth/login", { username: "sunqi", password: "wrong-one" });
    const res = await new Client(t.app).post("/api/auth/login", { username: "sunqi", password: PASSWORD });
    expect(res.statusCode).toBe(423);
    expect(res.json<{ message: string }>().message).toMatch(/账号已锁定至 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}（北京时间）/);
  });

  it("issues a new token at login and kills the old cookie at logout", async () => {
    const account = await createTestAccount(t.app, { username: "zhouba" });
    const client = await signIn(t.app, account);
    const first = client.cookie;
    const again = await client.post("/api/auth/login", { username: "zhouba", password: PASSWORD });
    expect(again.statusCode).toBe(200);
    expect(client.cookie).not.toBe(first);
    // The cookie presented at the second login was ended (no session fixation).
    const stale = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: first ?? "" } });
    expect(stale.statusCode).toBe(401);
    const current = client.cookie;
    const out = await client.post("/api/auth/logout");
    expect(out.statusCode).toBe(204);
    expect(out.headers["clear-site-data"]).toBe('"cache", "cookies"');
    expect(String(out.headers["set-cookie"])).toContain("Max-Age=0");
    const dead = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: current ?? "" } });
    expect(dead.statusCode).toBe(401);
    expect(await auditActions(account.id)).toEqual(expect.arrayContaining(["auth.login:success"]));
  });

  it("ends a session after 30 idle minutes and after 12 hours in all", async () => {
    const account = await createTestAccount(t.app, { username: "wujiu" });
    const client = await signIn(t.app, account);
    clock.advance(29 * 60_000);
    expect((await client.get("/api/me")).statusCode).toBe(200);
    clock.advance(29 * 60_000);
    expect((await client.get("/api/me")).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const idle = await client.get("/api/me");
    expect(idle.statusCode).toBe(401);
    expect(idle.json()).toMatchObject({ message: "会话已结束，请重新登录" });

    const busy = await signIn(t.app, account);
    for (let hour = 0; hour < 12 * 4; hour++) {
      clock.advance(15 * 60_000);
      const res = await busy.get("/api/me");
      if (hour < 12 * 4 - 1) expect(res.statusCode, `after ${(hour + 1) * 15} minutes`).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
  });

  it("requires the TOTP step when enrolled, accepts each code once, and rotates the token", async () => {
    const account = await createTestAccount(t.app, { username: "zhengshi", totp: true });
    const client = new Client(t.app);
    const login = await client.post("/api/auth/login", { username: "zhengshi", password: PASSWORD });
    expect(login.json()).toMatchObject({ pending: ["totp"] });
    const halfCookie = client.cookie;
    expect((await client.get("/api/units")).statusCode).toBe(403);
    const code = totpCodeAt(account.totpSecret ?? "", totpStep(clock()));
    expect((await client.post("/api/auth/totp", { code: "000000" })).statusCode).toBe(401);
    const ok = await client.post("/api/auth/totp", { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ pending: [] });
    expect(client.cookie).not.toBe(halfCookie);
    // The same code again, in a new sign-in, is refused (replay).
    const replay = new Client(t.app);
    await replay.post("/api/auth/login", { username: "zhengshi", password: PASSWORD });
    expect((await replay.post("/api/auth/totp", { code })).statusCode).toBe(401);
  });

  it("walks a new account through the one-time password change", async () => {
    const account = await createTestAccount(t.app, { username: "fengyi", mustChange: true });
    const client = new Client(t.app);
    const login = await client.post("/api/auth/login", { username: "fengyi", password: PASSWORD });
    expect(login.json()).toMatchObject({ pending: ["passwordChange"] });
    const blocked = await client.get("/api/me/sessions");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ details: { pending: ["passwordChange"] } });
    const cases: [string, string, string][] = [
      ["short1", "body.newPassword", "至少需要 8 个字符"],
      ["password123", "body.newPassword", "过于常见"],
      ["fengyi-2027!", "body.newPassword", "不能包含用户名"],
      [PASSWORD, "body.newPassword", "不能与当前密码相同"],
    ];
    for (const [newPassword, field, message] of cases) {
      const res = await client.post("/api/me/password", { currentPassword: PASSWORD, newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json()).toMatchObject({ details: { issues: [{ field }] } });
      expect(res.json<{ message: string }>().message).toContain(message);
    }
    const wrongCurrent = await client.post("/api/me/password", {
      currentPassword: "nope",
      newPassword: "一个足够长的新密码",
    });
    expect(wrongCurrent.json()).toMatchObject({ details: { issues: [{ field: "body.currentPassword" }] } });
    const before = client.cookie;
    const changed = await client.post("/api/me/password", {
      currentPassword: PASSWORD,
      newPassword: "一个足够长的新密码",
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ pending: [] });
    expect(client.cookie).not.toBe(before);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: before ?? "" } })).statusCode).toBe(
      401,
    );
    expect((await client.get("/api/me")).statusCode).toBe(200);
    expect(await auditActions(account.id)).toContain("account.password.change:success");
  });

  it("enrols TOTP with recovery codes, each usable once", async () => {
    const account = await createTestAccount(t.app, { username: "chener" });
    const client = await signIn(t.app, account);
    const setup = await client.post("/api/me/totp/setup");
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json<{ secret: string; uri: string }>();
    expect(uri).toContain("otpauth://totp/");
    expect((await client.post("/api/me/totp/confirm", { code: "123456" })).statusCode).toBe(400);
    const confirm = await client.post("/api/me/totp/confirm", { code: totpCodeAt(secret, totpStep(clock())) });
    expect(confirm.statusCode).toBe(200);
    const { codes } = confirm.json<{ codes: string[] }>();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const next = new Client(t.app);
    expect((await next.post("/api/auth/login", { username: "chener", password: PASSWORD })).json()).toMatchObject({
      pending: ["totp"],
    });
    expect((await next.post("/api/auth/totp", { code: codes[0] })).statusCode).toBe(200);
    const again = new Client(t.app);
    await again.post("/api/auth/login", { username: "chener", password: PASSWORD });
    expect((await again.post("/api/auth/totp", { code: codes[0] })).statusCode).toBe(401);
    expect(await auditActions(account.id)).toEqual(
      expect.arrayContaining(["account.totp.enable:success", "auth.totp:success"]),
    );
  });

  it("requires administrators to enrol TOTP and never lets them turn it off", async () => {
    await createTestAccount(t.app, { username: "admin-new", adminRole: "AUDITOR" });
    await t.app.db.kysely
      .updateTable("account")
      .set({ totp_secret: null })
      .where("username", "=", "admin-new")
      .execute();
    const client = new Client(t.app);
    const login = await client.post("/api/auth/login", { username: "admin-new", password: PASSWORD });
    expect(login.json()).toMatchObject({ pending: ["totpEnrollment"] });
    expect((await client.get("/api/audit-entries")).statusCode).toBe(403);
    const { secret } = (await client.post("/api/me/totp/setup")).json<{ secret: string }>();
    expect(
      (await client.post("/api/me/totp/confirm", { code: totpCodeAt(secret, totpStep(clock())) })).statusCode,
    ).toBe(200);
    expect((await client.get("/api/audit-entries")).statusCode).toBe(200);
    const off = await client.post("/api/me/totp/disable", { password: PASSWORD });
    expect(off.statusCode).toBe(403);
    expect(off.json<{ message: string }>().message).toContain("要求必须启用两步验证");
  });

  it("lists and ends one's own sessions; a password change ends the others", async () => {
    const account = await createTestAccount(t.app, { username: "weisan" });
    const one = await signIn(t.app, account);
    const two = await signIn(t.app, account);
    const list = (await one.get("/api/me/sessions")).json<{ items: { id: string; current: boolean }[] }>();
    expect(list.items).toHaveLength(2);
    const other = list.items.find((s) => !s.current);
    expect((await one.request("DELETE", `/api/me/sessions/${other?.id ?? ""}`)).statusCode).toBe(204);
    expect((await two.get("/api/me")).statusCode).toBe(401);
    const three = await signIn(t.app, account);
    await one.post("/api/me/password", { currentPassword: PASSWORD, newPassword: "换一个新的长密码" });
    expect((await three.get("/api/me")).statusCode).toBe(401);
    expect((await one.get("/api/me")).statusCode).toBe(200);
  });
});
