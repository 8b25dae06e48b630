/**
 * Security settings the security administrator changes at run time, kept in the `setting` table. Read on the request
 * path, so each process keeps them for a few seconds: a change reaches every process within that time.
 */
import { type Kysely } from "kysely";
import { type BusinessRole, isBusinessRole } from "../../domain/roles.js";
import { toInstant } from "../db/instants.js";
import { type Database } from "../db/schema.js";

export interface SecuritySettings {
  totpRequiredRoles: BusinessRole[];
  passwordRotationDays: number | null;
}

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = { totpRequiredRoles: [], passwordRotationDays: null };

const KEY = "security";
const CACHE_MS = 5_000;
const cache = new WeakMap<Kysely<Database>, { at: number; value: SecuritySettings }>();

/** The current security settings (defaults where never set). */
export async function readSecuritySettings(db: Kysely<Database>, now = Date.now()): Promise<SecuritySettings> {
  const cached = cache.get(db);
  if (cached && now - cached.at < CACHE_MS) return cached.value;
  const row = await db.selectFrom("setting").select("value").where("key", "=", KEY).executeTakeFirst();
  const value = row ? parse(row.value) : DEFAULT_SECURITY_SETTINGS;
  cache.set(db, { at: now, value });
  return value;
}

/** Stores new settings (inside the caller's transaction, beside its audit entry). */
export async function writeSecuritySettings(db: Kysely<Database>, settings: SecuritySettings, at: Date): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto("setting")
    .values({ key: KEY, value, updated_at: toInstant(at) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: toInstant(at) }))
    .execute();
}

/** Forgets the cached settings of this process (after a write, so the writer sees its change at once). */
export function forgetSecuritySettings(db: Kysely<Database>): void {
  cache.delete(db);
}

function parse(text: string): SecuritySettings {
  const raw = JSON.parse(text) as Partial<SecuritySettings>;
  return {
    totpRequiredRoles: (raw.totpRequiredRoles ?? []).filter(isBusinessRole),
    passwordRotationDays: typeof raw.passwordRotationDays === "number" ? raw.passwordRotationDays : null,
  };
}
