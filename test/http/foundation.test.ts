import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { SECURITY_HEADERS } from "../../src/platform/http/security-headers.js";
import { testDialects } from "../databases.js";
import { buildTestApp, type TestApp } from "../harness.js";

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], name).toBe(value);
}

function expectCleanError(body: string): void {
  // Never a stack, a path on disk, SQL or HTML in an error body.
  expect(body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/work\/|\/src\/|select |insert |<html/i);
}

describe.each(testDialects)("platform foundation on %s", (dialect) => {
  let t: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-web-"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>保密</title><div id=root></div>");
    fs.mkdirSync(path.join(webDir, "assets"));
    fs.writeFileSync(path.join(webDir, "assets", "app-abc123.js"), "console.log(1)");
    t = await buildTestApp(dialect, { webDir, metrics: true });
    // A route with a strict body, standing in for the feature routes later issues add.
    t.app.withTypeProvider<ZodTypeProvider>().post(
      "/api/test/echo",
      {
        config: { access: "public" },
        schema: { body: z.strictObject({ name: z.string().min(1).max(20), count: z.number().int().min(0) }) },
      },
      (request) => request.body,
    );
    await t.app.ready();
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("answers liveness with the version and the time", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ status: string; version: string; time: string }>();
    expect(body.status).toBe("ok");
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Math.abs(Date.parse(body.time) - Date.now())).toBeLessThan(5_000);
    expectSecurityHeaders(res.headers);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("answers readiness with the database kind", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/ready" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready", database: dialect });
  });

  it("reports not ready when the database is gone", async () => {
    const other = await buildTestApp(dialect);
    await other.app.db.close();
    const res = await other.app.inject({ method: "GET", url: "/api/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: "NOT_READY", message: "数据库暂不可用" });
    expectCleanError(res.body);
    other.app.db.close = () => Promise.resolve();
    await other.close();
  });

  it("serves an OpenAPI 3 document generated from the routes", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/ready", "/api/test/echo"]));
  });

  it("gives every response a request id, and keeps a well-formed one from the caller", async () => {
    const fresh = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(fresh.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-request-id": "proxy-req-0001" },
    });
    expect(kept.headers["x-request-id"]).toBe("proxy-req-0001");
    const hostile = await t.app.inject({ method: "GET", url: "/api/health", headers: { "x-request-id": "<script>" } });
    expect(hostile.headers["x-request-id"]).not.toBe("<script>");
  });

  it("answers an unknown API path with a JSON 404, in Chinese by default and English on request", async () => {
    const zh = await t.app.inject({ method: "GET", url: "/api/no/such/thing" });
    expect(zh.statusCode).toBe(404);
    expect(zh.headers["content-type"]).toMatch(/^application\/json/);
    expect(zh.json()).toEqual({ code: "NOT_FOUND", message: "请求的接口不存在", details: {} });
    expectSecurityHeaders(zh.headers);
    const en = await t.app.inject({ method: "DELETE", url: "/api/no", headers: { "accept-language": "en-US" } });
    expect(en.statusCode).toBe(404);
    expect(en.json()).toMatchObject({ code: "NOT_FOUND", message: "No such API endpoint" });
  });

  it("refuses malformed JSON, a wrong content type, an empty JSON body and an oversized body with 4xx JSON", async () => {
    const cases = [
      {
        payload: "{bad",
        type: "application/json",
        status: 400,
        code: "MALFORMED_REQUEST",
        zh: "请求体不是合法的 JSON",
      },
      {
        payload: "name=x",
        type: "application/x-www-form-urlencoded",
        status: 415,
        code: "UNSUPPORTED_MEDIA_TYPE",
        zh: "application/json",
      },
      { payload: "hello", type: "text/plain", status: 415, code: "UNSUPPORTED_MEDIA_TYPE", zh: "不支持该内容类型" },
      { payload: "", type: "application/json", status: 400, code: "MALFORMED_REQUEST", zh: "为空" },
      {
        payload: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024), count: 1 }),
        type: "application/json",
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
        zh: "请求体过大",
      },
    ];
    for (const c of cases) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/test/echo",
        payload: c.payload,
        headers: { "content-type": c.type },
      });
      expect(res.statusCode, c.type).toBe(c.status);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      const body = res.json<{ code: string; message: string }>();
      expect(body.code).toBe(c.code);
      expect(body.message).toContain(c.zh);
      expectSecurityHeaders(res.headers);
      expectCleanError(res.body);
    }
  });

  it("refuses unknown fields and prototype pollution, naming the field", async () => {
    const extra = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      payload: { name: "a", count: 1, role: "admin" },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { issues: [{ field: "body.role", message: "body：不允许的字段“role”" }] },
    });
    const proto = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      payload: '{"name":"a","count":1,"__proto__":{"admin":true}}',
      headers: { "content-type": "application/json" },
    });
    expect(proto.statusCode).toBe(400);
    expect(proto.json<{ message: string }>().message).toContain("__proto__");
  });

  it("explains each invalid field in Chinese, and in English on request", async () => {
    const zh = await t.app.inject({ method: "POST", url: "/api/test/echo", payload: { name: "", count: -1 } });
    expect(zh.statusCode).toBe(400);
    const body = zh.json<{ message: string; details: { issues: { field: string; message: string }[] } }>();
    expect(body.message).toBe("请求参数有误：body.name：不能为空");
    expect(body.details.issues.map((i) => i.field)).toEqual(["body.name", "body.count"]);
    const en = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      payload: { count: 1.5 },
      headers: { "accept-language": "en" },
    });
    expect(en.json<{ message: string }>().message).toBe("Invalid request: body.name: is required");
    const ok = await t.app.inject({ method: "POST", url: "/api/test/echo", payload: { name: "保密", count: 2 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ name: "保密", count: 2 });
  });

  it("serves the web UI with history fallback, and keeps missing files and API misses as 404", async () => {
    for (const url of ["/", "/org", "/committee/meetings/123?tab=minutes"]) {
      const res = await t.app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body).toContain("<title>保密</title>");
      expectSecurityHeaders(res.headers);
    }
    const asset = await t.app.inject({ method: "GET", url: "/assets/app-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    const missing = await t.app.inject({ method: "GET", url: "/assets/missing.js" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "NOT_FOUND" });
    const traversal = await t.app.inject({ method: "GET", url: "/..%2f..%2fetc%2fpasswd" });
    expect(traversal.body).not.toContain("root:");
  });

  it("exposes Prometheus metrics when enabled", async () => {
    await t.app.inject({ method: "GET", url: "/api/health" });
    const res = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      'baomi_http_request_duration_seconds_count{method="GET",route="/api/health",status="200"}',
    );
    expect(res.body).toContain("baomi_process_resident_memory_bytes");
  });
});

describe.each(testDialects)("metrics switched off on %s", (dialect) => {
  it("is a 404", async () => {
    const t = await buildTestApp(dialect);
    try {
      const res = await t.app.inject({ method: "GET", url: "/metrics" });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await t.close();
    }
  });
});
