/** Applies the migration set, forward only, on either dialect. */
import { Migrator, sql, type MigrationResult } from "kysely";
import { type Db } from "./database.js";
import { migrations } from "./migrations/index.js";

const provider = { getMigrations: () => Promise.resolve(migrations) };

async function migratorFor(db: Db): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema it can see; on PostgreSQL it must be told which one is
  // ours, or a second installation in another schema of the same database would find the first one's tables.
  const schema =
    db.dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db: db.kysely,
    provider,
    migrationTableName: "baomi_migration",
    migrationLockTableName: "baomi_migration_lock",
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** Brings the schema up to date and returns the names of the migrations it applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await (await migratorFor(db)).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error("migration failed");
  return (results ?? []).filter((r: MigrationResult) => r.status === "Success").map((r) => r.migrationName);
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await (await migratorFor(db)).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
