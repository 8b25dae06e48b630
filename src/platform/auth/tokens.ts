/** Random secrets and their digests. */
import { createHash, randomBytes } from "node:crypto";

/** A URL-safe random token of `bytes` bytes (256 bits by default). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** SHA-256 in hex: how tokens and recovery codes are stored, so a database copy holds nothing usable. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

// No 0/O, 1/l/I: recovery codes are read off paper and typed by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A random code in groups, e.g. `k7q2-m9xp-3hfa`. */
export function randomCode(groups = 3, size = 4): string {
  const bytes = randomBytes(groups * size);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return Array.from({ length: groups }, (_, g) => chars.slice(g * size, (g + 1) * size).join("")).join("-");
}

/** One-time passwords for new and reset accounts: long enough, easy to type. */
export function oneTimePassword(): string {
  return randomCode(4, 4);
}
