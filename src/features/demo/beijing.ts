/** The demo's records are dated by calendar day and Beijing wall-clock time, as the institution's office writes them. */

/** A Beijing wall-clock moment on a calendar day (`2026-03-02`, `09:30`). */
export const at = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);

/** A calendar day (`day(2026, 3, 2)` → `2026-03-02`). */
export const day = (year: number, month: number, date: number): string =>
  `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
