import type { ObligationFilters, ObligationStatus } from "../../api/obligations";
import { OBLIGATION_STATUSES } from "./status";

/** The filters the list reads from its address, so a dashboard figure or a link can open it already filtered. */
const TEXT_FILTERS = ["article", "dutyId", "bearerRole", "unitId", "personId", "periodId", "dueFrom", "dueTo"] as const;

function isStatus(value: string | null): value is ObligationStatus {
  return OBLIGATION_STATUSES.includes(value as ObligationStatus);
}

/** Reads the list's filters from the query string, dropping what could never be valid. */
export function filtersFromParams(params: URLSearchParams): ObligationFilters {
  const filters: ObligationFilters = {};
  const year = Number(params.get("year"));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) filters.year = year;
  for (const key of TEXT_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const status = params.get("status");
  if (isStatus(status)) filters.status = status;
  if (params.get("mine") === "true") filters.mine = "true";
  return filters;
}

/** The query string of a set of filters (undefined and empty values left out). */
export function paramsOf(filters: ObligationFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return params;
}

/** The list's address with these filters: where every dashboard figure drills down to. */
export function listUrl(filters: ObligationFilters): string {
  const query = paramsOf(filters).toString();
  return query === "" ? "/obligations" : `/obligations?${query}`;
}

/** Whether anything besides 我的事项 narrows the list. */
export function isFiltered(filters: ObligationFilters): boolean {
  return Object.entries(filters).some(([key, value]) => key !== "mine" && value !== undefined);
}
