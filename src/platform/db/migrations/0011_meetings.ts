import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// Committee meetings (实施细则第十二条第（一）项, 第九条第（三）项): the meeting and its agenda call, proposals, materials,
// attendance, minutes with their decisions, signed addenda, and the tracked tasks (督办) the decisions become.
// Management data only (DESIGN.md §1): every text and file passed the marking guard before it got here.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const blob = postgres ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable("meeting")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('regular', 'extraordinary', 'conference')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .check(sql`status in ('draft', 'agendaCall', 'agendaSet', 'held', 'minutesDrafted', 'signed', 'cancelled')`),
    )
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("planned_at", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("agenda_call_deadline", "text")
    .addColumn("agenda_call_note", "text")
    .addColumn("held_at", "text")
    .addColumn("minutes_text", "text")
    .addColumn("minutes_drafted_by", "text", (c) => c.references("account.id"))
    .addColumn("minutes_drafted_at", "text")
    // Numbered at sign-off, per institution and year: 保委纪〔2027〕1号.
    .addColumn("minutes_sequence", "integer")
    .addColumn("signed_by_account", "text", (c) => c.references("account.id"))
    .addColumn("signed_by_person", "text", (c) => c.references("person.id"))
    .addColumn("signed_as", "text", (c) => c.check(sql`signed_as in ('director', 'delegate')`))
    .addColumn("delegation_id", "text", (c) => c.references("delegation.id"))
    .addColumn("signed_at", "text")
    .addColumn("signature", "text")
    .addColumn("cancel_reason", "text")
    // The event an extraordinary meeting or a conference raised, so its obligation is discharged by this meeting.
    .addColumn("event_id", "text", (c) => c.references("obligation_event.id"))
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meeting_institution").on("meeting").columns(["institution_id", "planned_at"]).execute();
  await db.schema
    .createIndex("meeting_minutes_number")
    .on("meeting")
    .columns(["institution_id", "year", "minutes_sequence"])
    .unique()
    .execute();

  await db.schema
    .createTable("agenda_proposal")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("proposed_by", "text", (c) => c.references("account.id"))
    .addColumn("proposed_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('proposed', 'accepted', 'declined')`))
    .addColumn("position", "integer")
    .addColumn("decline_reason", "text")
    .execute();
  await db.schema.createIndex("agenda_proposal_meeting").on("agenda_proposal").column("meeting_id").execute();

  await db.schema
    .createTable("meeting_material")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", blob, (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.references("account.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meeting_material_meeting").on("meeting_material").column("meeting_id").execute();

  await db.schema
    .createTable("meeting_attendance")
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('present', 'onLeave', 'nonVoting')`))
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("meeting_attendance_pk", ["meeting_id", "person_id"])
    .execute();

  await db.schema
    .createTable("minutes_decision")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("owner_unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("due_on", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("minutes_decision_meeting").on("minutes_decision").column("meeting_id").execute();

  await db.schema
    .createTable("meeting_addendum")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meeting.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("drafted_by", "text", (c) => c.references("account.id"))
    .addColumn("drafted_at", "text", (c) => c.notNull())
    .addColumn("signed_by_account", "text", (c) => c.references("account.id"))
    .addColumn("signed_by_person", "text", (c) => c.references("person.id"))
    .addColumn("signed_as", "text", (c) => c.check(sql`signed_as in ('director', 'delegate')`))
    .addColumn("delegation_id", "text", (c) => c.references("delegation.id"))
    .addColumn("signed_at", "text")
    .addColumn("signature", "text")
    .execute();
  await db.schema.createIndex("meeting_addendum_meeting").on("meeting_addendum").column("meeting_id").execute();

  await db.schema
    .createTable("tracked_task")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("meeting_id", "text", (c) => c.references("meeting.id"))
    .addColumn("decision_id", "text", (c) => c.references("minutes_decision.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'reported', 'closed')`))
    .addColumn("percent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("report_summary", "text")
    .addColumn("reported_by", "text", (c) => c.references("account.id"))
    .addColumn("reported_at", "text")
    .addColumn("closed_by", "text", (c) => c.references("account.id"))
    .addColumn("closed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("tracked_task_institution")
    .on("tracked_task")
    .columns(["institution_id", "status", "due_on"])
    .execute();
  await db.schema.createIndex("tracked_task_owner").on("tracked_task").columns(["owner_unit_id", "due_on"]).execute();
  await db.schema.createIndex("tracked_task_meeting").on("tracked_task").column("meeting_id").execute();

  await db.schema
    .createTable("tracked_task_progress")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("task_id", "text", (c) => c.notNull().references("tracked_task.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('progress', 'report', 'close', 'reopen')`))
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("percent", "integer")
    .addColumn("by_account", "text", (c) => c.references("account.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("tracked_task_progress_task").on("tracked_task_progress").column("task_id").execute();

  // Signed minutes are final (第十二条第（一）项: 审定签发): the database itself refuses to change a signed meeting or a
  // signed addendum, so no code path — and no careless operator — can edit what the director signed.
  if (postgres) {
    await sql`
      create function baomi_signed_is_final() returns trigger language plpgsql as $$
      begin
        if old.signed_at is not null then
          raise exception 'signed minutes are final: % refused / 已签发的纪要不得修改', tg_op
            using errcode = 'insufficient_privilege';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end
      $$`.execute(db);
    for (const table of ["meeting", "meeting_addendum"]) {
      await sql`
        create trigger ${sql.raw(`${table}_signed_final`)}
        before update or delete on ${sql.table(table)}
        for each row execute function baomi_signed_is_final()`.execute(db);
    }
  } else {
    for (const table of ["meeting", "meeting_addendum"]) {
      for (const operation of ["update", "delete"]) {
        await sql`
          create trigger ${sql.raw(`${table}_signed_final_${operation}`)}
          before ${sql.raw(operation)} on ${sql.table(table)}
          when old.signed_at is not null
          begin
            select raise(abort, 'signed minutes are final / 已签发的纪要不得修改');
          end`.execute(db);
      }
    }
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0011_meetings cannot be reverted: signed minutes are records / 纪要为正式记录"));
}
