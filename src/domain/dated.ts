/** Records with a start date and an inclusive end date (null = open), as YYYY-MM-DD text. */

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
