import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CreateReportRequestSchema,
  ReportSummarySchema,
  ReportView,
  SignReportRequestSchema,
  SubmitReportRequestSchema,
  UpdateReportRequestSchema,
} from "../../features/reports/contract";
import { apiDownload, apiFetch } from "./client";
import { usePagedList } from "./paging";

export type { ReportView };
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
export type ReportKind = ReportSummary["kind"];
export type ReportRecipient = ReportSummary["recipient"];
export type ReportStatus = ReportSummary["status"];
export type ReportSigner = NonNullable<ReportView["signer"]>;
export type CreateReportRequest = z.input<typeof CreateReportRequestSchema>;
export type UpdateReportRequest = z.input<typeof UpdateReportRequestSchema>;
export type SignReportRequest = z.input<typeof SignReportRequestSchema>;
export type SubmitReportRequest = z.input<typeof SubmitReportRequestSchema>;

/** The list filters as the address and the API take them (ReportListQuerySchema without paging). */
export type ReportFilters = {
  year?: number;
  kind?: ReportKind;
  status?: ReportStatus;
};

// A report's list and its page read the same records, and a submitted report discharges obligations (and clears the
// reminders about them): a change to a report reads all of them again.
export const REPORTS_KEY = ["reports"] as const;
const OBLIGATIONS_KEY = ["obligations"] as const;
const INBOX_KEY = ["inbox"] as const;

const reportPath = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

/** GET /api/reports, page by page, newest first. */
export function useReports(filters: ReportFilters) {
  return usePagedList<ReportSummary>([...REPORTS_KEY, "list"], "/api/reports", { ...filters });
}

/** GET /api/reports/:id: the report with its text, signer, submission, obligations and what the user may do. */
export function useReport(id: string) {
  return useQuery({
    queryKey: [...REPORTS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch<ReportView>(reportPath(id), { signal }),
  });
}

/** After a change to a report: its answer is its new state; the lists and the obligations it discharges reload. */
function useReportChange() {
  const client = useQueryClient();
  return async (view: ReportView) => {
    client.setQueryData([...REPORTS_KEY, "one", view.id], view);
    await Promise.all([
      client.invalidateQueries({
        queryKey: REPORTS_KEY,
        predicate: (query) => !(query.queryKey[1] === "one" && query.queryKey[2] === view.id),
      }),
      client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
      client.invalidateQueries({ queryKey: INBOX_KEY }),
    ]);
  };
}

/** A POST or PUT on one report that answers with the report. */
function useReportMutation<T>(id: string, method: "POST" | "PUT", suffix: string) {
  const changed = useReportChange();
  return useMutation({
    mutationFn: (body: T) => apiFetch<ReportView>(`${reportPath(id)}${suffix}`, { method, body }),
    onSuccess: changed,
  });
}

/**
 * POST /api/reports (the secrecy office): a draft — plan and summary reports compiled from the year's records,
 * major-matter reports and requests as written.
 */
export function useCreateReport() {
  const changed = useReportChange();
  return useMutation({
    mutationFn: (body: CreateReportRequest) => apiFetch<ReportView>("/api/reports", { method: "POST", body }),
    onSuccess: changed,
  });
}

/** PUT /api/reports/:id: the draft's title, text, attachments and contact (a signed report is final: 409). */
export const useUpdateReport = (id: string) => useReportMutation<UpdateReportRequest>(id, "PUT", "");

/** POST /api/reports/:id/sign: 签发 by the director (or a delegated deputy) with the password re-entered. */
export const useSignReport = (id: string) => useReportMutation<SignReportRequest>(id, "POST", "/sign");

/** POST /api/reports/:id/submit: 登记报送 — how the signed report went to its recipient (机要交换 …). */
export const useSubmitReport = (id: string) => useReportMutation<SubmitReportRequest>(id, "POST", "/submit");

/** GET /api/reports/:id/document: the report as .docx in the GB/T 9704 upward-document layout (a draft says so). */
export function useReportDocument(id: string) {
  return useMutation({
    mutationFn: async (fallbackName: string) => {
      const { blob, filename } = await apiDownload(`${reportPath(id)}/document`);
      return { blob, filename: filename ?? fallbackName };
    },
  });
}
