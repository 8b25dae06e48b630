import type { ResearchFilters, ResearchStatus } from "../../../api/research";
import { RESEARCH_STATUSES } from "./research-names";

/** Reads the topic list's filters from the query string, dropping what could never be valid. */
export function researchFiltersFrom(params: URLSearchParams): ResearchFilters {
  const filters: ResearchFilters = {};
  const year = Number(params.get("year"));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) filters.year = year;
  const status = params.get("status");
  if (RESEARCH_STATUSES.includes(status as ResearchStatus)) filters.status = status as ResearchStatus;
  const unit = params.get("leadUnitId");
  if (unit && unit.length <= 64) filters.leadUnitId = unit;
  const q = params.get("q")?.trim();
  if (q) filters.q = q.slice(0, 100);
  return filters;
}

/** The query string of a set of filters (undefined values left out). */
export function paramsOf(filters: ResearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}
