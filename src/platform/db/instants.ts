/**
 * How instants are stored, chosen once for both dialects: text in ISO 8601 UTC with milliseconds
 * (`2026-11-27T04:16:17.123Z`). Fixed width, so text order is time order in SQLite and PostgreSQL alike,
 * and a value reads back byte-for-byte identical from either database.
 */

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A stored instant. */
export type Instant = string & { readonly __instant?: never };

/** The instant of a Date, in the stored form. */
export function toInstant(date: Date): Instant {
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
  return date.toISOString();
}

/** The Date of a stored instant; throws when the text is not in the stored form. */
export function fromInstant(value: string): Date {
  if (!isInstant(value)) throw new RangeError(`not a stored instant: ${value}`);
  return new Date(value);
}

/** Whether a text is in the stored form. */
export function isInstant(value: string): value is Instant {
  return INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}
