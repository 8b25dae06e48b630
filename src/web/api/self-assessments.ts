import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AnswerInputSchema,
  RubricView,
  SelfAssessmentList,
  SelfAssessmentRow,
  SelfAssessmentView,
} from "../../features/self-assessments/contract";
import { apiFetch, queryString } from "./client";

export type { RubricView, SelfAssessmentList, SelfAssessmentRow, SelfAssessmentView };
export type RubricViewItem = RubricView["sections"][number]["items"][number];
export type AnswerInput = z.input<typeof AnswerInputSchema>;

// Submitting raises findings and their obligations: a change reloads those lists too.
export const SELF_ASSESSMENTS_KEY = ["self-assessments"] as const;

function useSelfAssessmentChange() {
  const client = useQueryClient();
  return (view: SelfAssessmentView) => {
    client.setQueryData([...SELF_ASSESSMENTS_KEY, "one", view.id], view);
    return Promise.all([
      client.invalidateQueries({ queryKey: [...SELF_ASSESSMENTS_KEY, "list"] }),
      client.invalidateQueries({ queryKey: ["inspections"] }),
      client.invalidateQueries({ queryKey: ["obligations"] }),
      client.invalidateQueries({ queryKey: ["inbox"] }),
    ]);
  };
}

/** GET /api/self-assessments?year=: the year's units with their self-assessment (and the committee's score). */
export function useSelfAssessments(year: number, institutionId?: string) {
  return useQuery({
    queryKey: [...SELF_ASSESSMENTS_KEY, "list", year, institutionId ?? null],
    queryFn: ({ signal }) =>
      apiFetch<SelfAssessmentList>(`/api/self-assessments${queryString({ year, institutionId })}`, { signal }),
  });
}

/** GET /api/self-assessments/:id. */
export function useSelfAssessment(id: string) {
  return useQuery({
    queryKey: [...SELF_ASSESSMENTS_KEY, "one", id],
    queryFn: ({ signal }) =>
      apiFetch<SelfAssessmentView>(`/api/self-assessments/${encodeURIComponent(id)}`, { signal }),
  });
}

/** POST /api/self-assessments: starts a unit's (or the institution's own) self-assessment of a year. */
export function useStartSelfAssessment() {
  const changed = useSelfAssessmentChange();
  return useMutation({
    mutationFn: (body: { unitId: string; year: number }) =>
      apiFetch<SelfAssessmentView>("/api/self-assessments", { method: "POST", body }),
    onSuccess: changed,
  });
}

/** PUT /api/self-assessments/:id/answers: saves the draft, item by item. */
export function useSaveAnswers(id: string) {
  const changed = useSelfAssessmentChange();
  return useMutation({
    mutationFn: (answers: Record<string, AnswerInput>) =>
      apiFetch<SelfAssessmentView>(`/api/self-assessments/${encodeURIComponent(id)}/answers`, {
        method: "PUT",
        body: { answers },
      }),
    onSuccess: changed,
  });
}

/** POST /api/self-assessments/:id/submit: final; problem answers become findings. */
export function useSubmitSelfAssessment(id: string) {
  const changed = useSelfAssessmentChange();
  return useMutation({
    mutationFn: (body: { deadline?: string }) =>
      apiFetch<SelfAssessmentView>(`/api/self-assessments/${encodeURIComponent(id)}/submit`, { method: "POST", body }),
    onSuccess: changed,
  });
}
