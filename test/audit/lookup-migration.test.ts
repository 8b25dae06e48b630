import { Migrator, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { findAuditEntries } from "../../src/features/audit-log/query.js";
import { createAuditLog } from "../../src/platform/audit/audit-log.js";
import { openDatabase, type Db } from "../../src/platform/db/database.js";
import { MIGRATION_LOCK, migrateToLatest } from "../../src/platform/db/migrate.js";
import { migrations } from "../../src/platform/db/migrations/index.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../databases.js";
import { sampleEvent, testConfig } from "./fixtures.js";

/** Applies the migrations up to and including `last`, as a database last migrated by an older release would be. */
async function migrateUpTo(db: Db, last: string): Promise<void> {
  const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));
  const migrate = async (): Promise<void> => {
    const schema =
      db.dialect === "postgres"
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)).rows[0]?.schema
        : undefined;
    const { error } = await new Migrator({
      db: db.kysely,
      provider: { getMigrations: () => Promise.resolve(older) },
      // The names migrate.ts uses, so that migrateToLatest carries on from here.
      migrationTableName: "baomi_migration",
      migrationLockTableName: "baomi_migration_lock",
      ...(schema ? { migrationTableSchema: schema } : {}),
    }).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error("migration failed");
  };
  if (db.dialect !== "postgres") return migrate();
  // Under the lock migrate.ts takes: another test's schema dropped meanwhile would fail the catalogue read.
  await db.kysely.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${MIGRATION_LOCK}))`.execute(conn);
    try {
      await migrate();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK}))`.execute(conn);
    }
  });
}

/** The names of the indexes on `table`, the primary key's left out. */
async function indexesOf(db: Db, table: string): Promise<string[]> {
  const { rows } =
    db.dialect === "postgres"
      ? await sql<{ name: string }>`
          select indexname as name from pg_indexes
          where schemaname = current_schema() and tablename = ${table} and indexname not like '%_pkey'`.execute(
          db.kysely,
        )
      : await sql<{ name: string }>`
          select name from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(
          db.kysely,
        );
  return rows.map((row) => row.name).sort();
}

describe.each(testDialects)("migration 0009_audit_lookup on %s", (dialect) => {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    await database?.drop();
    db = undefined;
    database = undefined;
  });

  it("copies the entries written before it into the lookup and moves the filter indexes there", async () => {
    database = await createTestDatabase(dialect);
    db = await openDatabase(database.target);
    await migrateUpTo(db, "0008_obligations");
    expect(await indexesOf(db, "audit_entry")).toEqual([
      "audit_entry_action",
      "audit_entry_actor_name",
      "audit_entry_at",
      "audit_entry_object",
      "audit_entry_result",
    ]);
    // Written by the current writer, which has never touched the lookup: it works on the older schema as it is.
    const log = createAuditLog({ db, config: testConfig(database) });
    await db.kysely.transaction().execute(async (trx) => {
      for (let n = 1; n <= 40; n++) await log.append(trx, sampleEvent(n));
    });

    expect(await migrateToLatest(db)).toContain("0009_audit_lookup");
    expect(await indexesOf(db, "audit_entry")).toEqual([]);
    expect(await indexesOf(db, "audit_lookup")).toEqual([
      "audit_lookup_action",
      "audit_lookup_actor",
      "audit_lookup_at",
      "audit_lookup_object",
      "audit_lookup_result",
    ]);
    const columns = ["seq", "at", "actor_username", "action", "object_type", "object_id", "result"] as const;
    const entries = await db.kysely.selectFrom("audit_entry").select(columns).orderBy("seq").execute();
    expect(entries).toHaveLength(40);
    expect(await db.kysely.selectFrom("audit_lookup").select(columns).orderBy("seq").execute()).toEqual(entries);
    const found = await findAuditEntries(db, { actor: "用户3", result: "success" }, { limit: 100 });
    const expected = entries.filter((e) => e.actor_username === "用户3" && e.result === "success").reverse();
    expect(found.map((row) => Number(row.seq))).toEqual(expected.map((e) => Number(e.seq)));
    expect(expected.length).toBeGreaterThan(0);
  });
});
