/**
 * Reads the version of a cached answer's data (migration 0024: triggers bump it on every committed change to what the
 * answer is read from). Read it BEFORE reading the data: a change that commits in between then leaves the answer
 * newer than its version says, never older, and the next reader sees the new version.
 * On SQLite the read is one prepared statement on the connection, synchronously: it runs on every cache hit, where a
 * query builder would cost more than the answer it saves.
 */
import { type Statement } from "better-sqlite3";
import { type Db } from "./database.js";
import { type DataVersionTable } from "./schema.js";

export type DataTopic = DataVersionTable["topic"];

/** A function reading the topic's current version, as text (the two dialects return different number types). */
export function dataVersionReader(db: Db, topic: DataTopic): () => Promise<string> {
  const handle = db.sqliteHandle;
  if (handle) {
    let statement: Statement | undefined;
    return () => {
      statement ??= handle.prepare("select version from data_version where topic = ?").pluck();
      return Promise.resolve(String(statement.get(topic)));
    };
  }
  const query = db.kysely.selectFrom("data_version").select("version").where("topic", "=", topic).compile();
  return async () => String((await db.kysely.executeQuery(query)).rows[0]?.version);
}
