import { useQuery } from "@tanstack/react-query";
import type { Permission } from "../../domain/permissions";
import { apiFetch, queryString } from "./client";

export interface InstitutionOption {
  id: string;
  name: string;
}

/** GET /api/institutions?for=: the institutions the account may act on with a permission (a provincial account: many). */
export function useInstitutions(permission: Permission) {
  return useQuery({
    queryKey: ["institutions", permission],
    queryFn: ({ signal }) =>
      apiFetch<{ items: InstitutionOption[] }>(`/api/institutions${queryString({ for: permission })}`, { signal }),
    staleTime: 5 * 60_000,
  });
}
