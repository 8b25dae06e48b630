import { PostgresAdapter, sql, type Kysely } from "kysely";

// Frozen once landed: later changes go into new migrations.
//
// The audit log (DESIGN.md §5): `audit_entry`, hash-chained, and `audit_checkpoint`, signed. Both are append-only,
// enforced by triggers that refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL, which skips row triggers). The
// triggers stop the application and a careless operator; a database superuser can still bypass them, which is what
// the signed checkpoints and the off-host export are for (src/platform/audit/README.md).

export async function up(db: Kysely<any>): Promise<void> {
  // The dialect is read from Kysely's own adapter object rather than probed with SQL: a failing probe would abort the
  // migration's transaction on PostgreSQL, and the adapter is fixed when the Kysely instance is made, so this cannot
  // be fooled by server settings. `instanceof` is safe because the migration and the database share one kysely copy.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  // seq is assigned by the writer as last + 1, never by the database, so the chain can have no gap. On SQLite the
  // column is declared exactly `integer primary key` so that it is the rowid: entries are stored in seq order.
  await db.schema
    .createTable("audit_entry")
    .addColumn("seq", postgres ? "bigint" : "integer", (col) => col.primaryKey())
    .addColumn("id", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("actor_account_id", "text")
    .addColumn("actor_username", "text")
    .addColumn("actor_role", "text")
    .addColumn("unit_id", "text")
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("object_type", "text")
    .addColumn("object_id", "text")
    .addColumn("result", "text", (col) => col.notNull().check(sql`result in ('success', 'failure', 'denied')`))
    .addColumn("source_ip", "text")
    .addColumn("request_id", "text")
    // text, not jsonb: the hash covers these exact bytes, and jsonb would reorder and re-space them.
    .addColumn("details", "text", (col) => col.notNull())
    .addColumn("prev_hash", "text", (col) => col.notNull())
    .addColumn("hash", "text", (col) => col.notNull())
    .execute();

  // The auditor filters by time, actor, action, object and result; each index carries seq for keyset pagination.
  await db.schema.createIndex("audit_entry_at").on("audit_entry").columns(["at", "seq"]).execute();
  await db.schema.createIndex("audit_entry_actor").on("audit_entry").columns(["actor_account_id", "seq"]).execute();
  await db.schema.createIndex("audit_entry_action").on("audit_entry").columns(["action", "seq"]).execute();
  await db.schema
    .createIndex("audit_entry_object")
    .on("audit_entry")
    .columns(["object_type", "object_id", "seq"])
    .execute();
  await db.schema.createIndex("audit_entry_result").on("audit_entry").columns(["result", "seq"]).execute();

  await db.schema
    .createTable("audit_checkpoint")
    .addColumn("seq", postgres ? "bigint" : "integer", (col) => col.primaryKey())
    .addColumn("hash", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("signature", "text", (col) => col.notNull())
    .addColumn("key_id", "text", (col) => col.notNull())
    .execute();

  if (postgres) {
    await sql`
      create function baomi_audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit log is append-only: % on % refused / 审计日志只允许追加，拒绝 %', tg_op, tg_table_name, tg_op
          using errcode = 'insufficient_privilege';
      end
      $$`.execute(db);
    for (const table of ["audit_entry", "audit_checkpoint"]) {
      // Statement-level, so that even an UPDATE or DELETE matching no row is refused and shows up as an error.
      await sql`
        create trigger ${sql.raw(`${table}_append_only`)}
        before update or delete or truncate on ${sql.table(table)}
        for each statement execute function baomi_audit_append_only()`.execute(db);
    }
  } else {
    for (const table of ["audit_entry", "audit_checkpoint"]) {
      for (const operation of ["update", "delete"]) {
        await sql`
          create trigger ${sql.raw(`${table}_no_${operation}`)}
          before ${sql.raw(operation)} on ${sql.table(table)}
          begin
            select raise(abort, ${sql.lit(`audit log is append-only: ${operation} on ${table} refused / 审计日志只允许追加`)});
          end`.execute(db);
      }
    }
  }
}

export function down(_db: Kysely<any>): Promise<void> {
  // Retained at least six months (网络安全法 Art. 21): no migration ever drops the audit log.
  return Promise.reject(new Error("0002_audit cannot be reverted: the audit log is never dropped / 审计日志不可删除"));
}
