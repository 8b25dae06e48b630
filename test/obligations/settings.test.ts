/**
 * The engine's settings: the secrecy office moves the year windows and the timings (the next materialization and
 * the statuses follow; history does not move), the system administrator keeps the webhooks (a secret is never shown
 * and survives a save without it; robot tokens are hidden from the office; a test message reaches a real server),
 * and people's e-mail addresses are validated. Bad input names the field and changes nothing.
 */
import http from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { createTestAccount, signIn, type Client } from "../factories.js";
import { type ErrorJson, listAll, obligationWorld, type ObligationWorld } from "./fixtures.js";

interface SettingsJson {
  windows: Record<"start" | "mid" | "end", { from: string; to: string }>;
  timings: { dueSoonDays: number; escalationDays: number };
  webhooks: { name: string | null; url: string; format: string; hasSecret: boolean }[];
}

const schedule = (mid: { from: string; to: string }, dueSoonDays = 14) => ({
  windows: { start: { from: "01-01", to: "03-31" }, mid, end: { from: "11-01", to: "12-31" } },
  timings: { dueSoonDays, escalationDays: 7 },
});

describe.each(testDialects)("obligation settings on %s", (dialect) => {
  let w: ObligationWorld;
  let sysadmin: Client;
  let received: { body: unknown; headers: http.IncomingHttpHeaders }[] = [];
  let server: http.Server;
  let hookUrl = "";

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    const admin = await createTestAccount(w.app, { username: "o-sysadmin", adminRole: "SYS_ADMIN" });
    sysadmin = await signIn(w.app, admin);
    server = http.createServer((req, res) => {
      let data = "";
      req.on("data", (chunk: Buffer) => (data += chunk.toString()));
      req.on("end", () => {
        received.push({ body: JSON.parse(data) as unknown, headers: req.headers });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?access_token=t0ken`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await w.t.close();
  });

  it("moves the mid-year window: the next materialization moves the untouched obligation with it", async () => {
    await w.materialize(2027);
    const office = await w.as("office");
    const before = await listAll(office, "?dutyId=art12.2.mid-year-supervision&year=2027");
    expect(before.map((o) => o.dueOn)).toEqual(["2027-08-31"]);
    const saved = await office.request(
      "PUT",
      "/api/obligation-settings/schedule",
      schedule({ from: "07-01", to: "09-30" }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<SettingsJson>().windows.mid).toEqual({ from: "07-01", to: "09-30" });
    await w.materialize(2027);
    const after = await listAll(office, "?dutyId=art12.2.mid-year-supervision&year=2027");
    expect(after.map((o) => o.dueOn)).toEqual(["2027-09-30"]);
    const audit = await w.app.db.kysely
      .selectFrom("audit_entry")
      .select("result")
      .where("action", "=", "obligationSettings.schedule")
      .execute();
    expect(audit).toEqual([{ result: "success" }]);
  });

  it("lengthens the lead time: more obligations read as due soon", async () => {
    const office = await w.as("office");
    w.setDay("2027-03-01");
    const soon14 = (await listAll(office, "?status=dueSoon&year=2027")).length;
    await office.request("PUT", "/api/obligation-settings/schedule", schedule({ from: "07-01", to: "09-30" }, 45));
    const soon45 = (await listAll(office, "?status=dueSoon&year=2027")).length;
    expect(soon45).toBeGreaterThan(soon14);
    await office.request("PUT", "/api/obligation-settings/schedule", schedule({ from: "06-01", to: "08-31" }, 14));
  });

  it.each([
    [schedule({ from: "13-01", to: "08-31" }), "body.windows.mid.from"],
    [schedule({ from: "08-01", to: "07-31" }), "body.windows.mid.to"],
    [schedule({ from: "06-01", to: "08-31" }, 0), "body.timings.dueSoonDays"],
    [schedule({ from: "02-29", to: "08-31" }), "body.windows.mid.from"],
    [schedule({ from: "06-01", to: "06-31" }), "body.windows.mid.to"],
  ])("refuses a bad schedule, naming the field, changing nothing (%#)", async (body, field) => {
    const office = await w.as("office");
    const before = await office.get("/api/obligation-settings");
    const res = await office.request("PUT", "/api/obligation-settings/schedule", body);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().details.issues?.map((i) => i.field)).toContain(field);
    expect((await office.get("/api/obligation-settings")).body).toBe(before.body);
  });

  it("keeps the webhooks: secrets never shown and kept on a save without them, tokens hidden from the office", async () => {
    const first = await sysadmin.request("PUT", "/api/obligation-settings/webhooks", {
      webhooks: [{ name: "保密办群", url: hookUrl, format: "generic", secret: "s3cret" }],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.body).not.toContain("s3cret");
    expect(first.json<SettingsJson>().webhooks).toEqual([
      { name: "保密办群", url: hookUrl, format: "generic", hasSecret: true },
    ]);
    const again = await sysadmin.request("PUT", "/api/obligation-settings/webhooks", {
      webhooks: [{ name: "保密办群", url: hookUrl, format: "generic" }],
    });
    expect(again.json<SettingsJson>().webhooks[0]?.hasSecret).toBe(true);
    const asOffice = (await (await w.as("office")).get("/api/obligation-settings")).json<SettingsJson>();
    expect(asOffice.webhooks[0]?.url).not.toContain("t0ken");
    const bad = await sysadmin.request("PUT", "/api/obligation-settings/webhooks", {
      webhooks: [{ url: "ftp://x", format: "generic" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorJson>().details.issues?.[0]?.field).toBe("body.webhooks.0.url");
    const twice = await sysadmin.request("PUT", "/api/obligation-settings/webhooks", {
      webhooks: [
        { url: hookUrl, format: "generic" },
        { url: hookUrl, format: "dingtalk" },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<ErrorJson>().details.issues?.[0]?.field).toBe("body.webhooks.1.url");
    const cleared = await sysadmin.request("PUT", "/api/obligation-settings/webhooks", {
      webhooks: [{ url: hookUrl, format: "generic", secret: null }],
    });
    expect(cleared.json<SettingsJson>().webhooks[0]?.hasSecret).toBe(false);
    await sysadmin.request("PUT", "/api/obligation-settings/webhooks", {
      webhooks: [{ name: "保密办群", url: hookUrl, format: "generic", secret: "s3cret" }],
    });
  });

  it("sends a test message to each webhook, signed with its secret", async () => {
    received = [];
    const res = await sysadmin.post("/api/obligation-settings/webhooks/test");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ results: { ok: boolean; url: string }[] }>().results).toEqual([
      { url: expect.not.stringContaining("t0ken") as string, ok: true, error: null },
    ]);
    expect(received).toHaveLength(1);
    expect(received[0]?.body).toMatchObject({ title: "【测试】保密工作责任制管理平台" });
    expect(received[0]?.headers["x-baomi-signature"]).toMatch(/^sha256=/);
  });

  it("keeps people's e-mail addresses, validated", async () => {
    const office = await w.as("office");
    const person = w.people.headB;
    const ok = await office.request("PATCH", `/api/people/${person}`, { email: "zhouyz@gdpt.edu.cn" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ email: string }>().email).toBe("zhouyz@gdpt.edu.cn");
    const bad = await office.request("PATCH", `/api/people/${person}`, { email: "not-an-address" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorJson>().details.issues?.[0]).toMatchObject({ field: "body.email" });
    const row = await w.app.db.kysely.selectFrom("person").select("email").where("id", "=", person).executeTakeFirst();
    expect(row?.email).toBe("zhouyz@gdpt.edu.cn");
  });
});
