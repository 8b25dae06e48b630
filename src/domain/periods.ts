/**
 * The calendars obligations fall due in (DESIGN.md §4, issue "Obligations"): calendar years with start-of-year,
 * mid-year and year-end windows, halves (H1/H2), and the institution's academic calendar of semesters; plus the date
 * arithmetic of per-person intervals and per-event deadlines. Pure: dates are YYYY-MM-DD text, the institution's own.
 * The obligations engine turns a duty's cadence into these periods; this file only knows the calendars.
 */
import type { Localized } from "./errors.js";
import type { Cadence } from "./policy/schema.js";

/** A span of days (both ends inclusive) an obligation belongs to, with a stable id unique per calendar. */
export interface Period {
  id: string;
  kind: "year" | "window" | "half" | "semester" | "person" | "event";
  startsOn: string;
  endsOn: string;
  label: Localized;
}

/** Month-day spans (MM-DD) of the three windows of a calendar year (Art. 12(2), 12(4)); configurable. */
export interface YearWindows {
  start: { from: string; to: string };
  mid: { from: string; to: string };
  end: { from: string; to: string };
}

/** 年初 = first quarter, 年中 = June–August, 年底 = November–December: where Chinese offices place these tasks. */
export const DEFAULT_YEAR_WINDOWS: YearWindows = {
  start: { from: "01-01", to: "03-31" },
  mid: { from: "06-01", to: "08-31" },
  end: { from: "11-01", to: "12-31" },
};

/** One semester of the academic calendar, as the institution sets it. */
export interface Semester {
  /** e.g. `2026-2027-2` (second semester of academic year 2026–2027). */
  id: string;
  startsOn: string;
  endsOn: string;
}

const WINDOW_NAMES: Record<keyof YearWindows, Localized> = {
  start: { zh: "年初", en: "start of year" },
  mid: { zh: "年中", en: "mid-year" },
  end: { zh: "年底", en: "year end" },
};

/** The calendar year as a period. */
export function yearPeriod(year: number): Period {
  return {
    id: `${year}`,
    kind: "year",
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    label: { zh: `${year}年`, en: `${year}` },
  };
}

/** One window of a calendar year. */
export function windowPeriod(
  year: number,
  window: keyof YearWindows,
  windows: YearWindows = DEFAULT_YEAR_WINDOWS,
): Period {
  const span = windows[window];
  return {
    id: `${year}-${window}`,
    kind: "window",
    startsOn: `${year}-${span.from}`,
    endsOn: `${year}-${span.to}`,
    label: { zh: `${year}年${WINDOW_NAMES[window].zh}`, en: `${year}, ${WINDOW_NAMES[window].en}` },
  };
}

/** The two halves of a calendar year: H1 January–June, H2 July–December. */
export function halves(year: number): [Period, Period] {
  return [
    {
      id: `${year}-H1`,
      kind: "half",
      startsOn: `${year}-01-01`,
      endsOn: `${year}-06-30`,
      label: { zh: `${year}年上半年`, en: `${year} H1` },
    },
    {
      id: `${year}-H2`,
      kind: "half",
      startsOn: `${year}-07-01`,
      endsOn: `${year}-12-31`,
      label: { zh: `${year}年下半年`, en: `${year} H2` },
    },
  ];
}

/**
 * A sensible default academic calendar for a Chinese university, until the institution enters its own: the first
 * (autumn) semester runs 1 September – 20 January, the second (spring) semester 25 February – 10 July.
 */
export function defaultSemesters(academicYearStart: number): [Semester, Semester] {
  const y = academicYearStart;
  return [
    { id: `${y}-${y + 1}-1`, startsOn: `${y}-09-01`, endsOn: `${y + 1}-01-20` },
    { id: `${y}-${y + 1}-2`, startsOn: `${y + 1}-02-25`, endsOn: `${y + 1}-07-10` },
  ];
}

/** The semester as a period, labelled the way a Chinese office writes it (2026—2027学年第二学期). */
export function semesterPeriod(semester: Semester): Period {
  const [from = "", to = "", n = ""] = semester.id.split("-");
  const ordinal = n === "1" ? { zh: "第一学期", en: "first semester" } : { zh: "第二学期", en: "second semester" };
  return {
    id: semester.id,
    kind: "semester",
    startsOn: semester.startsOn,
    endsOn: semester.endsOn,
    label: { zh: `${from}—${to}学年${ordinal.zh}`, en: `${from}–${to}, ${ordinal.en}` },
  };
}

