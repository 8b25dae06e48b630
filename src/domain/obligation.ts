/**
 * An obligation's status and escalation (DESIGN.md §4). Pure: the stored state says whether it was discharged
 * (open, fulfilled, waived); the status people see is derived from it, the due date and today.
 */
import { type Localized } from "./errors.js";
import { addDays } from "./periods.js";
import { type ChainLevel } from "./responsibility.js";

export const OBLIGATION_STATES = ["open", "fulfilled", "waived"] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

export const OBLIGATION_STATUSES = ["open", "dueSoon", "overdue", "fulfilled", "waived"] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const OBLIGATION_STATUS_NAMES: Record<ObligationStatus, Localized> = {
  open: { zh: "未到期", en: "Open" },
  dueSoon: { zh: "即将到期", en: "Due soon" },
  overdue: { zh: "已逾期", en: "Overdue" },
  fulfilled: { zh: "已落实", en: "Fulfilled" },
  waived: { zh: "已豁免", en: "Waived" },
};

/** How far ahead "due soon" begins, and how many overdue days move an obligation one level up the chain. */
export interface ObligationTimings {
  dueSoonDays: number;
  escalationDays: number;
}

export const DEFAULT_TIMINGS: ObligationTimings = { dueSoonDays: 14, escalationDays: 7 };

/**
 * An hour deadline (a leak reported within 24 hours, 实施条例第六十一条) and the instant to judge it at: such an
 * obligation is due soon from the moment it exists and overdue the moment the hour passes, not the next day.
 */
export interface HourDeadline {
  dueAt: string | null;
  now: string;
}

/** The status on a day: open → due soon (within the lead time) → overdue (after the due day) → fulfilled / waived. */
export function statusOf(
  state: ObligationState,
  dueOn: string | null,
  today: string,
  timings: ObligationTimings = DEFAULT_TIMINGS,
  deadline?: HourDeadline,
): ObligationStatus {
  if (state !== "open") return state;
  if (deadline?.dueAt) return deadline.now > deadline.dueAt ? "overdue" : "dueSoon";
  if (dueOn === null) return "open";
  if (today > dueOn) return "overdue";
  return today >= addDays(dueOn, -timings.dueSoonDays) ? "dueSoon" : "open";
}

/** The first day an open obligation counts as due soon. */
export function dueSoonFrom(dueOn: string, timings: ObligationTimings = DEFAULT_TIMINGS): string {
  return addDays(dueOn, -timings.dueSoonDays);
}

/**
 * How many links of the responsibility chain an overdue obligation has reached: 1 on the first overdue day (the
 * bearer's own responsible person), one more every `escalationDays`, never beyond the chain.
 */
export function escalationLevel(
  dueOn: string,
  today: string,
  chainLength: number,
  timings: ObligationTimings = DEFAULT_TIMINGS,
): number {
  if (today <= dueOn || chainLength === 0) return 0;
  const overdueDays = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
  return Math.min(chainLength, 1 + Math.floor((overdueDays - 1) / timings.escalationDays));
}

/** The statuses as SQL-side conditions need them: the due-date bounds of each open status on a day. */
export function statusBounds(
  today: string,
  timings: ObligationTimings = DEFAULT_TIMINGS,
): { soonFrom: string; today: string } {
  return { soonFrom: addDays(today, timings.dueSoonDays), today };
}

/** A level an overdue obligation escalates to: its own responsible people first, then the chain upward. */
export interface EscalationStep<H extends { personId: string }> {
  level: "responsible" | ChainLevel;
  holders: H[];
}

/**
 * The escalation order of an obligation (unit head → portfolio leader → secrecy leader → principal leaders, DESIGN.md
 * §4): its responsible people, then each chain level above them with someone in it. A vacant level is passed over,
 * never waited on; nobody is asked twice, so a head who is also the responsible person is not a level of their own.
 */
export function escalationSteps<H extends { personId: string }>(
  responsible: readonly H[],
  chain: readonly { level: ChainLevel; holders: readonly H[] }[],
): EscalationStep<H>[] {
  const asked = new Set(responsible.map((h) => h.personId));
  const steps: EscalationStep<H>[] = responsible.length ? [{ level: "responsible", holders: [...responsible] }] : [];
  for (const link of chain) {
    const fresh = link.holders.filter((h) => !asked.has(h.personId));
    if (fresh.length === 0) continue;
    fresh.forEach((h) => asked.add(h.personId));
    steps.push({ level: link.level, holders: fresh });
  }
  return steps;
}
