import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";

/** JSON values canonical JSON accepts (no -0: JSON has no way to tell it from 0). */
const json = fc.jsonValue({ noUnicodeString: false }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** The same object with its keys inserted in a shuffled order, recursively. */
function reordered(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item, i) => reordered(item, seed + i));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const shuffled = entries
    .map((entry, i) => ({ entry, rank: (i * 2654435761 + seed) % 1000 }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ entry: [key, item] }) => [key, reordered(item, seed + 1)] as const);
  return Object.fromEntries(shuffled);
}

describe("canonicalJson", () => {
  it("does not depend on the order keys were inserted in", () => {
    fc.assert(
      fc.property(json, fc.nat(), (value, seed) => canonicalJson(value) === canonicalJson(reordered(value, seed))),
    );
  });

  it("reads back as the same value, unicode included", () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(value);
      }),
    );
    const text = '保密委员会 𠀀 ★ é \u2028 \u0000 "q" \\';
    expect(JSON.parse(canonicalJson({ text }))).toEqual({ text });
  });

  it("is idempotent and has no whitespace outside strings", () => {
    fc.assert(
      fc.property(json, (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
        expect(once.replace(/"(?:[^"\\]|\\.)*"/g, "")).not.toMatch(/\s/);
      }),
    );
  });

  it("sorts keys by UTF-16 code units, as RFC 8785 does", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], A: { z: 0, "\u20ac": 1, "\u{1F600}": 2, "\uFB33": 3 } })).toBe(
      '{"A":{"z":0,"\u20ac":1,"\u{1F600}":2,"\uFB33":3},"a":[true,null,"x"],"b":1}',
    );
    expect(canonicalJson({ n: [1e21, 0.1, -5, 1e-7] })).toBe('{"n":[1e+21,0.1,-5,1e-7]}');
  });

  it("leaves out undefined properties and refuses what has no single JSON form", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    for (const bad of [NaN, Infinity, 1n, new Date(0), new Map(), [undefined], () => 1, Symbol("s")]) {
      expect(() => canonicalJson({ bad })).toThrow(TypeError);
    }
  });
});
