/** The database's tables as Kysely sees them. Each migration that adds a table adds its interface here. */
import { type Instant } from "./instants.js";

/** Instance-wide settings (key → JSON text), changed by the system administrator. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: Instant;
}

export interface Database {
  setting: SettingTable;
}
