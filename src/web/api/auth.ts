import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  LoginRequest,
  Me,
  OwnSession,
  PendingStep,
  RecoveryCodesSchema,
  SessionState,
  TotpSetupSchema,
} from "../../features/auth/contract";
import { apiFetch, setCsrfToken } from "./client";

export type { LoginRequest as Credentials, Me, OwnSession, PendingStep, SessionState };
export type TotpSetup = z.infer<typeof TotpSetupSchema>;
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** GET /api/auth/session: whether this browser is signed in, and which sign-in steps remain. Public, never 401. */
export interface SessionProbe {
  authenticated: boolean;
  pending: PendingStep[];
  csrfToken: string | null;
}

export const SESSION_KEY = ["auth", "session"] as const;
export const ME_KEY = ["me"] as const;

/** The bootstrap question every screen starts from. */
export function useSessionProbe() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => apiFetch<SessionProbe>("/api/auth/session", { signal }),
    staleTime: 30_000,
  });
}

/** The signed-in account, its roles and abilities (menus), and the session's expiry. */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => apiFetch<Me>("/api/me", { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * After a sign-in step the server has issued a new cookie and CSRF token: record the new state. A new sign-in also
 * drops everything cached under the old session (another account may have signed in on this browser); a password
 * change keeps the cache and only refreshes the account.
 */
export function adoptSessionState(client: QueryClient, state: SessionState, newSignIn = true): void {
  setCsrfToken(state.csrfToken);
  if (newSignIn) client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  else void client.invalidateQueries({ queryKey: ME_KEY });
  client.setQueryData<SessionProbe>(SESSION_KEY, {
    authenticated: true,
    pending: state.pending,
    csrfToken: state.csrfToken,
  });
}

/** Forgets the session in this tab (after sign-out, or when the server says it ended). */
export function forgetSession(client: QueryClient): void {
  setCsrfToken(null);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  client.setQueryData<SessionProbe>(SESSION_KEY, { authenticated: false, pending: [], csrfToken: null });
}

/** POST /api/auth/login. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      apiFetch<SessionState>("/api/auth/login", { method: "POST", body: credentials }),
    onSuccess: (state) => adoptSessionState(client, state),
  });
}

/** POST /api/auth/totp with a 6-digit code or a recovery code. */
export function useTotpSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiFetch<SessionState>("/api/auth/totp", { method: "POST", body: { code } }),
    onSuccess: (state) => adoptSessionState(client, state),
  });
}

/** POST /api/auth/logout; the tab forgets the session even when the server could not be reached. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<undefined>("/api/auth/logout", { method: "POST" }),
    onSettled: () => forgetSession(client),
  });
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/me/password; every other session ends and this one gets a new token. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChange) => apiFetch<SessionState>("/api/me/password", { method: "POST", body }),
    onSuccess: (state) => adoptSessionState(client, state, false),
  });
}

/** POST /api/me/totp/setup: a new secret, pending until confirmed. */
export function useTotpSetup() {
  return useMutation({
    mutationFn: () => apiFetch<TotpSetup>("/api/me/totp/setup", { method: "POST" }),
  });
}

/** POST /api/me/totp/confirm: turns TOTP on; answers with the recovery codes, shown once. */
export function useTotpConfirm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiFetch<RecoveryCodes>("/api/me/totp/confirm", { method: "POST", body: { code } }),
    // The sign-in enrolment page re-reads the session itself once the codes have been seen.
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** POST /api/me/totp/disable (403 when a role requires TOTP). */
export function useTotpDisable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      apiFetch<undefined>("/api/me/totp/disable", { method: "POST", body: { password } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** POST /api/me/recovery-codes: replaces every recovery code. */
export function useRenewRecoveryCodes() {
  return useMutation({
    mutationFn: (password: string) =>
      apiFetch<RecoveryCodes>("/api/me/recovery-codes", { method: "POST", body: { password } }),
  });
}

const SESSIONS_KEY = ["me", "sessions"] as const;

/** GET /api/me/sessions. */
export function useOwnSessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => apiFetch<{ items: OwnSession[] }>("/api/me/sessions", { signal }),
  });
}

/** DELETE /api/me/sessions/:id. */
export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<undefined>(`/api/me/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}
