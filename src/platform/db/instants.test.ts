import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromInstant, isInstant, toInstant } from "./instants.js";

const MIN = new Date("1970-01-01T00:00:00.000Z").getTime();
const MAX = new Date("9999-12-31T23:59:59.999Z").getTime();
const dates = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms));

describe("instants", () => {
  it("round-trip every date to the millisecond", () => {
    fc.assert(fc.property(dates, (date) => fromInstant(toInstant(date)).getTime() === date.getTime()));
  });

  it("sort as text in time order", () => {
    fc.assert(
      fc.property(dates, dates, (a, b) => {
        const byText = toInstant(a) < toInstant(b);
        return byText === a.getTime() < b.getTime();
      }),
    );
  });

  it("refuse text that is not in the stored form", () => {
    for (const bad of [
      "2026-11-27",
      "2026-11-27T04:16:17Z",
      "2026-11-27T12:16:17.000+08:00",
      "2026-13-01T00:00:00.000Z",
    ]) {
      expect(isInstant(bad)).toBe(false);
      expect(() => fromInstant(bad)).toThrow(RangeError);
    }
    expect(() => toInstant(new Date(NaN))).toThrow(RangeError);
  });
});
