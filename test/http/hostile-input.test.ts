import fc from "fast-check";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testDialects } from "../databases.js";
import { buildTestApp, type TestApp } from "../harness.js";

// Whatever a client sends, the answer is a 4xx (or a 2xx for what is valid) with the standard JSON error body:
// never a 5xx, never a stack trace, SQL or a path.
describe.each(testDialects)("hostile input on %s", (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.app.withTypeProvider<ZodTypeProvider>().post(
      "/api/test/echo",
      {
        config: { access: "public" },
        schema: {
          body: z.strictObject({ name: z.string().min(1).max(20), count: z.number().int().min(0) }),
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).optional() }),
        },
      },
      (request) => request.body,
    );
    await t.app.ready();
  });
  afterAll(() => t.close());

  const json = fc.jsonValue({ maxDepth: 4 });
  const hostileString = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      "'; drop table setting; --",
      "<script>alert(1)</script>",
      "../../etc/passwd",
      "\u0000",
      "机密★20年",
      "%00",
      "{{7*7}}",
    ),
  );

  it("answers any JSON body with 2xx or a 4xx error body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(json, fc.record({ name: hostileString, count: fc.anything() })), async (body) => {
        const res = await t.app.inject({
          method: "POST",
          url: "/api/test/echo",
          payload: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const error = res.json<{ code: string; message: string; details: unknown }>();
          expect(typeof error.code).toBe("string");
          expect(error.message.length).toBeGreaterThan(0);
          expect(res.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/src\//);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("answers any raw bytes, content type, method and path without a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
        fc.oneof(
          fc.constant("/api/test/echo"),
          fc.webPath().map((p) => `/api${p}`),
          hostileString.map((s) => `/api/${encodeURIComponent(s)}`),
        ),
        fc.oneof(
          fc.constant("application/json"),
          fc.constant("text/plain"),
          fc.constant("application/xml"),
          fc.string({ maxLength: 40 }),
        ),
        fc.uint8Array({ maxLength: 512 }),
        async (method, url, type, bytes) => {
          const res = await t.app.inject({
            method: method as "GET",
            url,
            payload: method === "GET" || method === "HEAD" ? undefined : Buffer.from(bytes),
            headers: { "content-type": type },
          });
          expect(res.statusCode).toBeLessThan(500);
          if (method !== "HEAD" && res.statusCode >= 400)
            expect(res.headers["content-type"]).toMatch(/^application\/json/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses wrong-typed query parameters naming them", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/test/echo?limit=abc&x=1",
      payload: { name: "a", count: 1 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ details: { issues: { field: string }[] } }>();
    expect(body.details.issues.map((i) => i.field).sort()).toEqual(["query.limit", "query.x"]);
  });
});
