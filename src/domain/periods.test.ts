import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cadence } from "./policy/schema.js";
import {
  addDays,
  addMonths,
  defaultSemesters,
  eventDeadline,
  expiryReminderOn,
  halves,
  nextPersonalDue,
  periodsInYear,
  semestersBeginningIn,
  windowPeriod,
} from "./periods.js";

const year = fc.integer({ min: 1995, max: 2200 });
const date = fc
  .integer({ min: 0, max: 80_000 })
  .map((n) => new Date(Date.UTC(1995, 0, 1 + n)).toISOString().slice(0, 10));
const calendar = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => defaultSemesters(from + i)).flat();

describe("calendar periods", () => {
  it("halves cover every day of a year exactly once", () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 0, max: 365 }), (y, n) => {
        const day = addDays(`${y}-01-01`, n);
        if (!day.startsWith(`${y}-`)) return true;
        return halves(y).filter((h) => h.startsOn <= day && day <= h.endsOn).length === 1;
      }),
    );
  });

  it("places the year windows inside the year, in order", () => {
    fc.assert(
      fc.property(year, (y) => {
        const [start, mid, end] = (["start", "mid", "end"] as const).map((w) => windowPeriod(y, w));
        return (
          Boolean(start && mid && end) &&
          `${y}-01-01` <= start!.startsOn &&
          start!.endsOn < mid!.startsOn &&
          mid!.endsOn < end!.startsOn &&
          end!.endsOn <= `${y}-12-31`
        );
      }),
    );
  });

  it("gives two semesters beginning in each year, spring then autumn, never overlapping", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (y) => {
        const found = semestersBeginningIn(y, calendar(y - 2, y + 1));
        const [spring, autumn] = found;
        return (
          found.length === 2 &&
          spring!.id === `${y - 1}-${y}-2` &&
          autumn!.id === `${y}-${y + 1}-1` &&
          spring!.endsOn < autumn!.startsOn
        );
      }),
    );
  });

  it("turns the seed's cadences into the 2027 periods the issue expects", () => {
    const semesters = calendar(2025, 2028);
    const regularMeeting = periodsInYear({ every: "semester" }, 2027, semesters);
    expect(regularMeeting.map((p) => [p.id, p.label.zh, p.endsOn])).toEqual([
      ["2026-2027-2", "2026—2027学年第二学期", "2027-07-10"],
      ["2027-2028-1", "2027—2028学年第一学期", "2028-01-20"],
    ]);
    expect(periodsInYear({ every: "half" }, 2027, semesters).map((p) => p.id)).toEqual(["2027-H1", "2027-H2"]);
    expect(periodsInYear({ every: "year", window: "start" }, 2027, semesters)).toMatchObject([
      { id: "2027-start", endsOn: "2027-03-31", label: { zh: "2027年年初" } },
    ]);
    expect(periodsInYear({ every: "year", window: "mid" }, 2027, semesters)).toMatchObject([{ endsOn: "2027-08-31" }]);
    expect(periodsInYear({ every: "year", window: "end" }, 2027, semesters)).toMatchObject([{ endsOn: "2027-12-31" }]);
    for (const cadence of [
      { every: "continuous" },
      { every: "event", event: "leakIncident", withinHours: 24 },
    ] as Cadence[]) {
      expect(periodsInYear(cadence, 2027, semesters)).toEqual([]);
    }
  });
});

describe("date arithmetic", () => {
  it("adds months clamping to the month's end, leap years included", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2027-12-15", 3)).toBe("2028-03-15");
    expect(addMonths("2027-03-31", -1)).toBe("2027-02-28");
  });

  it("never moves a date by more than the months asked, and keeps the day when it exists", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -120, max: 120 }), (d, n) => {
        const moved = addMonths(d, n);
        const [y1, m1, d1] = d.split("-").map(Number) as [number, number, number];
        const [y2, m2, d2] = moved.split("-").map(Number) as [number, number, number];
        const monthsApart = (y2 - y1) * 12 + (m2 - m1);
        return monthsApart === n && d2 <= d1 && (d2 === d1 || d2 >= 28);
      }),
    );
  });

  it("adds days across months and years", () => {
    fc.assert(fc.property(date, fc.integer({ min: -1000, max: 1000 }), (d, n) => addDays(addDays(d, n), -n) === d));
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("schedules per-person checks by tier, event deadlines by hours, expiry reminders three months ahead", () => {
    const cadence = { every: "person", months: { CORE: 3, IMPORTANT: 6, GENERAL: 12 } } as const;
    expect(nextPersonalDue(cadence, "CORE", "2027-01-15")).toBe("2027-04-15");
    expect(nextPersonalDue(cadence, "GENERAL", "2027-01-15")).toBe("2028-01-15");
    expect(eventDeadline(new Date("2027-05-01T10:00:00Z"), 24).toISOString()).toBe("2027-05-02T10:00:00.000Z");
    expect(expiryReminderOn("2030-05-31")).toBe("2030-02-28");
  });
});
