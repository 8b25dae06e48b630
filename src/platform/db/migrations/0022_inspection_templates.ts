import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// An institution's own checklist templates (检查表): the secrecy office edits a shipped one or adds its own, and every
// save is a new version (1 + the latest, shipped or stored). Versions are records: plans freeze the version they
// used, and a trigger refuses changing or deleting one. The latest version of an id is the one new plans use.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("inspection_template")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("template_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("inspection_template_version")
    .on("inspection_template")
    .columns(["institution_id", "template_id", "version"])
    .unique()
    .execute();

  if (isPostgres(db)) {
    await sql`
      create function baomi_template_version_final() returns trigger language plpgsql as $$
      begin
        raise exception 'a template version is final / 检查表版本保存后不得修改或删除'
          using errcode = 'insufficient_privilege';
      end
      $$`.execute(db);
    await sql`
      create trigger inspection_template_final before update or delete on inspection_template
      for each row execute function baomi_template_version_final()`.execute(db);
  } else {
    for (const op of ["update", "delete"])
      await sql`
        create trigger ${sql.raw(`inspection_template_final_${op}`)} before ${sql.raw(op)} on inspection_template
        begin
          select raise(abort, 'a template version is final / 检查表版本保存后不得修改或删除');
        end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0022_inspection_templates cannot be reverted: template versions are records"));
}
