import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// Documents received from higher authorities (上级来文) and their briefing and study sessions (传达学习), 实施细则第四条
// 第（一）项 and 第十三条第（一）项. The register holds a received document's metadata only — issuer, number, title, date,
// a classification-free summary, who must study it and by when — never its text (DESIGN.md §1). Each unit records the
// sessions it held, with who presided and who attended; a session is a record: never edited or deleted afterwards.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("higher_document")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("document_no", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("audience", "text", (c) =>
      c.notNull().check(sql`audience in ('allStaff', 'cadres', 'unitHeads', 'clearedPersons', 'other')`),
    )
    .addColumn("requirement", "text")
    .addColumn("summary", "text")
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn("event_id", "text", (c) => c.references("obligation_event.id"))
    .addColumn("registered_by", "text", (c) => c.references("account.id"))
    .addColumn("closed_by", "text", (c) => c.references("account.id"))
    .addColumn("closed_at", "text")
    .addColumn("close_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // One document is registered once: the same issuer's number twice is a 409.
  await db.schema
    .createIndex("higher_document_number")
    .on("higher_document")
    .columns(["institution_id", "issuer", "document_no"])
    .unique()
    .execute();
  await db.schema
    .createIndex("higher_document_year")
    .on("higher_document")
    .columns(["institution_id", "year", "received_on"])
    .execute();

  await db.schema
    .createTable("higher_document_unit")
    .addColumn("document_id", "text", (c) => c.notNull().references("higher_document.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addPrimaryKeyConstraint("higher_document_unit_pk", ["document_id", "unit_id"])
    .execute();
  await db.schema.createIndex("higher_document_unit_unit").on("higher_document_unit").column("unit_id").execute();

  await db.schema
    .createTable("document_study_session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull().references("higher_document.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("form", "text", (c) =>
      c.notNull().check(sql`form in ('meeting', 'collective', 'lecture', 'selfStudy', 'online')`),
    )
    .addColumn("presided_by", "text", (c) => c.notNull().references("person.id"))
    .addColumn("notes", "text")
    .addColumn("recorded_by", "text", (c) => c.references("account.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("document_study_session_document")
    .on("document_study_session")
    .columns(["document_id", "unit_id"])
    .execute();

  await db.schema
    .createTable("document_study_attendance")
    .addColumn("session_id", "text", (c) => c.notNull().references("document_study_session.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('present', 'onLeave', 'absent')`))
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("document_study_attendance_pk", ["session_id", "person_id"])
    .execute();

  // A recorded session and its attendance are records: never changed or removed (a correction is a new session).
  if (isPostgres(db)) {
    await sql`
      create function baomi_study_record_final() returns trigger language plpgsql as $$
      begin
        raise exception 'a study record is final / 传达学习记录不得修改或删除' using errcode = 'insufficient_privilege';
      end
      $$`.execute(db);
    for (const table of ["document_study_session", "document_study_attendance"])
      await sql`
        create trigger ${sql.raw(`${table}_final`)} before update or delete on ${sql.table(table)}
        for each row execute function baomi_study_record_final()`.execute(db);
  } else {
    for (const table of ["document_study_session", "document_study_attendance"])
      for (const op of ["update", "delete"])
        await sql`
          create trigger ${sql.raw(`${table}_final_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
          begin
            select raise(abort, 'a study record is final / 传达学习记录不得修改或删除');
          end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error("0016_document_studies cannot be reverted: study sessions are records / 传达学习记录为正式记录"),
  );
}
