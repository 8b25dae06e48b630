import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CloseDocumentRequestSchema,
  DocumentSummarySchema,
  DocumentView,
  RecordSessionRequestSchema,
  RegisterDocumentRequestSchema,
  RosterSchema,
} from "../../features/document-studies/contract";
import { apiFetch, queryString } from "./client";
import { usePagedList } from "./paging";

export type { DocumentView };
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;
export type DocumentStatus = DocumentSummary["status"];
export type DocumentSession = DocumentView["sessions"][number];
export type DocumentUnit = DocumentView["units"][number];
export type DocumentDischarge = DocumentView["discharges"][number];
export type Roster = z.infer<typeof RosterSchema>;
export type RegisterDocumentRequest = z.input<typeof RegisterDocumentRequestSchema>;
export type RecordSessionRequest = z.input<typeof RecordSessionRequestSchema>;
export type CloseDocumentRequest = z.input<typeof CloseDocumentRequestSchema>;

/** The list filters as the address and the API take them (DocumentListQuerySchema without paging). */
export type DocumentFilters = {
  year?: number;
  status?: DocumentStatus;
  unitId?: string;
  q?: string;
};

// A document's list and page read the same records, and a session discharges obligations: a change reads all again.
export const DOCUMENTS_KEY = ["document-studies"] as const;
const OBLIGATIONS_KEY = ["obligations"] as const;
const INBOX_KEY = ["inbox"] as const;

const documentPath = (id: string) => `/api/document-studies/${encodeURIComponent(id)}`;

/** GET /api/document-studies, page by page, the latest received first. */
export function useDocuments(filters: DocumentFilters) {
  return usePagedList<DocumentSummary>([...DOCUMENTS_KEY, "list"], "/api/document-studies", { ...filters });
}

/** GET /api/document-studies/:id: completion by unit, sessions with attendance, obligations, what the user may do. */
export function useDocument(id: string) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch<DocumentView>(documentPath(id), { signal }),
  });
}

/** GET /api/document-studies/:id/roster: the people of a unit, for the attendance form (only when a unit is chosen). */
export function useRoster(id: string, unitId: string | undefined) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, "roster", id, unitId],
    enabled: unitId !== undefined,
    queryFn: ({ signal }) =>
      apiFetch<Roster>(`${documentPath(id)}/roster${queryString({ unitId: unitId ?? "" })}`, { signal }),
  });
}

function useDocumentChange() {
  const client = useQueryClient();
  return async (view: DocumentView) => {
    client.setQueryData([...DOCUMENTS_KEY, "one", view.id], view);
    await Promise.all([
      client.invalidateQueries({
        queryKey: DOCUMENTS_KEY,
        predicate: (query) => !(query.queryKey[1] === "one" && query.queryKey[2] === view.id),
      }),
      client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
      client.invalidateQueries({ queryKey: INBOX_KEY }),
    ]);
  };
}

/** POST /api/document-studies (the secrecy office): registers a received document and raises its obligation. */
export function useRegisterDocument() {
  const changed = useDocumentChange();
  return useMutation({
    mutationFn: (body: RegisterDocumentRequest) =>
      apiFetch<DocumentView>("/api/document-studies", { method: "POST", body }),
    onSuccess: changed,
  });
}

/** POST /api/document-studies/:id/sessions: a unit's study session with its attendance. */
export function useRecordSession(id: string) {
  const changed = useDocumentChange();
  return useMutation({
    mutationFn: (body: RecordSessionRequest) =>
      apiFetch<DocumentView>(`${documentPath(id)}/sessions`, { method: "POST", body }),
    onSuccess: changed,
  });
}

/** POST /api/document-studies/:id/close: 办结. */
export function useCloseDocument(id: string) {
  const changed = useDocumentChange();
  return useMutation({
    mutationFn: (body: CloseDocumentRequest) =>
      apiFetch<DocumentView>(`${documentPath(id)}/close`, { method: "POST", body }),
    onSuccess: changed,
  });
}
