import { PostgresAdapter, sql, type Kysely } from "kysely";

// Frozen once landed: later changes go into new migrations.
//
// The auditor's filter indexes leave `audit_entry` for a table of their own, `audit_lookup`, filled behind the chain
// by the indexer (src/platform/audit/lookup.ts) instead of inside every audited write. Each secondary index on the
// chain added a page to every audited commit — five of them were most of what auditing a write cost — while the
// viewer, which alone reads them, can afford to catch the lookup up before it filters. Like the chain, the lookup is
// append-only: a row edited or deleted there would hide an entry from the auditor's filters.

/**
 * The entry's columns the auditor filters on, copied into the lookup under the same names. Spelled out rather than
 * imported from the indexer: a landed migration must not change when the application's code does.
 */
const COPIED = ["seq", "at", "actor_username", "action", "object_type", "object_id", "result"] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // As in 0002: the dialect from Kysely's adapter, never from a probe that could abort the transaction.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  // On SQLite seq is declared exactly `integer primary key` so that it is the rowid: the join to audit_entry (also
  // rowid-keyed) and the "everything above the last copied seq" read of the indexer are both rowid lookups.
  await db.schema
    .createTable("audit_lookup")
    .addColumn("seq", postgres ? "bigint" : "integer", (col) => col.primaryKey())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("actor_username", "text")
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("object_type", "text")
    .addColumn("object_id", "text")
    .addColumn("result", "text", (col) => col.notNull())
    .execute();

  // Filled before its indexes exist: building an index once over the rows is far cheaper than row by row.
  await db
    .insertInto("audit_lookup")
    .columns([...COPIED])
    .expression(db.selectFrom("audit_entry").select([...COPIED]))
    .execute();

  // The five filters of 0002/0007, each index carrying seq for keyset pagination, now on the lookup.
  await db.schema.createIndex("audit_lookup_at").on("audit_lookup").columns(["at", "seq"]).execute();
  await db.schema.createIndex("audit_lookup_actor").on("audit_lookup").columns(["actor_username", "seq"]).execute();
  await db.schema.createIndex("audit_lookup_action").on("audit_lookup").columns(["action", "seq"]).execute();
  await db.schema
    .createIndex("audit_lookup_object")
    .on("audit_lookup")
    .columns(["object_type", "object_id", "seq"])
    .execute();
  await db.schema.createIndex("audit_lookup_result").on("audit_lookup").columns(["result", "seq"]).execute();

  for (const index of [
    "audit_entry_at",
    "audit_entry_actor_name",
    "audit_entry_action",
    "audit_entry_object",
    "audit_entry_result",
  ]) {
    await db.schema.dropIndex(index).execute();
  }

  if (postgres) {
    // The trigger function of 0002 names the table and the operation it refuses; statement-level, so that even an
    // UPDATE or DELETE matching no row is refused.
    await sql`
      create trigger audit_lookup_append_only
      before update or delete or truncate on audit_lookup
      for each statement execute function baomi_audit_append_only()`.execute(db);
  } else {
    for (const operation of ["update", "delete"]) {
      await sql`
        create trigger ${sql.raw(`audit_lookup_no_${operation}`)}
        before ${sql.raw(operation)} on audit_lookup
        begin
          select raise(abort, ${sql.lit(`audit log is append-only: ${operation} on audit_lookup refused / 审计日志只允许追加`)});
        end`.execute(db);
    }
  }
}

export function down(_db: Kysely<any>): Promise<void> {
  return Promise.reject(
    new Error("0009_audit_lookup cannot be reverted: the audit lookup is append-only / 审计索引只允许追加"),
  );
}
