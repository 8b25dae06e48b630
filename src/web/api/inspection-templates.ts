import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  SaveTemplateRequestSchema,
  TemplateListSchema,
  TemplateVersionListSchema,
  TemplateVersionSchema,
} from "../../features/inspections/contract";
import { apiFetch, queryString } from "./client";
import { INSPECTIONS_KEY } from "./inspections";

export type TemplateList = z.infer<typeof TemplateListSchema>;
export type TemplateVersion = z.infer<typeof TemplateVersionSchema>;
export type TemplateVersionList = z.infer<typeof TemplateVersionListSchema>;
export type SaveTemplateRequest = z.input<typeof SaveTemplateRequestSchema>;
export type TemplateDraft = SaveTemplateRequest["template"];

const TEMPLATES_KEY = [...INSPECTIONS_KEY, "templates"] as const;

/** GET /api/inspection-templates: the shipped checklists and the institution's own versions (the latest of each). */
export function useInspectionTemplates(institutionId?: string) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, institutionId ?? null],
    queryFn: ({ signal }) =>
      apiFetch<TemplateList>(`/api/inspection-templates${queryString({ institutionId })}`, { signal }),
  });
}

/** GET /api/inspection-templates/:id/versions: the shipped version first, then the institution's. */
export function useTemplateVersions(templateId: string | null, institutionId?: string) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, "versions", templateId, institutionId ?? null],
    enabled: templateId !== null,
    queryFn: ({ signal }) =>
      apiFetch<TemplateVersionList>(
        `/api/inspection-templates/${encodeURIComponent(templateId ?? "")}/versions${queryString({ institutionId })}`,
        { signal },
      ),
  });
}

/** POST /api/inspection-templates: the next version of a template (the secrecy office). */
export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTemplateRequest) =>
      apiFetch<TemplateVersion>("/api/inspection-templates", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}
