import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inForce, isCalendarDate, overlap } from "./dated.js";

const day = fc
  .integer({ min: 0, max: 20_000 })
  .map((n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10));
const range = fc
  .tuple(day, fc.option(day, { nil: null }))
  .map(([a, b]) => (b !== null && b < a ? { startsOn: b, endsOn: a } : { startsOn: a, endsOn: b }));

describe("dated records", () => {
  it("overlap exactly when some day is in force in both", () => {
    fc.assert(
      fc.property(range, range, day, (a, b, probe) => {
        if (inForce(a, probe) && inForce(b, probe)) return overlap(a, b);
        return true;
      }),
    );
    fc.assert(fc.property(range, range, (a, b) => overlap(a, b) === overlap(b, a)));
  });

  it("treat the end date as inclusive", () => {
    expect(inForce({ startsOn: "2027-01-01", endsOn: "2027-06-30" }, "2027-06-30")).toBe(true);
    expect(inForce({ startsOn: "2027-01-01", endsOn: "2027-06-30" }, "2027-07-01")).toBe(false);
    expect(overlap({ startsOn: "2027-01-01", endsOn: "2027-06-30" }, { startsOn: "2027-06-30", endsOn: null })).toBe(
      true,
    );
    expect(overlap({ startsOn: "2027-01-01", endsOn: "2027-06-29" }, { startsOn: "2027-06-30", endsOn: null })).toBe(
      false,
    );
  });

  it("knows real dates, leap years included", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2027-13-01")).toBe(false);
    expect(isCalendarDate("27-01-01")).toBe(false);
  });
});
