/**
 * Reads the whole chain in seq order, in batches (keyset pagination by seq), as positional tuples — what the verifier
 * and nothing else needs. On SQLite the scan runs on a private better-sqlite3 connection in raw (array) mode: building
 * a JS object per row costs more than hashing it, and raw rows halve the time of a million-entry verification.
 */
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { type Db } from "../db/database.js";
import { type EntryTuple } from "./chain.js";

/** The columns of `audit_entry` in tuple order. */
export const ENTRY_COLUMNS = [
  "seq",
  "id",
  "at",
  "actor_account_id",
  "actor_username",
  "actor_role",
  "unit_id",
  "action",
  "object_type",
  "object_id",
  "result",
  "source_ip",
  "request_id",
  "details",
  "prev_hash",
  "hash",
] as const;

/** Batches of entries with seq > `after`, in seq order, until the end of the log. */
export async function* entryBatches(db: Db, after: number, batchSize: number): AsyncGenerator<EntryTuple[]> {
  const file = db.dialect === "sqlite" ? await sqliteFile(db) : null;
  if (file) yield* sqliteBatches(file, after, batchSize);
  else yield* kyselyBatches(db, after, batchSize);
}

async function sqliteFile(db: Db): Promise<string | null> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db.kysely);
  // An in-memory or temporary database has no file another connection could open.
  return rows.find((row) => row.name === "main")?.file || null;
}

function* sqliteBatches(file: string, after: number, batchSize: number): Generator<EntryTuple[]> {
  const handle = new BetterSqlite3(file, { fileMustExist: true });
  try {
    handle.pragma("query_only = 1");
    handle.pragma("busy_timeout = 5000");
    const statement = handle
      .prepare(`select ${ENTRY_COLUMNS.join(", ")} from audit_entry where seq > ? order by seq limit ?`)
      .raw(true);
    for (let last = after; ;) {
      const rows = statement.all(last, batchSize) as EntryTuple[];
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) return;
      last = rows[rows.length - 1]![0] as number;
    }
  } finally {
    handle.close();
  }
}

async function* kyselyBatches(db: Db, after: number, batchSize: number): AsyncGenerator<EntryTuple[]> {
  for (let last = after; ;) {
    const rows = await db.kysely
      .selectFrom("audit_entry")
      .select([...ENTRY_COLUMNS])
      .where("seq", ">", last)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    if (rows.length > 0) yield rows.map((row) => ENTRY_COLUMNS.map((column) => row[column]) as EntryTuple);
    if (rows.length < batchSize) return;
    last = Number(rows[rows.length - 1]!.seq);
  }
}
