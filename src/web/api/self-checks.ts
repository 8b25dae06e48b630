import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ConfirmRequestSchema,
  MySelfChecks,
  OwedPeriod,
  SaveAnswersRequestSchema,
  SelfCheckSummary,
  SelfCheckView,
} from "../../features/self-checks/contract";
import { apiFetch } from "./client";
import { INSPECTIONS_KEY } from "./inspections";
import { usePagedList } from "./paging";

export type { MySelfChecks, OwedPeriod, SelfCheckSummary, SelfCheckView };
export type SaveAnswersRequest = z.input<typeof SaveAnswersRequestSchema>;
export type ConfirmRequest = z.input<typeof ConfirmRequestSchema>;
export type SelfCheckFilters = { year?: number; unitId?: string; status?: SelfCheckSummary["status"] };

// Confirming raises findings and fulfils obligations: a change reloads those views as well.
export const SELF_CHECKS_KEY = ["self-checks"] as const;

function useSelfCheckChange() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: SELF_CHECKS_KEY }),
      client.invalidateQueries({ queryKey: INSPECTIONS_KEY }),
      client.invalidateQueries({ queryKey: ["obligations"] }),
      client.invalidateQueries({ queryKey: ["inbox"] }),
    ]);
}

/** GET /api/self-checks/mine: the slots I owe and my self-checks. */
export function useMySelfChecks() {
  return useQuery({
    queryKey: [...SELF_CHECKS_KEY, "mine"],
    queryFn: ({ signal }) => apiFetch<MySelfChecks>("/api/self-checks/mine", { signal }),
  });
}

/** GET /api/self-checks/to-confirm: what I confirm as someone's superior. */
export function useSelfChecksToConfirm() {
  return useQuery({
    queryKey: [...SELF_CHECKS_KEY, "to-confirm"],
    queryFn: ({ signal }) => apiFetch<{ items: SelfCheckSummary[] }>("/api/self-checks/to-confirm", { signal }),
  });
}

/** GET /api/self-checks, newest first, filtered. */
export function useSelfChecks(filters: SelfCheckFilters) {
  return usePagedList<SelfCheckSummary>([...SELF_CHECKS_KEY, "list"], "/api/self-checks", { ...filters });
}

/** GET /api/self-checks/:id. */
export function useSelfCheck(id: string) {
  return useQuery({
    queryKey: [...SELF_CHECKS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch<SelfCheckView>(`/api/self-checks/${encodeURIComponent(id)}`, { signal }),
  });
}

/** POST /api/self-checks: start the self-check of a slot I owe. */
export function useStartSelfCheck() {
  const changed = useSelfCheckChange();
  return useMutation({
    mutationFn: (periodId: string) =>
      apiFetch<SelfCheckView>("/api/self-checks", { method: "POST", body: { periodId } }),
    onSuccess: changed,
  });
}

function useSelfCheckMutation<T>(id: string, method: "POST" | "PUT", suffix: string) {
  const changed = useSelfCheckChange();
  return useMutation({
    mutationFn: (body: T) =>
      apiFetch<SelfCheckView>(`/api/self-checks/${encodeURIComponent(id)}${suffix}`, { method, body }),
    onSuccess: changed,
  });
}

/** PUT /api/self-checks/:id/answers: save the draft. */
export const useSaveAnswers = (id: string) => useSelfCheckMutation<SaveAnswersRequest>(id, "PUT", "/answers");
/** POST /api/self-checks/:id/submit. */
export const useSubmitSelfCheck = (id: string) => useSelfCheckMutation<Record<string, never>>(id, "POST", "/submit");
/** POST /api/self-checks/:id/confirm (the superior). */
export const useConfirmSelfCheck = (id: string) => useSelfCheckMutation<ConfirmRequest>(id, "POST", "/confirm");
/** POST /api/self-checks/:id/return (the superior), with the reason. */
export const useReturnSelfCheck = (id: string) => useSelfCheckMutation<{ reason: string }>(id, "POST", "/return");
