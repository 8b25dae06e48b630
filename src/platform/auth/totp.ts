/**
 * TOTP (RFC 6238: HMAC-SHA1, 30-second step, 6 digits) on @oslojs/otp. Codes from the step before and after are
 * accepted for clock drift; a code's step is remembered so that no code works twice.
 */
import { randomBytes } from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32NoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";

const STEP_SECONDS = 30;
const DIGITS = 6;
const ISSUER = "Baomi 保密";

/** A new 160-bit secret, base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return encodeBase32NoPadding(randomBytes(20));
}

/** The otpauth:// URI for a QR code. */
export function totpUri(secret: string, accountName: string): string {
  return createTOTPKeyURI(ISSUER, accountName, decodeBase32IgnorePadding(secret), STEP_SECONDS, DIGITS);
}

/** The step (30-second window number) of an instant. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / STEP_SECONDS);
}

/** The code for a step (what an authenticator app shows then); tests use it to sign in. */
export function totpCodeAt(secret: string, step: number): string {
  return hotp(secret, step);
}

/** The step whose code matches, within ±1 step of `at` and after `lastStep`; null when none does. */
export function matchTotp(secret: string, code: string, at: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = totpStep(at);
  for (const step of [now - 1, now, now + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    if (timingSafeEqualText(hotp(secret, step), code)) return step;
  }
  return null;
}

function hotp(secret: string, counter: number): string {
  // A TOTP code is the HOTP code whose counter is the step number (RFC 6238 §4).
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(counter), DIGITS);
}

function timingSafeEqualText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
