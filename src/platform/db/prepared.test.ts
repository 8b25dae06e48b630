import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects, type TestDatabase } from "../../../test/databases.js";
import { openDatabase, type Db } from "./database.js";
import { migrateToLatest } from "./migrate.js";
import { preparedQuery } from "./prepared.js";

describe.each(testDialects)("prepared queries on %s", (dialect) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await openDatabase(database.target);
    await migrateToLatest(db);
    await db.kysely
      .insertInto("setting")
      .values([
        { key: "a", value: "1", updated_at: "2027-01-01T00:00:00.000Z" },
        { key: "b", value: "2", updated_at: "2027-06-01T00:00:00.000Z" },
        { key: "c", value: "3", updated_at: "2027-09-01T00:00:00.000Z" },
      ])
      .execute();
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it("binds fresh values on every call, including an argument used twice", async () => {
    const between = preparedQuery((k, from: string, to: string) =>
      k
        .selectFrom("setting")
        .select("key")
        .where("updated_at", ">=", from)
        .where("updated_at", "<", to)
        .where("key", "!=", from)
        .orderBy("key"),
    );
    expect((await between(db.kysely, "2027-01-01", "2027-07-01")).map((r) => r.key)).toEqual(["a", "b"]);
    expect((await between(db.kysely, "2027-05-01", "2028-01-01")).map((r) => r.key)).toEqual(["b", "c"]);
    const constant = preparedQuery((k, key: string) =>
      k.selectFrom("setting").select("value").where("key", "=", key).where("value", "!=", "x"),
    );
    expect(await constant(db.kysely, "c")).toEqual([{ value: "3" }]);
    expect(await constant(db.kysely, "zz")).toEqual([]);
  });
});
