import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
// Responsibility agreements (保密责任书): a batch per (institution, year, template) and one agreement per signer,
// its text rendered once at issue. A signed agreement is a signed record (DESIGN.md §1): never edited, never deleted.
// The triggers below hold that line for the application and a careless operator alike; the signature hash lets
// anyone check afterwards that the text, the signer and the time are what was signed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("agreement_batch")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("template_id", "text", (c) => c.notNull())
    // The policy text the template came from, so a later policy cannot silently change what a batch says.
    .addColumn("policy_version", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("issued_by", "text", (c) => c.references("account.id"))
    .addUniqueConstraint("agreement_batch_unique", ["institution_id", "year", "template_id"])
    .execute();

  await db.schema
    .createTable("agreement")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("batch_id", "text", (c) => c.notNull().references("agreement_batch.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    // The signer, as the resolver named them on the issue date.
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("acting", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'issued', 'signed', 'voided')`))
    .addColumn("issued_at", "text")
    .addColumn("signed_at", "text")
    .addColumn("signed_by_account", "text", (c) => c.references("account.id"))
    .addColumn("signature", "text")
    .addColumn("voided_at", "text")
    .addColumn("voided_by", "text", (c) => c.references("account.id"))
    .addColumn("void_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "agreement_signed_complete",
      sql`status <> 'signed' or (signed_at is not null and signed_by_account is not null and signature is not null)`,
    )
    .addCheckConstraint("agreement_voided_reason", sql`status <> 'voided' or void_reason is not null`)
    .execute();
  // At most one live agreement per signer and unit in a batch; a voided one may be issued again.
  await db.schema
    .createIndex("agreement_live_unique")
    .on("agreement")
    .columns(["batch_id", "unit_id", "person_id"])
    .unique()
    .where(sql.ref("status"), "<>", "voided")
    .execute();
  await db.schema.createIndex("agreement_unit").on("agreement").columns(["unit_id", "id"]).execute();
  await db.schema.createIndex("agreement_person").on("agreement").columns(["person_id", "id"]).execute();

  await (isPostgres(db) ? postgresGuards(db) : sqliteGuards(db));
}

const FINAL = "agreement is final once signed or voided / 责任书已签署或已作废，不得修改";
const FIXED = "agreement text and parties are fixed at issue / 责任书文本与签署方签发后不得修改";
const KEPT = "agreements and batches are never deleted / 责任书及签发批次不得删除";
const BATCH = "an agreement batch is never changed / 责任书签发批次不得修改";

async function sqliteGuards(db: Kysely<any>): Promise<void> {
  await sql`create trigger agreement_final before update on agreement
    when old.status in ('signed', 'voided')
    begin select raise(abort, ${sql.lit(FINAL)}); end`.execute(db);
  await sql`create trigger agreement_fixed before update on agreement
    when new.body <> old.body or new.title <> old.title or new.person_id <> old.person_id
      or new.unit_id <> old.unit_id or new.batch_id <> old.batch_id or new.role <> old.role
    begin select raise(abort, ${sql.lit(FIXED)}); end`.execute(db);
  for (const table of ["agreement", "agreement_batch"]) {
    await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
      begin select raise(abort, ${sql.lit(KEPT)}); end`.execute(db);
  }
  await sql`create trigger agreement_batch_no_update before update on agreement_batch
    begin select raise(abort, ${sql.lit(BATCH)}); end`.execute(db);
}

async function postgresGuards(db: Kysely<any>): Promise<void> {
  await sql`
    create function baomi_agreement_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception ${sql.lit(KEPT)} using errcode = 'insufficient_privilege';
      end if;
      if old.status in ('signed', 'voided') then
        raise exception ${sql.lit(FINAL)} using errcode = 'insufficient_privilege';
      end if;
      if new.body <> old.body or new.title <> old.title or new.person_id <> old.person_id
        or new.unit_id <> old.unit_id or new.batch_id <> old.batch_id or new.role <> old.role then
        raise exception ${sql.lit(FIXED)} using errcode = 'insufficient_privilege';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger agreement_guard before update or delete on agreement
    for each row execute function baomi_agreement_guard()`.execute(db);
  await sql`
    create function baomi_agreement_batch_guard() returns trigger language plpgsql as $$
    begin
      raise exception ${sql.lit(`${BATCH}; ${KEPT}`)} using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger agreement_batch_guard before update or delete on agreement_batch
    for each row execute function baomi_agreement_batch_guard()`.execute(db);
  // TRUNCATE skips row triggers; refuse it for both tables at statement level.
  for (const table of ["agreement", "agreement_batch"]) {
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function baomi_agreement_batch_guard()`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("forward-only"));
}
