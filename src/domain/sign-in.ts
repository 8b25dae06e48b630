/**
 * The rules of signing in that do not touch storage: which steps a session must still take, and the lockout
 * (等保 GB/T 22239 8.1.4.1 b; ASVS 2.2.1): 5 consecutive failures lock the account for 10 minutes.
 */

/** Steps a signed-in session must still take before it may do anything else, in this order. */
export const PENDING_STEPS = ["totp", "passwordChange", "totpEnrollment"] as const;
export type PendingStep = (typeof PENDING_STEPS)[number];

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 10;

export interface SignInFacts {
  totpEnabled: boolean;
  totpVerified: boolean;
  totpRequired: boolean;
  mustChangePassword: boolean;
  passwordExpired: boolean;
}

/** The steps still pending, in the order the UI walks them: code, then new password, then enrolment. */
export function pendingSteps(facts: SignInFacts): PendingStep[] {
  const steps: PendingStep[] = [];
  if (facts.totpEnabled && !facts.totpVerified) steps.push("totp");
  if (facts.mustChangePassword || facts.passwordExpired) steps.push("passwordChange");
  if (facts.totpRequired && !facts.totpEnabled) steps.push("totpEnrollment");
  return steps;
}

/** Whether a password set at `changedAt` has outlived the rotation period (null period = never). */
export function passwordExpired(changedAt: string | null, rotationDays: number | null, now: Date): boolean {
  if (rotationDays === null || changedAt === null) return false;
  return now.getTime() - Date.parse(changedAt) >= rotationDays * 86_400_000;
}

/** After a failed attempt: the new failure count and, when the threshold is reached, the lock's end. */
export function afterFailure(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: Date | null } {
  const failures = failedLogins + 1;
  if (failures >= LOCKOUT_THRESHOLD)
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  return { failedLogins: failures, lockedUntil: null };
}
