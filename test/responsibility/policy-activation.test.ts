import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activatePolicy, activePolicy } from "../../src/features/policy/active-policy.js";
import { defaultPolicyPath } from "../../src/platform/policy/load-policy.js";
import { testDialects } from "../databases.js";
import { buildTestApp, type TestApp } from "../harness.js";

const console_ = {
  actor: { accountId: null, username: "console", role: null, unitId: null },
  sourceIp: null,
  requestId: null,
};

describe.each(testDialects)("activating implementing rules on %s", (dialect) => {
  let t: TestApp;
  const seed = fs.readFileSync(defaultPolicyPath(), "utf8");
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it("serves the shipped seed until a version is activated, then the newest, keeping every version", async () => {
    expect((await activePolicy(t.app.db.kysely)).versionId).toBeNull();
    const v1 = await activatePolicy(t.app.db.kysely, t.app.audit, seed, console_, new Date());
    expect((await activePolicy(t.app.db.kysely)).versionId).toBe(v1.id);
    const v2text = seed.replace(/^version: 1$/m, "version: 2").replace("preamble:", "# revised\npreamble:");
    const v2 = await activatePolicy(t.app.db.kysely, t.app.audit, v2text, console_, new Date());
    const active = await activePolicy(t.app.db.kysely);
    expect(active.versionId).toBe(v2.id);
    expect(active.policy.version).toBe(2);
    const kept = await t.app.db.kysely.selectFrom("policy_version").select("version").orderBy("version").execute();
    expect(kept.map((r) => r.version)).toEqual([1, 2]);
    const audited = await t.app.db.kysely
      .selectFrom("audit_entry")
      .select("action")
      .where("action", "=", "policy.activate")
      .execute();
    expect(audited).toHaveLength(2);
  });

  it("refuses the same version twice and an invalid file with its line, changing nothing", async () => {
    await expect(activatePolicy(t.app.db.kysely, t.app.audit, seed, console_, new Date())).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const broken = seed.replace(/^title: /m, "titel: ");
    await expect(activatePolicy(t.app.db.kysely, t.app.audit, broken, console_, new Date())).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: {
        errors: expect.arrayContaining([expect.objectContaining({ line: expect.any(Number) as number })]) as unknown,
      },
    });
    const count = await t.app.db.kysely
      .selectFrom("policy_version")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });
});
