import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ClearanceView, GrantView, SecuritySettings } from "../../features/access/contract";
import type { PersonView } from "../../features/org/contract";
import type { BusinessRole, Tier } from "../../domain/roles";
import { apiFetch, queryString } from "./client";
import { usePagedList } from "./paging";

export type { ClearanceView, GrantView, SecuritySettings };
/** A person to pick (GET /api/people, the organization's list). */
export type PersonOption = Pick<PersonView, "id" | "name" | "unitName">;

const GRANTS_KEY = ["grants"] as const;
const CLEARANCES_KEY = ["clearances"] as const;
const SETTINGS_KEY = ["security-settings"] as const;

export interface GrantFilters {
  accountId?: string;
  role?: BusinessRole;
  includeRevoked: boolean;
}

/** GET /api/grants, page by page. */
export function useGrants(filters: GrantFilters) {
  return usePagedList<GrantView>(GRANTS_KEY, "/api/grants", {
    accountId: filters.accountId,
    role: filters.role,
    includeRevoked: filters.includeRevoked ? "true" : "false",
  });
}

export interface NewGrant {
  accountId: string;
  role: BusinessRole;
  unitId: string;
  startsOn: string;
  endsOn: string | null;
}

/** POST /api/grants. */
export function useCreateGrant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewGrant) => apiFetch<GrantView>("/api/grants", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: GRANTS_KEY }),
  });
}

/** POST /api/grants/:id/revoke. */
export function useRevokeGrant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<GrantView>(`/api/grants/${encodeURIComponent(id)}/revoke`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: GRANTS_KEY }),
  });
}

export interface ClearanceFilters {
  personId?: string;
  tier?: Tier;
}

/** GET /api/clearances, page by page. */
export function useClearances(filters: ClearanceFilters) {
  return usePagedList<ClearanceView>(CLEARANCES_KEY, "/api/clearances", { ...filters });
}

export interface NewClearance {
  personId: string;
  tier: Tier;
  startsOn: string;
  endsOn: string | null;
}

/** POST /api/clearances. */
export function useCreateClearance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewClearance) => apiFetch<ClearanceView>("/api/clearances", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: CLEARANCES_KEY }),
  });
}

/** POST /api/clearances/:id/end. */
export function useEndClearance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, endsOn }: { id: string; endsOn: string }) =>
      apiFetch<ClearanceView>(`/api/clearances/${encodeURIComponent(id)}/end`, { method: "POST", body: { endsOn } }),
    onSuccess: () => client.invalidateQueries({ queryKey: CLEARANCES_KEY }),
  });
}

/** GET /api/people?q: a short search for a person picker. */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ["people", "search", q],
    queryFn: ({ signal }) =>
      apiFetch<{ items: PersonOption[] }>(`/api/people${queryString({ q, limit: 20 })}`, { signal }),
  });
}

/** GET /api/security-settings. */
export function useSecuritySettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => apiFetch<SecuritySettings>("/api/security-settings", { signal }),
  });
}

/** PUT /api/security-settings. */
export function useSaveSecuritySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SecuritySettings) =>
      apiFetch<SecuritySettings>("/api/security-settings", { method: "PUT", body }),
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
  });
}
