/** Password hashing (argon2id, OWASP's minimum parameters) and the common-password list shipped as data. */
import fs from "node:fs";
import path from "node:path";
import { packageRoot } from "../runtime/package-info.js";

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane. The package's Algorithm enum is a
// const enum that isolated modules cannot read; 2 is its Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// The native module is loaded at the first sign-in, not at start: most requests never touch a password.
const argon2 = () => import("@node-rs/argon2");

/** The argon2id hash of a password. */
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password.normalize("NFC"), OPTIONS);
}

/** Whether the password matches the hash; a malformed hash is a mismatch, not a crash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of one verification, so an unknown username answers as slowly as a wrong password. */
export async function verifyNothing(password: string): Promise<void> {
  dummy ??= hashPassword("baomi-timing-equalizer");
  await verifyPassword(await dummy, password);
}

let common: ReadonlySet<string> | undefined;
/** The common passwords refused by the policy, read once from resources/common-passwords.txt. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    fs
      .readFileSync(path.join(packageRoot, "resources", "common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith("#")),
  );
  return common;
}
