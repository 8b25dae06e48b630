import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AdoptRegulationRequestSchema,
  CreateRegulationRequestSchema,
  HigherRegulationView,
  RecordHigherRegulationRequestSchema,
  RegulationSummarySchema,
  RegulationView,
  RepealRegulationRequestSchema,
  ReviseRegulationRequestSchema,
  UpdateRegulationRequestSchema,
} from "../../features/regulations/contract";
import { apiDownload, apiFetch } from "./client";
import { usePagedList } from "./paging";

export type { HigherRegulationView, RegulationView };
export type RegulationSummary = z.infer<typeof RegulationSummarySchema>;
export type RegulationStatus = RegulationSummary["status"];
export type RegulationCategory = RegulationSummary["category"];
export type RegulationLevel = RegulationSummary["level"];
export type RegulationVersion = RegulationView["versions"][number];
export type CreateRegulationRequest = z.input<typeof CreateRegulationRequestSchema>;
export type UpdateRegulationRequest = z.input<typeof UpdateRegulationRequestSchema>;
export type AdoptRegulationRequest = z.input<typeof AdoptRegulationRequestSchema>;
export type ReviseRegulationRequest = z.input<typeof ReviseRegulationRequestSchema>;
export type RepealRegulationRequest = z.input<typeof RepealRegulationRequestSchema>;
export type RecordHigherRegulationRequest = z.input<typeof RecordHigherRegulationRequestSchema>;

/** The list filters as the address and the API take them (RegulationListQuerySchema without paging). */
export type RegulationFilters = {
  status?: RegulationStatus;
  category?: RegulationCategory;
  level?: RegulationLevel;
  q?: string;
};

// Adopting or revising discharges obligations and answers higher regulations: a change reads all of them again.
export const REGULATIONS_KEY = ["regulations"] as const;
const HIGHER_KEY = ["higher-regulations"] as const;
const OBLIGATIONS_KEY = ["obligations"] as const;
const INBOX_KEY = ["inbox"] as const;

const regulationPath = (id: string) => `/api/regulations/${encodeURIComponent(id)}`;

/** GET /api/regulations: the implementing rules first, then the newest. */
export function useRegulations(filters: RegulationFilters) {
  return usePagedList<RegulationSummary>([...REGULATIONS_KEY, "list"], "/api/regulations", { ...filters });
}

/** GET /api/regulations/:id: the versions, what they answered and discharged, and what the user may do. */
export function useRegulation(id: string) {
  return useQuery({
    queryKey: [...REGULATIONS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch<RegulationView>(regulationPath(id), { signal }),
  });
}

/** GET /api/higher-regulations: higher regulations issued, with the institution's answer. */
export function useHigherRegulations(answered?: "true" | "false") {
  return usePagedList<HigherRegulationView>([...HIGHER_KEY, "list"], "/api/higher-regulations", { answered });
}

function useRegulationChange() {
  const client = useQueryClient();
  return async (view: RegulationView) => {
    client.setQueryData([...REGULATIONS_KEY, "one", view.id], view);
    await Promise.all([
      client.invalidateQueries({
        queryKey: REGULATIONS_KEY,
        predicate: (query) => !(query.queryKey[1] === "one" && query.queryKey[2] === view.id),
      }),
      client.invalidateQueries({ queryKey: HIGHER_KEY }),
      client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
      client.invalidateQueries({ queryKey: INBOX_KEY }),
    ]);
  };
}

/** POST /api/regulations: a draft with its text or file (the institution's, or a unit's own with unitId). */
export function useCreateRegulation() {
  const changed = useRegulationChange();
  return useMutation({
    mutationFn: (body: CreateRegulationRequest) =>
      apiFetch<RegulationView>("/api/regulations", { method: "POST", body }),
    onSuccess: changed,
  });
}

function useRegulationMutation<T>(id: string, method: "POST" | "PUT", suffix: string) {
  const changed = useRegulationChange();
  return useMutation({
    mutationFn: (body: T) => apiFetch<RegulationView>(`${regulationPath(id)}${suffix}`, { method, body }),
    onSuccess: changed,
  });
}

/** PUT /api/regulations/:id: the draft (an adopted regulation is revised instead: 409). */
export const useUpdateRegulation = (id: string) => useRegulationMutation<UpdateRegulationRequest>(id, "PUT", "");
/** POST /api/regulations/:id/adopt: 制定施行. */
export const useAdoptRegulation = (id: string) => useRegulationMutation<AdoptRegulationRequest>(id, "POST", "/adopt");
/** POST /api/regulations/:id/revise: 修订 (a new version). */
export const useReviseRegulation = (id: string) =>
  useRegulationMutation<ReviseRegulationRequest>(id, "POST", "/revise");
/** POST /api/regulations/:id/repeal: 废止. */
export const useRepealRegulation = (id: string) =>
  useRegulationMutation<RepealRegulationRequest>(id, "POST", "/repeal");

/** POST /api/higher-regulations: records a higher regulation issued, raising the obligation to answer it. */
export function useRecordHigherRegulation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordHigherRegulationRequest) =>
      apiFetch<HigherRegulationView>("/api/higher-regulations", { method: "POST", body }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: HIGHER_KEY }),
        client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
        client.invalidateQueries({ queryKey: INBOX_KEY }),
      ]);
    },
  });
}

/** GET /api/regulations/:id/versions/:versionId/file: a version's attached file. */
export function useVersionFile(id: string) {
  return useMutation({
    mutationFn: async (version: { id: string; name: string }) => {
      const { blob, filename } = await apiDownload(
        `${regulationPath(id)}/versions/${encodeURIComponent(version.id)}/file`,
      );
      return { blob, filename: filename ?? version.name };
    },
  });
}
