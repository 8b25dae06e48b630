import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// An institution's own scoring rubrics (评分表): the secrecy office edits a shipped one (the committee's year-end
// assessment, the institution's self-assessment), and every save is a new version (1 + the latest, shipped or stored).
// Versions are records: assessments freeze the rubric they scored on, and a trigger refuses changing or deleting a
// version. The latest version of an id is the one a new assessment uses.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rubric_version")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("rubric_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rubric_version_version")
    .on("rubric_version")
    .columns(["institution_id", "rubric_id", "version"])
    .unique()
    .execute();

  if (isPostgres(db)) {
    await sql`
      create function baomi_rubric_version_final() returns trigger language plpgsql as $$
      begin
        raise exception 'a rubric version is final / 评分表版本保存后不得修改或删除'
          using errcode = 'insufficient_privilege';
      end
      $$`.execute(db);
    await sql`
      create trigger rubric_version_final before update or delete on rubric_version
      for each row execute function baomi_rubric_version_final()`.execute(db);
  } else {
    for (const op of ["update", "delete"])
      await sql`
        create trigger ${sql.raw(`rubric_version_final_${op}`)} before ${sql.raw(op)} on rubric_version
        begin
          select raise(abort, 'a rubric version is final / 评分表版本保存后不得修改或删除');
        end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0025_rubric_versions cannot be reverted: rubric versions are records"));
}
