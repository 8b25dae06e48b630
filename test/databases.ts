/**
 * Test databases: SQLite always, PostgreSQL as well when BAOMI_TEST_DATABASE_URL is set (CI sets it). Each test
 * database is fresh — a new SQLite file, or a new PostgreSQL schema reached through search_path — and is removed after.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { MIGRATION_LOCK } from "../src/platform/db/migrate.js";
import { type DatabaseTarget } from "../src/platform/config/config.js";

export type TestDialect = DatabaseTarget["dialect"];

/**
 * The dialects this run covers: SQLite, and PostgreSQL when a URL is given. BAOMI_TEST_DIALECTS=postgres narrows a
 * run to PostgreSQL (CI's second pass, so the SQLite cases are not counted twice).
 */
export const testDialects: TestDialect[] = (() => {
  const available: TestDialect[] = process.env.BAOMI_TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];
  const only = process.env.BAOMI_TEST_DIALECTS?.split(",").map((d) => d.trim());
  return only ? available.filter((d) => only.includes(d)) : available;
})();

export interface TestDatabase {
  target: DatabaseTarget;
  /** A scratch folder for the data directory of this database's app. */
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given dialect. */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-test-"));
  const removeDir = (): void => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === "sqlite") {
    return {
      target: { dialect: "sqlite", file: path.join(dataDir, "baomi.sqlite") },
      dataDir,
      drop: () => Promise.resolve(removeDir()),
    };
  }
  const base = process.env.BAOMI_TEST_DATABASE_URL;
  if (!base) throw new Error("BAOMI_TEST_DATABASE_URL is not set");
  const schema = `baomi_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(base, (client) => client.query(`create schema "${schema}"`));
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    target: { dialect: "postgres", url: url.toString() },
    dataDir,
    drop: async () => {
      // Under the migrations' lock: a schema vanishing while another test's migration reads the catalogue fails it.
      await withAdmin(base, async (client) => {
        await client.query("select pg_advisory_lock(hashtext($1))", [MIGRATION_LOCK]);
        try {
          await client.query(`drop schema if exists "${schema}" cascade`);
        } finally {
          await client.query("select pg_advisory_unlock(hashtext($1))", [MIGRATION_LOCK]);
        }
      });
      removeDir();
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
