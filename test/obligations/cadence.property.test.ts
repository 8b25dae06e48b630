/**
 * Properties of the calendars and of status and escalation (src/domain/periods.ts, src/domain/obligation.ts):
 * per-person slots lie in their year by due date and tile the calendar, halves and windows stay in their year,
 * semesters are picked by the year they begin in, escalation climbs monotonically within the chain and never asks
 * anyone twice, and the status of a day agrees with the SQL-side bounds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIMINGS,
  escalationLevel,
  escalationSteps,
  OBLIGATION_STATUSES,
  statusBounds,
  statusOf,
} from "../../src/domain/obligation.js";
import {
  addDays,
  defaultSemesters,
  halves,
  periodsInYear,
  personalPeriodsInYear,
  type Semester,
  semestersBeginningIn,
  windowPeriod,
  type YearWindows,
} from "../../src/domain/periods.js";
import { CHAIN_LEVELS } from "../../src/domain/responsibility.js";

const year = fc.integer({ min: 2000, max: 2199 });
const months = fc.integer({ min: 1, max: 36 });
const DIVISORS = [1, 2, 3, 4, 6, 12];
const date = fc
  .integer({ min: 0, max: 70_000 })
  .map((n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10));
const timings = fc.record({
  dueSoonDays: fc.integer({ min: 0, max: 90 }),
  escalationDays: fc.integer({ min: 1, max: 60 }),
});
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

describe("per-person slots (personalPeriodsInYear)", () => {
  it("puts every slot in its year by its due date, each due on its last day, in order", () => {
    fc.assert(
      fc.property(months, year, (m, y) => {
        const slots = personalPeriodsInYear(m, y);
        for (const s of slots) {
          expect(s.endsOn.startsWith(`${y}-`)).toBe(true);
          expect(s.startsOn <= s.endsOn).toBe(true);
          expect(s.kind).toBe("person");
          expect(s.id).toBe(`${s.endsOn.slice(0, 7)}-P${m}`);
        }
        expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length);
      }),
    );
  });

  it("tiles consecutive years without gap or overlap, every slot starting on a month's first day", () => {
    fc.assert(
      fc.property(months, fc.integer({ min: 2000, max: 2190 }), (m, y) => {
        const slots = [0, 1, 2, 3, 4, 5].flatMap((k) => personalPeriodsInYear(m, y + k));
        for (const s of slots) expect(s.startsOn.endsWith("-01")).toBe(true);
        for (let i = 1; i < slots.length; i++) expect(slots[i]?.startsOn).toBe(addDays(slots[i - 1]?.endsOn ?? "", 1));
        // Six years are always covered by at least two slots of up to three years each.
        expect(slots.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });

  it("gives 12/months slots covering the whole year for every divisor of 12", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIVISORS), year, (m, y) => {
        const slots = personalPeriodsInYear(m, y);
        expect(slots).toHaveLength(12 / m);
        expect(slots[0]?.startsOn).toBe(`${y}-01-01`);
        expect(slots.at(-1)?.endsOn).toBe(`${y}-12-31`);
        expect(slots.reduce((n, s) => n + days(s.startsOn, s.endsOn) + 1, 0)).toBe(isLeap(y) ? 366 : 365);
      }),
    );
  });

  it("ends February's slot on the 29th in a leap year and on the 28th otherwise", () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2), year, (m, y) => {
        const feb = personalPeriodsInYear(m, y).find((s) => s.endsOn.slice(5, 7) === "02");
        expect(feb?.endsOn).toBe(`${y}-02-${isLeap(y) ? 29 : 28}`);
      }),
    );
    expect(personalPeriodsInYear(3, 2028)[0]).toMatchObject({ startsOn: "2028-01-01", endsOn: "2028-03-31" });
    expect(personalPeriodsInYear(12, 2028)[0]?.label.zh).toBe("2028年度");
  });
});

describe("calendar periods (periodsInYear)", () => {
  it("splits a year into two halves that cover each day once", () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 0, max: 365 }), (y, n) => {
        const [h1, h2] = periodsInYear({ every: "half" }, y, []);
        expect([h1?.id, h2?.id]).toEqual([`${y}-H1`, `${y}-H2`]);
        expect(h1?.startsOn).toBe(`${y}-01-01`);
        expect(h2?.startsOn).toBe(addDays(h1?.endsOn ?? "", 1));
        expect(h2?.endsOn).toBe(`${y}-12-31`);
        const day = addDays(`${y}-01-01`, n);
        if (day.startsWith(`${y}-`))
          expect(halves(y).filter((h) => h.startsOn <= day && day <= h.endsOn)).toHaveLength(1);
      }),
    );
  });

  it("keeps configured windows inside their year, one period per year cadence, due on the window's end", () => {
    const monthDay = fc
      .integer({ min: 0, max: 364 })
      .map((n) => new Date(Date.UTC(2001, 0, 1 + n)).toISOString().slice(5, 10));
    const span = fc.tuple(monthDay, monthDay).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
    fc.assert(
      fc.property(year, span, span, span, (y, start, mid, end) => {
        const windows: YearWindows = { start, mid, end };
        for (const w of ["start", "mid", "end"] as const) {
          const [p, ...rest] = periodsInYear({ every: "year", window: w }, y, [], windows);
          expect(rest).toEqual([]);
          expect(p).toEqual(windowPeriod(y, w, windows));
          expect(p?.startsOn).toBe(`${y}-${windows[w].from}`);
          expect(p?.endsOn).toBe(`${y}-${windows[w].to}`);
        }
        expect(periodsInYear({ every: "year", window: "whole" }, y, [], windows)).toMatchObject([
          { id: `${y}`, startsOn: `${y}-01-01`, endsOn: `${y}-12-31` },
        ]);
      }),
    );
  });

  it("has no calendar periods for person, event and continuous cadences", () => {
    fc.assert(
      fc.property(year, (y) => {
        expect(periodsInYear({ every: "continuous" }, y, defaultSemesters(y))).toEqual([]);
        expect(periodsInYear({ every: "event", event: "leak.discovered", withinHours: 24 }, y, [])).toEqual([]);
        expect(periodsInYear({ every: "person", months: { CORE: 3, IMPORTANT: 6, GENERAL: 12 } }, y, [])).toEqual([]);
      }),
    );
  });
});

describe("semesters (semestersBeginningIn)", () => {
  it("picks from any calendar exactly the semesters that begin in the year, in date order", () => {
    const semester = fc
      .tuple(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom(1, 2), date, fc.integer({ min: 30, max: 200 }))
      .map(([y, n, startsOn, length]): Semester => ({
        id: `${y}-${y + 1}-${n}`,
        startsOn,
        endsOn: addDays(startsOn, length),
      }));
    fc.assert(
      fc.property(fc.array(semester, { maxLength: 12 }), year, (calendar, y) => {
        const found = semestersBeginningIn(y, calendar);
        expect(found.map((s) => s.startsOn)).toEqual(
          calendar
            .filter((s) => s.startsOn.slice(0, 4) === String(y))
            .map((s) => s.startsOn)
            .sort(),
        );
        expect(periodsInYear({ every: "semester" }, y, calendar).map((p) => p.endsOn)).toEqual(
          found.map((s) => s.endsOn),
        );
      }),
    );
  });

  it("gives two default semesters beginning in each year: spring (ending before autumn), then autumn", () => {
    fc.assert(
      fc.property(year, (y) => {
        const calendar = [y - 2, y - 1, y, y + 1].flatMap((a) => defaultSemesters(a));
        const [spring, autumn, ...rest] = semestersBeginningIn(y, calendar);
        expect(rest).toEqual([]);
        expect(spring).toEqual({ id: `${y - 1}-${y}-2`, startsOn: `${y}-02-25`, endsOn: `${y}-07-10` });
        expect(autumn).toEqual({ id: `${y}-${y + 1}-1`, startsOn: `${y}-09-01`, endsOn: `${y + 1}-01-20` });
        expect((spring?.endsOn ?? "") < (autumn?.startsOn ?? "")).toBe(true);
      }),
    );
  });
});

describe("escalation and status", () => {
  it("climbs the chain monotonically as days pass, from 1 on the first overdue day, never beyond the chain", () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 8 }),
        timings,
        (due, n, chain, t) => {
          let previous = 0;
          for (let d = 0; d <= n; d += 1 + Math.floor(n / 40)) {
            const today = addDays(due, d);
            const level = escalationLevel(due, today, chain, t);
            expect(level).toBeGreaterThanOrEqual(previous);
            expect(level).toBeLessThanOrEqual(chain);
            if (d === 0 || chain === 0) expect(level).toBe(0);
            else expect(level).toBe(Math.min(chain, 1 + Math.floor((d - 1) / t.escalationDays)));
            previous = level;
          }
          expect(escalationLevel(due, addDays(due, -1 - n), chain, t)).toBe(0);
        },
      ),
    );
  });

  it("derives a status that agrees with the SQL bounds of statusBounds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("open" as const, "fulfilled" as const, "waived" as const),
        fc.option(date, { nil: null }),
        date,
        timings,
        (state, due, today, t) => {
          const status = statusOf(state, due, today, t);
          expect(OBLIGATION_STATUSES).toContain(status);
          const { soonFrom } = statusBounds(today, t);
          expect(soonFrom).toBe(addDays(today, t.dueSoonDays));
          // The conditions of queries.ts statusCondition, evaluated here.
          const sql =
            state !== "open"
              ? state
              : due === null
                ? "open"
                : due < today
                  ? "overdue"
                  : due <= soonFrom
                    ? "dueSoon"
                    : "open";
          expect(status).toBe(sql);
        },
      ),
    );
    expect(statusOf("open", "2027-03-31", "2027-03-17", DEFAULT_TIMINGS)).toBe("dueSoon");
    expect(statusOf("open", "2027-03-31", "2027-03-16", DEFAULT_TIMINGS)).toBe("open");
    expect(statusOf("open", "2027-03-31", "2027-03-31", DEFAULT_TIMINGS)).toBe("dueSoon");
    expect(statusOf("open", "2027-03-31", "2027-04-01", DEFAULT_TIMINGS)).toBe("overdue");
  });

  it("orders escalation steps along the chain, passing over vacancies and never asking a person twice", () => {
    const person = fc.constantFrom("p1", "p2", "p3", "p4", "p5", "p6").map((personId) => ({ personId }));
    const holders = fc.uniqueArray(person, { selector: (h) => h.personId, maxLength: 3 });
    fc.assert(
      fc.property(holders, fc.tuple(holders, holders, holders, holders), (responsible, levels) => {
        const chain = CHAIN_LEVELS.map((level, i) => ({ level, holders: levels[i] ?? [] }));
        const steps = escalationSteps(responsible, chain);
        const asked = steps.flatMap((s) => s.holders.map((h) => h.personId));
        expect(new Set(asked).size).toBe(asked.length);
        if (responsible.length) expect(steps[0]).toEqual({ level: "responsible", holders: responsible });
        else expect(steps.every((s) => s.level !== "responsible")).toBe(true);
        const order = steps.filter((s) => s.level !== "responsible").map((s) => CHAIN_LEVELS.indexOf(s.level as never));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const step of steps) expect(step.holders.length).toBeGreaterThan(0);
        // Everyone in the chain is asked at the first level they appear in.
        const everyone = new Set([...responsible, ...chain.flatMap((l) => l.holders)].map((h) => h.personId));
        expect(new Set(asked)).toEqual(everyone);
        for (const step of steps.filter((s) => s.level !== "responsible")) {
          const link = chain.find((l) => l.level === step.level);
          const earlier = new Set([
            ...responsible.map((h) => h.personId),
            ...chain.slice(0, chain.indexOf(link ?? chain[0]!)).flatMap((l) => l.holders.map((h) => h.personId)),
          ]);
          expect(step.holders).toEqual(link?.holders.filter((h) => !earlier.has(h.personId)));
        }
        // The level an overdue obligation reaches never goes past the steps there are.
        expect(escalationLevel("2027-01-01", "2030-01-01", steps.length)).toBe(steps.length);
      }),
    );
  });
});
