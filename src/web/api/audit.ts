import { useMutation } from "@tanstack/react-query";
import type { AuditEntryView } from "../../features/audit-log/contract";
import { apiDownload, queryString } from "./client";
import { usePagedList } from "./paging";

export type { AuditEntryView };
export type AuditResult = AuditEntryView["result"];

/** The filters of the list and the export; from/to are ISO 8601 instants with offset. */
export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: AuditResult;
}

/** GET /api/audit-entries, newest first, page by page. */
export function useAuditEntries(filters: AuditFilters) {
  return usePagedList<AuditEntryView>(["audit-entries"], "/api/audit-entries", { ...filters });
}

export type ExportFormat = "csv" | "jsonl";

/** GET /api/audit-entries/export: downloads the filtered entries as a file (rate limited; itself audited). */
export function useAuditExport() {
  return useMutation({
    mutationFn: async ({ filters, format }: { filters: AuditFilters; format: ExportFormat }) => {
      const { blob, filename } = await apiDownload(`/api/audit-entries/export${queryString({ ...filters, format })}`);
      return { blob, filename: filename ?? `audit-log.${format}` };
    },
  });
}
