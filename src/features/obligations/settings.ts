/**
 * The obligations engine's settings, kept in the `setting` table: the year windows (年初/年中/年底), how early
 * "due soon" begins and how fast an overdue obligation climbs the chain, and the webhooks reminders are posted to.
 */
import { type Kysely } from "kysely";
import { DEFAULT_TIMINGS, type ObligationTimings } from "../../domain/obligation.js";
import { DEFAULT_YEAR_WINDOWS, type YearWindows } from "../../domain/periods.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { type WebhookTarget } from "../../platform/webhooks/target.js";

export interface ObligationSettings {
  windows: YearWindows;
  timings: ObligationTimings;
  webhooks: WebhookTarget[];
}

export const DEFAULT_OBLIGATION_SETTINGS: ObligationSettings = {
  windows: DEFAULT_YEAR_WINDOWS,
  timings: DEFAULT_TIMINGS,
  webhooks: [],
};

export const OBLIGATION_SETTINGS_KEY = "obligations";

/** The settings in force (defaults for whatever was never set). */
export async function readObligationSettings(db: Kysely<Database>): Promise<ObligationSettings> {
  const row = await db
    .selectFrom("setting")
    .select("value")
    .where("key", "=", OBLIGATION_SETTINGS_KEY)
    .executeTakeFirst();
  if (!row) return DEFAULT_OBLIGATION_SETTINGS;
  const raw = JSON.parse(row.value) as Partial<ObligationSettings>;
  return {
    windows: { ...DEFAULT_YEAR_WINDOWS, ...raw.windows },
    timings: { ...DEFAULT_TIMINGS, ...raw.timings },
    webhooks: raw.webhooks ?? [],
  };
}

/** Stores the settings (in the caller's transaction, beside its audit entry). */
export async function writeObligationSettings(
  db: Kysely<Database>,
  settings: ObligationSettings,
  at: Date,
): Promise<void> {
  const value = JSON.stringify(settings);
  const updated_at = toInstant(at);
  await db
    .insertInto("setting")
    .values({ key: OBLIGATION_SETTINGS_KEY, value, updated_at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at }))
    .execute();
}
