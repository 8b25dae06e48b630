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

/**
 * The advisory lock migrations hold on PostgreSQL, across the whole database: Kysely reads the catalogue of every
 * schema before it migrates, and that read fails if another installation (or test) drops a schema at that moment.
 * Whoever drops a Baomi schema takes it too; several processes starting together migrate one after the other.
 */
export const MIGRATION_LOCK = "baomi.migrate";

/** Brings the schema up to date and returns the names of the migrations it applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const run = async () => {
    const { error, results } = await (await migratorFor(db)).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error("migration failed");
    return (results ?? []).filter((r: MigrationResult) => r.status === "Success").map((r) => r.migrationName);
  };
  if (db.dialect !== "postgres") return run();
  return db.kysely.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${MIGRATION_LOCK}))`.execute(conn);
    try {
      return await run();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK}))`.execute(conn);
    }
  });
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await (await migratorFor(db)).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
