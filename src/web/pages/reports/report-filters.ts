import type { ReportFilters, ReportKind, ReportStatus } from "../../api/reports";
import { REPORT_KINDS, REPORT_STATUSES } from "./report-names";

/** Reads the report list's filters from the query string, dropping what could never be valid. */
export function reportFiltersFrom(params: URLSearchParams): ReportFilters {
  const filters: ReportFilters = {};
  const year = Number(params.get("year"));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) filters.year = year;
  const kind = params.get("kind");
  if (REPORT_KINDS.includes(kind as ReportKind)) filters.kind = kind as ReportKind;
  const status = params.get("status");
  if (REPORT_STATUSES.includes(status as ReportStatus)) filters.status = status as ReportStatus;
  return filters;
}

/** The query string of a set of filters (undefined values left out). */
export function paramsOf(filters: ReportFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined) params.set(key, String(value));
  }
  return params;
}
