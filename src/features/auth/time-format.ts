/** Times as a Chinese office reads them: Beijing time, 24-hour clock. */
import { INSTITUTION_TIME_ZONE } from "../../domain/calendar.js";

const formatter = new Intl.DateTimeFormat("zh-CN", {
  timeZone: INSTITUTION_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** e.g. 2026/11/27 12:26 */
export function formatShanghaiTime(instant: string): string {
  return formatter.format(new Date(instant));
}
