import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Account, OneTimePasswordSchema } from "../../features/accounts/contract";
import type { UnitView } from "../../features/org/contract";
import { apiFetch, queryString } from "./client";
import { usePagedList } from "./paging";

export type { Account, UnitView };
export type OneTimePassword = z.infer<typeof OneTimePasswordSchema>;
export type AccountStatus = Account["status"];

const ACCOUNTS_KEY = ["accounts"] as const;

export interface AccountFilters {
  q?: string;
  status?: AccountStatus;
}

/** GET /api/accounts, page by page. */
export function useAccounts(filters: AccountFilters) {
  return usePagedList<Account>(ACCOUNTS_KEY, "/api/accounts", { ...filters });
}

/** A short search for a picker (first 20 matches). */
export function useAccountSearch(q: string) {
  return useQuery({
    queryKey: [...ACCOUNTS_KEY, "search", q],
    queryFn: ({ signal }) =>
      apiFetch<{ items: Account[] }>(`/api/accounts${queryString({ q, limit: 20 })}`, { signal }),
  });
}

export interface NewAccount {
  username: string;
  displayName: string;
  unitId: string;
}

/** POST /api/accounts → the account and its one-time password. */
export function useCreateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAccount) => apiFetch<OneTimePassword>("/api/accounts", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

/** PATCH /api/accounts/:id (enable, disable, rename). */
export function useUpdateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; status?: AccountStatus; displayName?: string }) =>
      apiFetch<Account>(`/api/accounts/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

/** POST /api/accounts/:id/reset-password → a new one-time password. */
export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<OneTimePassword>(`/api/accounts/${encodeURIComponent(id)}/reset-password`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

/** POST /api/accounts/:id/unlock. */
export function useUnlockAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Account>(`/api/accounts/${encodeURIComponent(id)}/unlock`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

/** GET /api/units: the whole unit tree (flat, with parentId), for scope pickers. */
export function useUnits() {
  return useQuery({
    queryKey: ["units"],
    queryFn: ({ signal }) => apiFetch<{ items: UnitView[] }>("/api/units", { signal }),
    staleTime: 5 * 60_000,
  });
}
