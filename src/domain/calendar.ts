/** Calendar dates in the institution's time zone. Instants are UTC; dates are what a Chinese office calls "today". */

export const INSTITUTION_TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(at: Date, timeZone: string = INSTITUTION_TIME_ZONE): string {
  // China has kept UTC+8 without daylight saving since 1991: plain arithmetic, ~50× cheaper than Intl on the hot path.
  if (timeZone === INSTITUTION_TIME_ZONE && at.getTime() >= 694_224_000_000)
    return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}
