import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ChainView,
  MyResponsibilities,
  PolicySummarySchema,
  RosterView,
} from "../../features/responsibility/contract";
import { apiDownload, apiFetch, queryString } from "./client";

export type { ChainView, MyResponsibilities, RosterView };
export type PolicySummary = z.infer<typeof PolicySummarySchema>;
export type Delegation = RosterView["delegations"][number];

/** GET /api/responsibility/mine: the signed-in person's roles and duties on a date (today when none). */
export function useMyResponsibilities(at: string | undefined) {
  return useQuery({
    queryKey: ["responsibility", "mine", at ?? "today"],
    queryFn: ({ signal }) => apiFetch<MyResponsibilities>(`/api/responsibility/mine${queryString({ at })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/responsibility/chain: who answers for a unit on a date, level by level. */
export function useChain(unitId: string | undefined, at: string | undefined) {
  return useQuery({
    queryKey: ["responsibility", "chain", unitId, at ?? "today"],
    queryFn: ({ signal }) => apiFetch<ChainView>(`/api/responsibility/chain${queryString({ unitId, at })}`, { signal }),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/committee: the committee's composition on a date (the root institution when none is named). */
export function useCommittee(at: string | undefined, institutionId?: string) {
  return useQuery({
    queryKey: ["committee", institutionId ?? "root", at ?? "today"],
    queryFn: ({ signal }) => apiFetch<RosterView>(`/api/committee${queryString({ institutionId, at })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/committee/export: the roster as .xlsx (rate limited and audited by the server). */
export function useCommitteeExport() {
  return useMutation({
    mutationFn: async ({ at, institutionId }: { at?: string; institutionId?: string }) => {
      const { blob, filename } = await apiDownload(`/api/committee/export${queryString({ institutionId, at })}`);
      return { blob, filename: filename ?? `committee-${at ?? "today"}.xlsx` };
    },
  });
}

export interface NewDelegation {
  institutionId: string;
  delegatePersonId: string;
  purpose: string;
  startsOn: string;
  endsOn: string;
}

/** POST /api/committee/delegations (第十条第（二）项: only to a sitting deputy director). */
export function useCreateDelegation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDelegation) => apiFetch<Delegation>("/api/committee/delegations", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["committee"] }),
  });
}

/** GET /api/policy: the implementing rules in force, with the duty catalogue. */
export function usePolicy() {
  return useQuery({
    queryKey: ["policy"],
    queryFn: ({ signal }) => apiFetch<PolicySummary>("/api/policy", { signal }),
    staleTime: 10 * 60_000,
  });
}
