import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AppointmentView,
  PersonView,
  PortfolioView,
  PORTFOLIO_AREAS,
  UnitView,
} from "../../features/org/contract";
import type { ImportErrorView, ImportResult } from "../../features/org-import/contract";
import { apiDownload, apiFetch, apiUpload } from "./client";
import { usePagedList } from "./paging";

export type { AppointmentView, PersonView, PortfolioView, UnitView };
export type PortfolioArea = (typeof PORTFOLIO_AREAS)[number];

/** The portfolio areas, in the order the form offers them (mirrors PORTFOLIO_AREAS without bundling zod). */
export const PORTFOLIO_AREA_LIST = ["business", "secrecy", "security"] as const satisfies readonly PortfolioArea[];

export const UNITS_KEY = ["units"] as const;
const PEOPLE_KEY = ["people"] as const;
const APPOINTMENTS_KEY = ["appointments"] as const;
const PORTFOLIOS_KEY = ["portfolios"] as const;
// What the responsibility screens derive from the organization: they go stale with every change to it.
const DERIVED_KEYS = [["responsibility"], ["committee"]] as const;

/** After any change to the organization, the lists and everything resolved from them are read again. */
function useOrgInvalidation(...keys: (readonly unknown[])[]) {
  const client = useQueryClient();
  return () =>
    Promise.all([...keys, ...DERIVED_KEYS].map((queryKey) => client.invalidateQueries({ queryKey: [...queryKey] })));
}

export interface NewUnit {
  parentId: string;
  name: string;
  code: string | null;
  classified: boolean;
  sortOrder: number;
}

/** POST /api/units. */
export function useCreateUnit() {
  const done = useOrgInvalidation(UNITS_KEY);
  return useMutation({
    mutationFn: (body: NewUnit) => apiFetch<UnitView>("/api/units", { method: "POST", body }),
    onSuccess: done,
  });
}

export interface UnitChange {
  name?: string;
  code?: string | null;
  classified?: boolean;
  sortOrder?: number;
  closedOn?: string | null;
}

/** PATCH /api/units/:id (rename, re-code, designate as classified, close or reopen). */
export function useUpdateUnit() {
  const done = useOrgInvalidation(UNITS_KEY);
  return useMutation({
    mutationFn: ({ id, ...body }: UnitChange & { id: string }) =>
      apiFetch<UnitView>(`/api/units/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: done,
  });
}

export interface PeopleFilters {
  q?: string;
  unitId?: string;
}

/** GET /api/people, page by page (a unit filter covers the units below it too). */
export function usePeople(filters: PeopleFilters) {
  return usePagedList<PersonView>(PEOPLE_KEY, "/api/people", { ...filters });
}

export interface PersonInput {
  name: string;
  staffNo: string | null;
  /** Where 履职提醒 e-mails go; null for none. */
  email: string | null;
  unitId: string;
}

/** POST /api/people. */
export function useCreatePerson() {
  const done = useOrgInvalidation(PEOPLE_KEY);
  return useMutation({
    mutationFn: (body: PersonInput) => apiFetch<PersonView>("/api/people", { method: "POST", body }),
    onSuccess: done,
  });
}

/** PATCH /api/people/:id. */
export function useUpdatePerson() {
  const done = useOrgInvalidation(PEOPLE_KEY, APPOINTMENTS_KEY, PORTFOLIOS_KEY);
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<PersonInput> & { id: string }) =>
      apiFetch<PersonView>(`/api/people/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: done,
  });
}

export interface AppointmentFilters {
  unitId?: string;
  personId?: string;
  /** Only the appointments in force on this date. */
  at?: string;
}

/** GET /api/appointments, newest first, page by page. */
export function useAppointments(filters: AppointmentFilters, enabled = true) {
  const list = usePagedList<AppointmentView>(APPOINTMENTS_KEY, "/api/appointments", { ...filters });
  return enabled ? list : { ...list, items: [] };
}

export interface NewAppointment {
  personId: string;
  unitId: string;
  position: string;
  acting: boolean;
  startsOn: string;
  endsOn: string | null;
}

/** POST /api/appointments (409 when a one-holder post is taken on those dates, naming the holder). */
export function useAppoint() {
  const done = useOrgInvalidation(APPOINTMENTS_KEY);
  return useMutation({
    mutationFn: (body: NewAppointment) => apiFetch<AppointmentView>("/api/appointments", { method: "POST", body }),
    onSuccess: done,
  });
}

/** POST /api/appointments/:id/end. */
export function useEndAppointment() {
  const done = useOrgInvalidation(APPOINTMENTS_KEY);
  return useMutation({
    mutationFn: ({ id, endsOn }: { id: string; endsOn: string }) =>
      apiFetch<AppointmentView>(`/api/appointments/${encodeURIComponent(id)}/end`, {
        method: "POST",
        body: { endsOn },
      }),
    onSuccess: done,
  });
}

export interface PortfolioFilters {
  personId?: string;
  area?: PortfolioArea;
}

/** GET /api/portfolios, newest first, page by page. */
export function usePortfolios(filters: PortfolioFilters) {
  return usePagedList<PortfolioView>(PORTFOLIOS_KEY, "/api/portfolios", { ...filters });
}

export interface NewPortfolio {
  personId: string;
  unitId: string;
  area: PortfolioArea;
  startsOn: string;
  endsOn: string | null;
}

/** POST /api/portfolios. */
export function useAssignPortfolio() {
  const done = useOrgInvalidation(PORTFOLIOS_KEY);
  return useMutation({
    mutationFn: (body: NewPortfolio) => apiFetch<PortfolioView>("/api/portfolios", { method: "POST", body }),
    onSuccess: done,
  });
}

/** POST /api/portfolios/:id/end. */
export function useEndPortfolio() {
  const done = useOrgInvalidation(PORTFOLIOS_KEY);
  return useMutation({
    mutationFn: ({ id, endsOn }: { id: string; endsOn: string }) =>
      apiFetch<PortfolioView>(`/api/portfolios/${encodeURIComponent(id)}/end`, { method: "POST", body: { endsOn } }),
    onSuccess: done,
  });
}

export type { ImportErrorView, ImportResult };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /api/org/import/template: the workbook to fill in. */
export function useImportTemplate() {
  return useMutation({
    mutationFn: async () => {
      const { blob, filename } = await apiDownload("/api/org/import/template");
      return { blob, filename: filename ?? "组织机构导入模板.xlsx" };
    },
  });
}

/** POST /api/org/import with the workbook's bytes: all rows or none (a refusal lists every bad row). */
export function useImportOrg() {
  const done = useOrgInvalidation(UNITS_KEY, PEOPLE_KEY, APPOINTMENTS_KEY, PORTFOLIOS_KEY);
  return useMutation({
    mutationFn: (file: Blob) => apiUpload<ImportResult>("/api/org/import", file, XLSX_TYPE),
    onSuccess: done,
  });
}
