/**
 * The `details` of an audit entry: canonical JSON text, with the value of any key that names a secret replaced, so
 * that a careless caller cannot put a password or a token into a log that is kept for years and can never be edited.
 */
import { canonicalJson } from "./canonical-json.js";

/** Keys whose values are never stored: passwords, secrets, tokens, cookies, one-time codes. */
const SECRET_KEY = /pass(word|phrase|wd)|secret|token|cookie|authorization|otp_?code|recovery_?code/i;

/** What a secret's value is replaced with. */
export const REDACTED = "[redacted]";

/** The stored text of an event's details: canonical JSON with secret-named values redacted; `{}` when absent. */
export function detailsText(details: Record<string, unknown> | undefined): string {
  return canonicalJson(redact(details ?? {}));
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return value;
  // Anything but a plain object is passed through untouched, for canonicalJson to refuse.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redact(item);
  return out;
}
