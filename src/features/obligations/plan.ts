/**
 * The obligations a year asks of an institution: each dated duty of the policy × its periods × its bearers
 * (DESIGN.md §4). Continuous duties are never materialized; event duties only when their event occurs (events.ts).
 * Bearers are read on the period's first day, or today for a period already under way, so a unit founded in
 * March still answers for this year's year-end duties.
 */
import { type Policy } from "../../domain/policy/schema.js";
import { type Duty } from "../../domain/policy/schema.js";
import {
  type Period,
  periodsInYear,
  personalPeriodsInYear,
  type Semester,
  semestersBeginningIn,
  type YearWindows,
} from "../../domain/periods.js";
import { type Bearer, type BearerDirectory, type Span } from "./bearers.js";

/** One obligation to exist: unique per (duty, bearer key, period id). */
export interface PlannedObligation {
  duty: Duty;
  bearer: Bearer;
  period: Pick<Period, "id" | "kind" | "startsOn" | "endsOn">;
  year: number;
  dueOn: string | null;
  dueAt: string | null;
  eventId: string | null;
}

export interface PlanOptions {
  year: number;
  today: string;
  semesters: readonly Semester[];
  windows: YearWindows;
}

/** The day bearers are read for a period: its first day, or today while it runs. */
function readOn(period: Pick<Period, "startsOn" | "endsOn">, today: string): string {
  if (today <= period.startsOn) return period.startsOn;
  return today <= period.endsOn ? today : period.endsOn;
}

/**
 * Every day planYear may read bearers on: the year, and the rest of a semester that begins in it and ends in the
 * next. A directory given this span reads each role once for all of them.
 */
export function planSpan(options: Pick<PlanOptions, "year" | "semesters">): Span {
  let to = `${options.year}-12-31`;
  for (const semester of semestersBeginningIn(options.year, options.semesters))
    if (semester.endsOn > to) to = semester.endsOn;
  return { from: `${options.year}-01-01`, to };
}

/** Every obligation of the year for one institution. */
export async function planYear(
  policy: Policy,
  directory: BearerDirectory,
  options: PlanOptions,
): Promise<PlannedObligation[]> {
  const planned: PlannedObligation[] = [];
  // The slots of an interval are the same for every person: computed once per interval, not once per person.
  const slots = new Map<number, Period[]>();
  const slotsOf = (months: number) => {
    let found = slots.get(months);
    if (!found) slots.set(months, (found = personalPeriodsInYear(months, options.year)));
    return found;
  };
  for (const duty of policy.duties) {
    const cadence = duty.cadence;
    if (cadence.every === "person") {
      const from = `${options.year}-01-01`;
      const to = `${options.year}-12-31`;
      for (const bearer of await directory.bearers(duty.bearer, from, to)) {
        const months = bearer.tier ? cadence.months[bearer.tier] : cadence.months.GENERAL;
        for (const period of slotsOf(months)) {
          // Only the slots the clearance covers: a person cleared in May owes nothing for the first quarter.
          if (bearer.clearedFrom && period.endsOn < bearer.clearedFrom) continue;
          if (bearer.clearedTo && period.startsOn > bearer.clearedTo) continue;
          planned.push({ duty, bearer, period, year: options.year, dueOn: period.endsOn, dueAt: null, eventId: null });
        }
      }
      continue;
    }
    for (const calendarPeriod of periodsInYear(cadence, options.year, options.semesters, options.windows)) {
      for (const period of perReportTarget(duty, calendarPeriod))
        for (const bearer of await directory.bearers(duty.bearer, readOn(period, options.today)))
          planned.push({ duty, bearer, period, year: options.year, dueOn: period.endsOn, dueAt: null, eventId: null });
    }
  }
  return planned;
}

/**
 * A duty reported to several bodies (Art. 12(4): the plan to the Party committee and to the higher committee) is one
 * obligation per body, each discharged by its own report: the period id carries the target after an `@`.
 */
export function perReportTarget<P extends { id: string }>(duty: Duty, period: P): P[] {
  if (duty.reportTo.length < 2) return [period];
  return duty.reportTo.map((target) => ({ ...period, id: `${period.id}@${target}` }));
}

/** The identity of an obligation, as the unique constraint has it. */
export function obligationKey(dutyId: string, bearerKey: string, periodId: string): string {
  return `${dutyId}\u0000${bearerKey}\u0000${periodId}`;
}
