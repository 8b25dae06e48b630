import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  RubricListSchema,
  RubricVersionListSchema,
  RubricVersionSchema,
  SaveRubricRequestSchema,
} from "../../features/rubrics/contract";
import { apiFetch, queryString } from "./client";

/** One version of a scoring rubric: the rubric (defaults filled in), where it came from, who saved it and why. */
export type RubricVersionView = z.infer<typeof RubricVersionSchema>;
export type RubricList = z.infer<typeof RubricListSchema>;
export type RubricVersionList = z.infer<typeof RubricVersionListSchema>;
export type SaveRubricRequest = z.input<typeof SaveRubricRequestSchema>;
/** A rubric as the editor saves it: no version (the server gives the next one), English texts optional. */
export type RubricDraft = SaveRubricRequest["rubric"];
export type RubricDraftBand = RubricDraft["bands"][number];
export type RubricDraftSection = RubricDraft["sections"][number];
export type RubricDraftItem = RubricDraftSection["items"][number];
export type DraftText = RubricDraft["title"];

const RUBRICS_KEY = ["rubrics"] as const;

/** GET /api/rubrics: the latest version of each rubric (shipped, or the institution's revision), and what the user may do. */
export function useRubrics(institutionId?: string) {
  return useQuery({
    queryKey: [...RUBRICS_KEY, "list", institutionId ?? null],
    queryFn: ({ signal }) => apiFetch<RubricList>(`/api/rubrics${queryString({ institutionId })}`, { signal }),
  });
}

/** GET /api/rubrics/:id/versions: the shipped version first, then the institution's, oldest first. */
export function useRubricVersions(rubricId: string | null, institutionId?: string) {
  return useQuery({
    queryKey: [...RUBRICS_KEY, "versions", rubricId, institutionId ?? null],
    enabled: rubricId !== null,
    queryFn: ({ signal }) =>
      apiFetch<RubricVersionList>(
        `/api/rubrics/${encodeURIComponent(rubricId ?? "")}/versions${queryString({ institutionId })}`,
        { signal },
      ),
  });
}

/** POST /api/rubrics: the next version of a rubric (the secrecy office). */
export function useSaveRubric() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveRubricRequest) => apiFetch<RubricVersionView>("/api/rubrics", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: RUBRICS_KEY }),
  });
}
