/** Records with a start date and an inclusive end date (null = open), as YYYY-MM-DD text. */
import { AppError } from "./errors.js";

export interface Dated {
  startsOn: string;
  endsOn: string | null;
}

/** Whether the record is in force on a date. */
export function inForce(record: Dated, on: string): boolean {
  return record.startsOn <= on && (record.endsOn === null || record.endsOn >= on);
}

/** Whether two records share at least one day. */
export function overlap(a: Dated, b: Dated): boolean {
  return (a.endsOn === null || a.endsOn >= b.startsOn) && (b.endsOn === null || b.endsOn >= a.startsOn);
}

/** Whether a YYYY-MM-DD text is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Refuses a date range that ends before it starts, naming the end-date field (the end date is inclusive). */
export function assertEndsAfterStart(startsOn: string, endsOn: string | null, field = "body.endsOn"): void {
  if (endsOn === null || endsOn >= startsOn) return;
  const zh = `结束日期（${endsOn}）不能早于开始日期（${startsOn}）`;
  throw new AppError(
    "VALIDATION_FAILED",
    { zh, en: `The end date (${endsOn}) cannot be before the start date (${startsOn})` },
    { issues: [{ field, message: zh }] },
  );
}
