import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/platform/config/config.js";
import { openDatabase, type Db } from "../../src/platform/db/database.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { migrateToLatest, pendingMigrations } from "../../src/platform/db/migrate.js";
import { migrations } from "../../src/platform/db/migrations/index.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../databases.js";

describe.each(testDialects)("database on %s", (dialect) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await openDatabase(database.target);
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it("applies every migration once, and nothing on a second run", async () => {
    const all = Object.keys(migrations);
    expect(all.slice(0, 3)).toEqual(["0001_foundation", "0002_audit", "0003_identity"]);
    expect(await pendingMigrations(db)).toEqual(all);
    expect(await migrateToLatest(db)).toEqual(all);
    expect(await migrateToLatest(db)).toEqual([]);
    expect(await pendingMigrations(db)).toEqual([]);
  });

  it("stores instants and Chinese text byte-for-byte", async () => {
    const at = toInstant(new Date("2027-02-28T16:00:00.007Z"));
    const value = JSON.stringify({ name: "保密委员会 𠀀 ★" });
    await db.kysely.insertInto("setting").values({ key: "probe", value, updated_at: at }).execute();
    const row = await db.kysely.selectFrom("setting").selectAll().where("key", "=", "probe").executeTakeFirstOrThrow();
    expect(row).toEqual({ key: "probe", value, updated_at: "2027-02-28T16:00:00.007Z" });
    const later = await db.kysely
      .selectFrom("setting")
      .select("key")
      .where("updated_at", ">", "2027-02-28T15:59:59.999Z")
      .execute();
    expect(later).toEqual([{ key: "probe" }]);
  });

  it("refuses a duplicate primary key", async () => {
    const row = { key: "dup", value: "1", updated_at: toInstant(new Date()) };
    await db.kysely.insertInto("setting").values(row).execute();
    await expect(db.kysely.insertInto("setting").values(row).execute()).rejects.toThrow();
  });
});

describe.runIf(testDialects.includes("sqlite"))("SQLite durability settings", () => {
  it("runs in WAL with synchronous=FULL and foreign keys on", async () => {
    const database = await createTestDatabase("sqlite");
    const db = await openDatabase(database.target);
    try {
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db.kysely)).rows[0] as Record<string, unknown>)[0];
      expect(await pragma("journal_mode")).toBe("wal");
      expect(await pragma("synchronous")).toBe(2);
      expect(await pragma("foreign_keys")).toBe(1);
    } finally {
      await db.close();
      await database.drop();
    }
  });

  it("refuses to start where WAL is impossible", async () => {
    // An in-memory database cannot use WAL: the server must refuse rather than run without it.
    const attempt = openDatabase({ dialect: "sqlite", file: ":memory:" });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toMatchObject({ setting: "BAOMI_DATABASE_URL" });
  });
});
