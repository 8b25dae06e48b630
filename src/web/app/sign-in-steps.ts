import type { PendingStep } from "../api/auth";

/** The page of each sign-in step, in the order the server lists them (code, new password, enrolment). */
export const STEP_PATHS: Record<PendingStep, string> = {
  totp: "/login/totp",
  passwordChange: "/login/password",
  totpEnrollment: "/login/totp-enrollment",
};

/** The path a user asked for, if it is safe to return to: same-origin, absolute, and not a sign-in page. */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  if (raw === "/login" || raw.startsWith("/login/") || raw.startsWith("/login?")) return "/";
  return raw;
}

/** `?next=…` for a sign-in page, omitted when the destination is the dashboard anyway. */
export function nextQuery(next: string): string {
  const safe = safeNext(next);
  return safe === "/" ? "" : `?next=${encodeURIComponent(safe)}`;
}

/** Where to go once a sign-in step is done: the next pending step, or the page the user asked for. */
export function afterStep(pending: readonly string[], next: string): string {
  const step = pending.find((s): s is PendingStep => s in STEP_PATHS);
  return step ? `${STEP_PATHS[step]}${nextQuery(next)}` : safeNext(next);
}
