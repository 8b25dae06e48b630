import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateIn } from "./calendar.js";

describe("dateIn", () => {
  it("agrees with the time-zone database for Asia/Shanghai", () => {
    const intl = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (ms) => dateIn(new Date(ms)) === intl.format(new Date(ms)),
      ),
      { numRuns: 2000 },
    );
  });

  it("turns the day at 16:00 UTC", () => {
    expect(dateIn(new Date("2027-02-28T15:59:59.999Z"))).toBe("2027-02-28");
    expect(dateIn(new Date("2027-02-28T16:00:00.000Z"))).toBe("2027-03-01");
    expect(dateIn(new Date("2027-02-28T16:00:00.000Z"), "UTC")).toBe("2027-02-28");
  });
});
