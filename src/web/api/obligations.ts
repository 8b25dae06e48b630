import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CalendarSchema,
  DashboardView,
  DecideEvidenceRequestSchema,
  Discharge,
  EvidenceView,
  MaterializeResultSchema,
  ObligationFilters,
  ObligationSettingsSchema,
  ObligationSummary,
  ObligationView,
  RaiseEventRequestSchema,
  RaiseEventResultSchema,
  SaveTermRequestSchema,
  SaveWebhooksRequestSchema,
  ScheduleSettingsSchema,
  SubmitEvidenceRequest,
  Tally,
  TermView,
  WaiveRequestSchema,
  WebhookTestResultSchema,
  WebhookViewSchema,
} from "../../features/obligations/contract";
import { WEBHOOK_FORMATS, type WebhookFormat } from "../../platform/webhooks/formats";
import { apiDownload, apiFetch, queryString } from "./client";
import { type Page, usePagedList } from "./paging";

export type {
  DashboardView,
  Discharge,
  EvidenceView,
  ObligationFilters,
  ObligationSummary,
  ObligationView,
  SubmitEvidenceRequest,
  Tally,
  TermView,
};
export type ObligationStatus = ObligationSummary["status"];
export type AcademicCalendar = z.infer<typeof CalendarSchema>;
export type DecideEvidenceRequest = z.infer<typeof DecideEvidenceRequestSchema>;
export type WaiveRequest = z.infer<typeof WaiveRequestSchema>;
export type SaveTermRequest = z.input<typeof SaveTermRequestSchema>;
export type RaiseEventRequest = z.infer<typeof RaiseEventRequestSchema>;
export type RaiseEventResult = z.infer<typeof RaiseEventResultSchema>;
export type MaterializeResult = z.infer<typeof MaterializeResultSchema>;
export type ObligationSettings = z.infer<typeof ObligationSettingsSchema>;
export type ScheduleSettings = z.infer<typeof ScheduleSettingsSchema>;
export type WebhookView = z.infer<typeof WebhookViewSchema>;
export type SaveWebhooksRequest = z.input<typeof SaveWebhooksRequestSchema>;
export type WebhookTestResult = z.infer<typeof WebhookTestResultSchema>;
export type { WebhookFormat };
/** The webhook formats, in the order the form offers them (the contract's own list: a plain array, no zod). */
export const WEBHOOK_FORMAT_LIST: readonly WebhookFormat[] = WEBHOOK_FORMATS;

// Lists, one obligation, the dashboard and the calendar views all derive from the same records: one prefix, so any
// change to an obligation refreshes every view of it.
export const OBLIGATIONS_KEY = ["obligations"] as const;
const ACADEMIC_CALENDAR_KEY = ["academic-calendar"] as const;
const SETTINGS_KEY = ["obligation-settings"] as const;
// A submitted or decided obligation may answer a notification: the inbox is read again too.
const INBOX_KEY = ["inbox"] as const;

const path = (id: string) => `/api/obligations/${encodeURIComponent(id)}`;

/** GET /api/obligations, page by page (a unit filter covers the units below it too). */
export function useObligations(filters: ObligationFilters) {
  return usePagedList<ObligationSummary>([...OBLIGATIONS_KEY, "list"], "/api/obligations", { ...filters });
}

// The calendar views read every obligation due in a span; a year of a large institution is a few thousand.
const SPAN_PAGE = 200;
const SPAN_MAX_PAGES = 25;

