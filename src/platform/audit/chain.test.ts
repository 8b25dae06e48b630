import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { GENESIS_HASH, entryHash, hashedText, type ChainedFields } from "./chain.js";

const tricky = fc.constantFrom(
  '"',
  "\\",
  "\u0000",
  "\u001f",
  "\n",
  "\ud800",
  "\udc00x",
  "😀",
  "\u2028",
  "\u007f",
  "保密",
);
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ maxLength: 8 }),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 4 }).map((parts) => parts.join("")),
);
const nullable = fc.option(text, { nil: null });
const fields: fc.Arbitrary<ChainedFields> = fc.record({
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  id: text,
  at: fc.constant("2027-03-01T08:00:00.000Z"),
  actor_account_id: nullable,
  actor_username: nullable,
  actor_role: nullable,
  unit_id: nullable,
  action: text,
  object_type: nullable,
  object_id: nullable,
  result: fc.constantFrom("success" as const, "failure" as const, "denied" as const),
  source_ip: nullable,
  request_id: nullable,
  details: text,
  prev_hash: fc.stringMatching(/^[0-9a-f]{64}$/),
});

const example: ChainedFields = {
  seq: 1,
  id: "0190c8a0-0000-7000-8000-000000000001",
  at: "2027-03-01T08:00:00.000Z",
  actor_account_id: "acct-1",
  actor_username: "张三",
  actor_role: "SYS_ADMIN",
  unit_id: null,
  action: "auth.login",
  object_type: null,
  object_id: null,
  result: "success",
  source_ip: "192.0.2.1",
  request_id: "req-1",
  details: '{"method":"password"}',
  prev_hash: GENESIS_HASH,
};

describe("hash chain", () => {
  it("hashes exactly the canonical JSON of every column but hash", () => {
    fc.assert(
      fc.property(fields, (f) => hashedText(f) === canonicalJson({ ...f })),
      { numRuns: 2000 },
    );
  });

  it("keeps the hash of a known entry fixed (changing the format breaks every stored chain)", () => {
    expect(GENESIS_HASH).toBe("0".repeat(64));
    expect(entryHash(example)).toBe(entryHash({ ...example }));
    expect(entryHash(example)).toMatchInlineSnapshot(
      `"40f4797fab0412accbc41b86e878de6be112c0ab39ffbc296db1305991f5e2a1"`,
    );
  });

  it("changes the hash when any one column changes", () => {
    const base = entryHash(example);
    for (const key of Object.keys(example) as (keyof ChainedFields)[]) {
      const value = example[key];
      const changed = { ...example, [key]: typeof value === "number" ? value + 1 : `${value ?? ""}x` };
      expect(entryHash(changed), key).not.toBe(base);
    }
  });

  it("refuses a seq that is not a safe integer", () => {
    expect(() => entryHash({ ...example, seq: 1.5 })).toThrow(TypeError);
  });
});
