import type { MeetingFilters, MeetingKind, MeetingStatus } from "../../api/meetings";
import { MEETING_KINDS, MEETING_STATUSES } from "../../../domain/meeting";

/** Reads the meeting list's filters from the query string, dropping what could never be valid. */
export function meetingFiltersFrom(params: URLSearchParams): MeetingFilters {
  const filters: MeetingFilters = {};
  const year = Number(params.get("year"));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) filters.year = year;
  const kind = params.get("kind");
  if (MEETING_KINDS.includes(kind as MeetingKind)) filters.kind = kind as MeetingKind;
  const status = params.get("status");
  if (MEETING_STATUSES.includes(status as MeetingStatus)) filters.status = status as MeetingStatus;
  return filters;
}

/** The query string of a set of filters (undefined and empty values left out). */
export function paramsOf(filters: Record<string, string | number | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}
