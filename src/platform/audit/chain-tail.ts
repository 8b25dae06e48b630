/**
 * The two statements of every audited write — read the chain's last entry under the chain lock, insert the next one —
 * per dialect. On SQLite they run as prepared statements straight on Kysely's own connection, synchronously: the query
 * builder and the driver's promise plumbing cost more than the statements themselves (measured: ~65 of an audited
 * route's ~110 µs; bench/audit/audit-write.ts), and this runs in every audited write. On PostgreSQL they go through
 * Kysely, compiled once, after the advisory lock.
 */
import { type Statement } from "better-sqlite3";
import { type CompiledQuery, type Insertable, type Transaction } from "kysely";
import { type Db } from "../db/database.js";
import { type Database } from "../db/schema.js";
import { type ChainedFields } from "./chain.js";
import { lockChain } from "./chain-lock.js";
import { ENTRY_COLUMNS } from "./entry-source.js";
import { toSeq } from "./seq.js";
import { type AuditEntryTable } from "./tables.js";

export type StoredEntry = ChainedFields & { hash: string };

export interface ChainTail {
  /** Takes the chain lock and reads the last entry (none on an empty log). */
  last(trx: Transaction<Database>): Promise<{ seq: number; hash: string } | undefined>;
  insert(trx: Transaction<Database>, entry: StoredEntry): Promise<void>;
}

export function chainTail(db: Db): ChainTail {
  return db.sqliteHandle ? sqliteTail(db.sqliteHandle) : kyselyTail(db);
}

function sqliteTail(handle: NonNullable<Db["sqliteHandle"]>): ChainTail {
  // Prepared on first use: the log is created before the migrations have made its table.
  let prepared: { last: Statement; insert: Statement } | undefined;
  const statements = () =>
    (prepared ??= {
      last: handle.prepare("select seq, hash from audit_entry order by seq desc limit 1").raw(true),
      insert: handle.prepare(
        `insert into audit_entry (${ENTRY_COLUMNS.join(", ")}) values (${ENTRY_COLUMNS.map(() => "?").join(", ")})`,
      ),
    });
  // The connection is Kysely's, and the caller's transaction is open on it (Kysely's SQLite driver has one connection
  // behind a mutex that a transaction holds from begin to commit): these statements are part of that transaction.
  // Outside one they would commit on their own, so that is refused. The chain lock is SQLite's write lock
  // (chain-lock.ts).
  const inTransaction = (): void => {
    if (!handle.inTransaction) throw new Error("the audit append must run inside the change's transaction");
  };
  return {
    last: () => {
      inTransaction();
      const row = statements().last.get() as [number, string] | undefined;
      return Promise.resolve(row && { seq: row[0], hash: row[1] });
    },
    insert: (_trx, entry) => {
      inTransaction();
      statements().insert.run(ENTRY_COLUMNS.map((column) => entry[column]));
      return Promise.resolve();
    },
  };
}

function kyselyTail(db: Db): ChainTail {
  const last: CompiledQuery<{ seq: number | string; hash: string }> = db.kysely
    .selectFrom("audit_entry")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .compile();
  // The insert's parameter order is read back from the compiled template, so it cannot drift from the column order.
  const markers = Object.fromEntries(ENTRY_COLUMNS.map((column) => [column, column]));
  const template = db.kysely
    .insertInto("audit_entry")
    .values(markers as unknown as Insertable<AuditEntryTable>)
    .compile();
  const order = template.parameters as (typeof ENTRY_COLUMNS)[number][];
  if (order.length !== ENTRY_COLUMNS.length) throw new Error("audit insert template has unexpected parameters");
  return {
    async last(trx) {
      await lockChain(trx, db.dialect);
      const row = (await trx.executeQuery(last)).rows[0];
      return row && { seq: toSeq(row.seq), hash: row.hash };
    },
    async insert(trx, entry) {
      await trx.executeQuery({ ...template, parameters: order.map((column) => entry[column]) });
    },
  };
}
