/** The list of reports and requests (报告请示). */
export const REPORTS_PATH = "/reports";

/** The address of one report. */
export function reportUrl(id: string): string {
  return `${REPORTS_PATH}/${encodeURIComponent(id)}`;
}
