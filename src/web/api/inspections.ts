import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AttachmentUploadSchema,
  CreateFindingRequestSchema,
  CreatePlanRequestSchema,
  FindingSummary,
  FindingView,
  InspectionView,
  MyPortfolioSchema,
  MyUnitsSchema,
  PlanSummary,
  PlanView,
  RectificationRequestSchema,
  SaveResultsRequestSchema,
} from "../../features/inspections/contract";
import { apiDownload, apiFetch } from "./client";
import { usePagedList } from "./paging";

export type { FindingSummary, FindingView, InspectionView, PlanSummary, PlanView };
export type CreatePlanRequest = z.input<typeof CreatePlanRequestSchema>;
export type MyPortfolio = z.infer<typeof MyPortfolioSchema>;
export type MyUnits = z.infer<typeof MyUnitsSchema>;
export type SaveResultsRequest = z.input<typeof SaveResultsRequestSchema>;
export type CreateFindingRequest = z.input<typeof CreateFindingRequestSchema>;
export type RectificationRequest = z.input<typeof RectificationRequestSchema>;
export type AttachmentUpload = z.input<typeof AttachmentUploadSchema>;
export type PlanFilters = {
  year?: number;
  kind?: PlanSummary["kind"];
};

export type FindingFilters = {
  status?: FindingSummary["status"];
  unitId?: string;
  severity?: FindingSummary["severity"];
  category?: FindingSummary["category"];
  year?: number;
  overdue?: "true" | "false";
};

// Plans, inspections and findings read the same records, and closing discharges obligations: a change reloads them.
export const INSPECTIONS_KEY = ["inspections"] as const;

function useInspectionChange() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: INSPECTIONS_KEY }),
      client.invalidateQueries({ queryKey: ["obligations"] }),
      client.invalidateQueries({ queryKey: ["inbox"] }),
    ]);
}

/** GET /api/inspection-plans, newest first, by year and kind. */
export function useInspectionPlans(filters: PlanFilters = {}) {
  return usePagedList<PlanSummary>([...INSPECTIONS_KEY, "plans"], "/api/inspection-plans", { ...filters });
}

/** GET /api/inspection-plans/my-portfolio: whether the user holds a member's seat today, and their portfolio. */
export function useMyPortfolio() {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, "my-portfolio"],
    queryFn: ({ signal }) => apiFetch<MyPortfolio>("/api/inspection-plans/my-portfolio", { signal }),
  });
}

/** GET /api/inspection-plans/my-units: whether the user heads a unit today, and which (第六条第（三）项). */
export function useMyUnits() {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, "my-units"],
    queryFn: ({ signal }) => apiFetch<MyUnits>("/api/inspection-plans/my-units", { signal }),
  });
}

/** GET /api/inspection-plans/:id. */
export function useInspectionPlan(id: string) {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, "plan", id],
    queryFn: ({ signal }) => apiFetch<PlanView>(`/api/inspection-plans/${encodeURIComponent(id)}`, { signal }),
  });
}

/** POST /api/inspection-plans (the secrecy office). */
export function useCreatePlan() {
  const changed = useInspectionChange();
  return useMutation({
    mutationFn: (body: CreatePlanRequest) => apiFetch<PlanView>("/api/inspection-plans", { method: "POST", body }),
    onSuccess: changed,
  });
}

/** GET /api/inspections/:id: the check form's data. */
export function useInspection(id: string) {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch<InspectionView>(`/api/inspections/${encodeURIComponent(id)}`, { signal }),
  });
}

function useInspectionMutation<T>(id: string, method: "POST" | "PUT", suffix: string) {
  const changed = useInspectionChange();
  return useMutation({
    mutationFn: (body: T) =>
      apiFetch<InspectionView>(`/api/inspections/${encodeURIComponent(id)}${suffix}`, { method, body }),
    onSuccess: changed,
  });
}

/** PUT /api/inspections/:id/results: save the draft. */
export const useSaveResults = (id: string) => useInspectionMutation<SaveResultsRequest>(id, "PUT", "/results");
/** POST /api/inspections/:id/findings. */
export const useCreateFinding = (id: string) => useInspectionMutation<CreateFindingRequest>(id, "POST", "/findings");
/** POST /api/inspections/:id/attachments: a photo taken on site. */
export const useAttachPhoto = (id: string) => useInspectionMutation<AttachmentUpload>(id, "POST", "/attachments");
/** POST /api/inspections/:id/close. */
export const useCloseInspection = (id: string) => useInspectionMutation<{ closedOn?: string }>(id, "POST", "/close");

/** GET /api/inspections/:id/opinion.docx: 检查意见书. */
export function useOpinionDownload(id: string) {
  return useMutation({
    mutationFn: async () => {
      const { blob, filename } = await apiDownload(`/api/inspections/${encodeURIComponent(id)}/opinion.docx`);
      return { blob, filename: filename ?? "保密检查意见书.docx" };
    },
  });
}

/** GET /api/findings by deadline, filtered. */
export function useFindings(filters: FindingFilters) {
  return usePagedList<FindingSummary>([...INSPECTIONS_KEY, "findings"], "/api/findings", { ...filters });
}

/** GET /api/findings/:id. */
export function useFinding(id: string) {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, "finding", id],
    queryFn: ({ signal }) => apiFetch<FindingView>(`/api/findings/${encodeURIComponent(id)}`, { signal }),
  });
}

function useFindingMutation<T>(id: string, method: "POST" | "PUT", suffix: string) {
  const changed = useInspectionChange();
  return useMutation({
    mutationFn: (body: T) =>
      apiFetch<FindingView>(`/api/findings/${encodeURIComponent(id)}${suffix}`, { method, body }),
    onSuccess: changed,
  });
}

export const useRecordRectification = (id: string) =>
  useFindingMutation<RectificationRequest>(id, "PUT", "/rectification");
export const useAttachEvidence = (id: string) => useFindingMutation<AttachmentUpload>(id, "POST", "/attachments");
export const useSubmitRectification = (id: string) => useFindingMutation<Record<string, never>>(id, "POST", "/submit");
export const useVerifyFinding = (id: string) => useFindingMutation<{ note: string }>(id, "POST", "/verify");
export const useReturnFinding = (id: string) => useFindingMutation<{ reason: string }>(id, "POST", "/return");

/** A picked file as the upload body: its name, type and bytes in base64. */
export async function uploadOf(file: File, itemId?: string): Promise<AttachmentUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, type: file.type, contentBase64: btoa(binary), ...(itemId ? { itemId } : {}) };
}