/** Every obligation due in a span (all pages, up to a cap): what the calendar views draw. `truncated` past the cap. */
export function useObligationsDue(dueFrom: string, dueTo: string, filters: ObligationFilters = {}, enabled = true) {
  return useQuery({
    queryKey: [...OBLIGATIONS_KEY, "due", dueFrom, dueTo, filters],
    queryFn: async ({ signal }) => {
      const items: ObligationSummary[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < SPAN_MAX_PAGES; page += 1) {
        const query = queryString({ ...filters, dueFrom, dueTo, limit: SPAN_PAGE, cursor });
        const answer: Page<ObligationSummary> = await apiFetch(`/api/obligations${query}`, { signal });
        items.push(...answer.items);
        cursor = answer.nextCursor;
        if (cursor === null) break;
      }
      return { items, truncated: cursor !== null };
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/obligations/export: exactly what the filters select, as .xlsx (rate limited and audited). */
export function useObligationExport() {
  return useMutation({
    mutationFn: async (filters: ObligationFilters) => {
      const { blob, filename } = await apiDownload(`/api/obligations/export${queryString({ ...filters })}`);
      return { blob, filename: filename ?? "履职事项.xlsx" };
    },
  });
}

/** GET /api/obligations/:id: the obligation with its evidence, who answers for it, and what the actor may do. */
export function useObligation(id: string) {
  return useQuery({
    queryKey: [...OBLIGATIONS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch<ObligationView>(path(id), { signal }),
  });
}

/** After a change to one obligation: the answer is its new state; everything derived from it is read again. */
function useObligationChange() {
  const client = useQueryClient();
  return async (view: ObligationView) => {
    client.setQueryData([...OBLIGATIONS_KEY, "one", view.id], view);
    await Promise.all([
      client.invalidateQueries({
        queryKey: OBLIGATIONS_KEY,
        predicate: (query) => !(query.queryKey[1] === "one" && query.queryKey[2] === view.id),
      }),
      client.invalidateQueries({ queryKey: INBOX_KEY }),
    ]);
  };
}

/** POST /api/obligations/:id/evidence: a summary, a document number and optionally one file (base64, ≤ 5 MB). */
export function useSubmitEvidence(id: string) {
  const changed = useObligationChange();
  return useMutation({
    mutationFn: (body: SubmitEvidenceRequest) =>
      apiFetch<ObligationView>(`${path(id)}/evidence`, { method: "POST", body }),
    onSuccess: changed,
  });
}

/** POST /api/obligations/:id/evidence/:evidenceId/decision: approve (the obligation is fulfilled) or reject. */
export function useDecideEvidence(id: string) {
  const changed = useObligationChange();
  return useMutation({
    mutationFn: ({ evidenceId, ...body }: DecideEvidenceRequest & { evidenceId: string }) =>
      apiFetch<ObligationView>(`${path(id)}/evidence/${encodeURIComponent(evidenceId)}/decision`, {
        method: "POST",
        body,
      }),
    onSuccess: changed,
  });
}

/** POST /api/obligations/:id/waiver with the reason. */
export function useWaive(id: string) {
  const changed = useObligationChange();
  return useMutation({
    mutationFn: (body: WaiveRequest) => apiFetch<ObligationView>(`${path(id)}/waiver`, { method: "POST", body }),
    onSuccess: changed,
  });
}

/** GET /api/obligations/:id/evidence/:evidenceId/file: the uploaded file, under the name it was uploaded with. */
export function useEvidenceFile(id: string) {
  return useMutation({
    mutationFn: async (evidence: EvidenceView) => {
      const { blob, filename } = await apiDownload(`${path(id)}/evidence/${encodeURIComponent(evidence.id)}/file`);
      return { blob, filename: evidence.file?.name ?? filename ?? "evidence" };
    },
  });
}

/** GET /api/obligations/dashboard: the year's tallies by unit, leader, article, status and across years. */
export function useDashboard(year: number | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: [...OBLIGATIONS_KEY, "dashboard", year ?? "current", unitId ?? "all"],
    queryFn: ({ signal }) =>
      apiFetch<DashboardView>(`/api/obligations/dashboard${queryString({ year, unitId })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/academic-calendar: the terms of the academic years from–to, the year windows and the timings. */
export function useAcademicCalendar(from: number, to: number, enabled = true) {
  return useQuery({
    queryKey: [...ACADEMIC_CALENDAR_KEY, from, to],
    queryFn: ({ signal }) =>
      apiFetch<AcademicCalendar>(`/api/academic-calendar${queryString({ from, to })}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** PUT /api/academic-calendar/terms: the institution's own dates for one semester. */
export function useSaveTerm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTermRequest) => apiFetch<TermView>("/api/academic-calendar/terms", { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ACADEMIC_CALENDAR_KEY }),
  });
}

/** POST /api/obligation-events: an event happened (收到上级文件、发现泄密…); answers with the obligations it created. */
export function useRaiseEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RaiseEventRequest) =>
      apiFetch<RaiseEventResult>("/api/obligation-events", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
  });
}

/** POST /api/obligations/materialize: (re)generates a year's obligations; only untouched future ones change. */
export function useMaterialize() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) =>
      apiFetch<MaterializeResult>("/api/obligations/materialize", { method: "POST", body: { year } }),
    onSuccess: () => client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
  });
}

/** GET /api/obligation-settings: the year windows, the timings and the webhooks (the secrecy office, the sysadmin). */
export function useObligationSettings(enabled = true) {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => apiFetch<ObligationSettings>("/api/obligation-settings", { signal }),
    enabled,
  });
}

/**
 * PUT /api/obligation-settings/schedule: the year windows and the timings (the secrecy office, over the institution).
 * The timings change every status (即将到期 begins earlier or later) and the windows the calendar: all read again.
 */
export function useSaveSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleSettings) =>
      apiFetch<ObligationSettings>("/api/obligation-settings/schedule", { method: "PUT", body }),
    onSuccess: async (saved) => {
      // This answer shows robot URLs without their query: keep the webhooks this cache already had.
      client.setQueryData<ObligationSettings>(SETTINGS_KEY, (old) => ({
        ...saved,
        webhooks: old?.webhooks ?? saved.webhooks,
      }));
      await Promise.all([
        client.invalidateQueries({ queryKey: ACADEMIC_CALENDAR_KEY }),
        client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
      ]);
    },
  });
}

/** PUT /api/obligation-settings/webhooks: the whole list; a target sent without its secret keeps the one it had. */
export function useSaveWebhooks() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveWebhooksRequest) =>
      apiFetch<ObligationSettings>("/api/obligation-settings/webhooks", { method: "PUT", body }),
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
  });
}

/** POST /api/obligation-settings/webhooks/test: a test message to every saved target, one result each, in order. */
export function useTestWebhooks() {
  return useMutation({
    mutationFn: () => apiFetch<WebhookTestResult>("/api/obligation-settings/webhooks/test", { method: "POST" }),
  });
}
