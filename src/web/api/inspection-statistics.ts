import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FindingStatistics, FindingTally, MemberTally } from "../../features/inspections/statistics-contract";
import { apiFetch, queryString } from "./client";
import { INSPECTIONS_KEY } from "./inspections";

export type { FindingStatistics, FindingTally, MemberTally };

/** GET /api/findings/statistics: a year (or "all") of findings, for a unit's subtree when given. */
export function useFindingStatistics(year: number | "all" | undefined, unitId: string | undefined) {
  return useQuery({
    // Under the inspections key: a finding's change reloads its statistics too.
    queryKey: [...INSPECTIONS_KEY, "statistics", year ?? "current", unitId ?? "all"],
    queryFn: ({ signal }) =>
      apiFetch<FindingStatistics>(`/api/findings/statistics${queryString({ year, unitId })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