/** The semesters that begin in a calendar year (spring of one academic year, autumn of the next), in order. */
export function semestersBeginningIn(year: number, calendar: readonly Semester[]): Semester[] {
  return calendar.filter((s) => s.startsOn.startsWith(`${year}-`)).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

/**
 * The periods a dated cadence asks for in a calendar year, each due on its last day. Person and event cadences have
 * no calendar periods (they are counted from a person's last check or from the event), and continuous duties none.
 */
export function periodsInYear(
  cadence: Cadence,
  year: number,
  calendar: readonly Semester[],
  windows: YearWindows = DEFAULT_YEAR_WINDOWS,
): Period[] {
  switch (cadence.every) {
    case "semester":
      return semestersBeginningIn(year, calendar).map(semesterPeriod);
    case "year":
      return [cadence.window === "whole" ? yearPeriod(year) : windowPeriod(year, cadence.window, windows)];
    case "half":
      return halves(year);
    case "person":
    case "event":
    case "continuous":
      return [];
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `months` later (or earlier), the day clamped to the month's end: 31 Jan + 1 month = 28/29 Feb. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date `days` later (or earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** When a per-person check is next due: the interval for the person's tier after the last one (or the start). */
export function nextPersonalDue(
  cadence: Extract<Cadence, { every: "person" }>,
  tier: keyof typeof cadence.months,
  lastDoneOn: string,
): string {
  return addMonths(lastDoneOn, cadence.months[tier]);
}

/** The instant an event's deadline falls (e.g. a leak reported within 24 hours, 实施条例第六十一条). */
export function eventDeadline(occurredAt: Date, withinHours: number): Date {
  return new Date(occurredAt.getTime() + withinHours * 3_600_000);
}

/** The day to remind before a secrecy period ends: three months ahead by default (RULES.md 17). */
export function expiryReminderOn(expiresOn: string, monthsBefore = 3): string {
  return addMonths(expiresOn, -monthsBefore);
}

/**
 * The slots of a per-person cadence (a self-check every 3/6/12 months by tier) that fall due in a calendar year.
 * Slots are counted from 1 January 2000, so every interval lines up with calendar quarters, halves and years and a
 * slot keeps its id from one planning run to the next; each is due on its last day.
 */
export function personalPeriodsInYear(months: number, year: number): Period[] {
  const periods: Period[] = [];
  const first = Math.floor(((year - 2000) * 12) / months);
  for (let slot = first; ; slot++) {
    const startsOn = addMonths("2000-01-01", slot * months);
    const endsOn = addDays(addMonths("2000-01-01", (slot + 1) * months), -1);
    if (endsOn < `${year}-01-01`) continue;
    if (endsOn > `${year}-12-31`) break;
    periods.push({
      id: `${endsOn.slice(0, 7)}-P${months}`,
      kind: "person",
      startsOn,
      endsOn,
      label: personalLabel(months, startsOn, endsOn),
    });
  }
  return periods;
}

function personalLabel(months: number, startsOn: string, endsOn: string): Localized {
  const year = endsOn.slice(0, 4);
  const month = Number(startsOn.slice(5, 7));
  if (months === 3) {
    const q = (month + 2) / 3;
    return { zh: `${year}年第${"一二三四"[q - 1] ?? q}季度`, en: `${year} Q${q}` };
  }
  if (months === 6)
    return month === 1 ? { zh: `${year}年上半年`, en: `${year} H1` } : { zh: `${year}年下半年`, en: `${year} H2` };
  if (months === 12) return { zh: `${year}年度`, en: `${year}` };
  return { zh: `${startsOn}至${endsOn}`, en: `${startsOn} to ${endsOn}` };
}

/** The label of a stored period, from what an obligation row keeps of it (kind, id and dates). */
export function periodLabelOf(kind: string, periodId: string, startsOn: string, endsOn: string | null): Localized {
  // A report target after "@" (perReportTarget) is not part of the calendar period.
  const id = periodId.split("@")[0] ?? periodId;
  const year = Number(id.slice(0, 4));
  switch (kind) {
    case "year":
      return yearPeriod(year).label;
    case "window":
      return windowPeriod(year, id.slice(5) as keyof YearWindows).label;
    case "half":
      return halves(year)[id.endsWith("H1") ? 0 : 1].label;
    case "semester":
      return semesterPeriod({ id, startsOn, endsOn: endsOn ?? startsOn }).label;
    case "person":
      return personalLabel(Number(id.split("-P")[1] ?? 12), startsOn, endsOn ?? startsOn);
    default:
      return { zh: `${startsOn}起`, en: `from ${startsOn}` };
  }
}
