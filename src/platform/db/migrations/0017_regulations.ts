import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// The regulations library (规章制度库): the institution's secrecy rules (实施细则第十三条第（四）项 — the office adopts and
// revises them after new higher rules) and each unit's own (第六条第（一）项). A regulation is drafted, adopted (制定:
// version 1), revised (修订: a new version with its own effective date and a summary of the change; the old one stays,
// superseded) and repealed (废止: a date and a reason). An adopted version is final, and a superseded one untouchable:
// triggers refuse it. The implementing rules themselves are each institution's first entry (seed_key 'policy'), created
// when the institution's library is first read, so institutions created later get theirs too.
// Higher regulations issued (上级制定的保密法规、文件) are recorded to raise the event `higherRegulation.issued`, and
// point at the version adopted in response.

export async function up(db: Kysely<any>): Promise<void> {
  const blob = isPostgres(db) ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable("regulation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("document_no", "text")
    .addColumn("category", "text", (c) =>
      c
        .notNull()
        .check(
          sql`category in ('responsibility', 'personnel', 'carrier', 'network', 'publicity', 'activity', 'general')`,
        ),
    )
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'inForce', 'repealed')`))
    .addColumn("seed_key", "text")
    .addColumn("repealed_on", "text")
    .addColumn("repeal_reason", "text")
    .addColumn("repealed_by", "text", (c) => c.references("account.id"))
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // The seed entry exists once per institution, however many first reads race to create it.
  await db.schema
    .createIndex("regulation_seed")
    .on("regulation")
    .columns(["institution_id", "seed_key"])
    .unique()
    .execute();
  await db.schema.createIndex("regulation_unit").on("regulation").columns(["institution_id", "unit_id"]).execute();

  await db.schema
    .createTable("regulation_version")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("regulation_id", "text", (c) => c.notNull().references("regulation.id"))
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('adopt', 'revise')`))
    .addColumn("text", "text")
    .addColumn("file_name", "text")
    .addColumn("file_type", "text")
    .addColumn("file_size", "integer")
    .addColumn("file_sha256", "text")
    .addColumn("file_content", blob)
    .addColumn("change_summary", "text")
    .addColumn("effective_on", "text")
    .addColumn("adopted_at", "text")
    .addColumn("adopted_by", "text", (c) => c.references("account.id"))
    .addColumn("adopted_by_person", "text", (c) => c.references("person.id"))
    .addColumn("superseded_at", "text")
    .addColumn("policy_sha256", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("regulation_version_number")
    .on("regulation_version")
    .columns(["regulation_id", "version_no"])
    .unique()
    .execute();

  await db.schema
    .createTable("higher_regulation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("document_no", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("issued_on", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("event_id", "text", (c) => c.references("obligation_event.id"))
    .addColumn("answered_by_version", "text", (c) => c.references("regulation_version.id"))
    .addColumn("answered_at", "text")
    .addColumn("recorded_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("higher_regulation_number")
    .on("higher_regulation")
    .columns(["institution_id", "issuer", "document_no"])
    .unique()
    .execute();

  // History is never rewritten: an adopted version's content is final, a superseded one cannot change at all, and
  // neither can be deleted. Only a draft (adopted_at null) is edited in place; an adopted one only gains superseded_at.
  if (isPostgres(db)) {
    await sql`
      create function baomi_regulation_version_final() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          if old.adopted_at is not null then
            raise exception 'an adopted regulation version is final / 已施行的制度版本不得删除' using errcode = 'insufficient_privilege';
          end if;
          return old;
        end if;
        if old.superseded_at is not null then
          raise exception 'a superseded regulation version is final / 已被修订的制度版本不得修改' using errcode = 'insufficient_privilege';
        end if;
        if old.adopted_at is not null and (new.text is distinct from old.text
            or new.file_content is distinct from old.file_content or new.file_name is distinct from old.file_name
            or new.effective_on is distinct from old.effective_on or new.adopted_at is distinct from old.adopted_at
            or new.version_no is distinct from old.version_no or new.regulation_id is distinct from old.regulation_id
            or new.change_summary is distinct from old.change_summary) then
          raise exception 'an adopted regulation version is final / 已施行的制度版本不得修改' using errcode = 'insufficient_privilege';
        end if;
        return new;
      end
      $$`.execute(db);
    await sql`
      create trigger regulation_version_final before update or delete on regulation_version
      for each row execute function baomi_regulation_version_final()`.execute(db);
  } else {
    await sql`
      create trigger regulation_version_superseded before update on regulation_version
      when old.superseded_at is not null
      begin
        select raise(abort, 'a superseded regulation version is final / 已被修订的制度版本不得修改');
      end`.execute(db);
    await sql`
      create trigger regulation_version_adopted before update of text, file_content, file_name, effective_on,
        adopted_at, version_no, regulation_id, change_summary on regulation_version
      when old.adopted_at is not null
      begin
        select raise(abort, 'an adopted regulation version is final / 已施行的制度版本不得修改');
      end`.execute(db);
    await sql`
      create trigger regulation_version_delete before delete on regulation_version
      when old.adopted_at is not null
      begin
        select raise(abort, 'an adopted regulation version is final / 已施行的制度版本不得删除');
      end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0017_regulations cannot be reverted: regulations are records / 规章制度为正式记录"));
}
