/**
 * Serializes writers of the chain, so that two can never both read entry n and both write n + 1 (a fork) or skip one.
 * The primary key on seq would refuse a fork anyway; the lock turns that error into waiting.
 */
import { sql, type Transaction } from "kysely";
import { type Dialect } from "../db/database.js";
import { type Database } from "../db/schema.js";

/**
 * The advisory lock key: the ASCII bytes of "baomiaud" as a signed 64-bit integer (0x62616f6d69617564). Fixed,
 * so every process of every version agrees on it; written as SQL text because it does not fit a JS number exactly.
 */
export const AUDIT_LOCK_KEY = "7089063396960286052";

/** Takes the chain lock inside `trx`; it is released when the transaction commits or rolls back. */
export async function lockChain(trx: Transaction<Database>, dialect: Dialect): Promise<void> {
  if (dialect === "postgres") {
    // Transaction-scoped, so no path (error, crash, pool reuse) can leave it held after the transaction ends.
    await sql`select pg_advisory_xact_lock(${sql.raw(AUDIT_LOCK_KEY)})`.execute(trx);
  }
  // SQLite needs nothing here. In-process: Kysely's SqliteDriver has one connection behind a mutex that a transaction
  // holds from `begin` to `commit`/`rollback` (kysely/dist/esm/dialect/sqlite/sqlite-driver.js, ConnectionMutex), so
  // transactions of one process run one after another. Across processes: SQLite allows one writer at a time; a second
  // process that read the same last entry fails to upgrade its read to a write (SQLITE_BUSY) and rolls back, and the
  // seq primary key refuses a duplicate in any case — an error, never a fork.
}
