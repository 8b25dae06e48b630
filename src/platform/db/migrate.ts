/** Applies the migration set, forward only, on either dialect. */
import { Migrator, type Kysely, type MigrationResult } from "kysely";
import { migrations } from "./migrations/index.js";
import { type Database } from "./schema.js";

const provider = { getMigrations: () => Promise.resolve(migrations) };

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: "baomi_migration",
    migrationLockTableName: "baomi_migration_lock",
  });
}

/** Brings the schema up to date and returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r: MigrationResult) => r.status === "Success").map((r) => r.migrationName);
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const all = await migratorFor(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
