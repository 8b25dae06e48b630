import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// Research topics (实施细则第十二条第（三）项 调研制度): a 调研课题 of an institution — its question, lead and team, plan
// with milestones — approved by the committee (the office records the decision), researched, its findings recorded one
// by one, its report written, and concluded (结题), which discharges the duty to research. A concluded or cancelled topic
// is final, and a recorded finding is never changed: triggers refuse it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("research_topic")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("lead_person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("members", "text", (c) => c.notNull())
    .addColumn("plan_text", "text", (c) => c.notNull())
    .addColumn("plan_starts_on", "text", (c) => c.notNull())
    .addColumn("plan_ends_on", "text", (c) => c.notNull())
    .addColumn("milestones", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .check(
          sql`status in ('draft', 'approved', 'inProgress', 'findingsRecorded', 'reported', 'concluded', 'cancelled')`,
        ),
    )
    .addColumn("approved_on", "text")
    .addColumn("approval_note", "text")
    .addColumn("approved_by", "text", (c) => c.references("account.id"))
    .addColumn("started_on", "text")
    .addColumn("report", "text")
    .addColumn("reported_at", "text")
    .addColumn("concluded_on", "text")
    .addColumn("concluded_at", "text")
    .addColumn("conclusion_note", "text")
    .addColumn("concluded_by", "text", (c) => c.references("account.id"))
    .addColumn("cancel_reason", "text")
    .addColumn("cancelled_at", "text")
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("research_topic_year").on("research_topic").columns(["institution_id", "year"]).execute();
  await db.schema.createIndex("research_topic_lead").on("research_topic").column("lead_person_id").execute();

  await db.schema
    .createTable("research_finding")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("topic_id", "text", (c) => c.notNull().references("research_topic.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.references("account.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("research_finding_seq")
    .on("research_finding")
    .columns(["topic_id", "seq"])
    .unique()
    .execute();

  if (isPostgres(db)) {
    await sql`
      create function baomi_research_final() returns trigger language plpgsql as $$
      begin
        if old.status in ('concluded', 'cancelled') then
          raise exception 'a concluded research topic is final / 已结题或已撤销的调研课题不得修改'
            using errcode = 'insufficient_privilege';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end
      $$`.execute(db);
    await sql`
      create trigger research_topic_final before update or delete on research_topic
      for each row execute function baomi_research_final()`.execute(db);
    await sql`
      create function baomi_research_finding_final() returns trigger language plpgsql as $$
      begin
        raise exception 'a recorded finding is final / 已登记的调研发现不得修改' using errcode = 'insufficient_privilege';
      end
      $$`.execute(db);
    await sql`
      create trigger research_finding_final before update or delete on research_finding
      for each row execute function baomi_research_finding_final()`.execute(db);
  } else {
    await sql`
      create trigger research_topic_final_update before update on research_topic
      when old.status in ('concluded', 'cancelled')
      begin
        select raise(abort, 'a concluded research topic is final / 已结题或已撤销的调研课题不得修改');
      end`.execute(db);
    await sql`
      create trigger research_topic_final_delete before delete on research_topic
      when old.status in ('concluded', 'cancelled')
      begin
        select raise(abort, 'a concluded research topic is final / 已结题或已撤销的调研课题不得修改');
      end`.execute(db);
    await sql`
      create trigger research_finding_final_update before update on research_finding
      begin
        select raise(abort, 'a recorded finding is final / 已登记的调研发现不得修改');
      end`.execute(db);
    await sql`
      create trigger research_finding_final_delete before delete on research_finding
      begin
        select raise(abort, 'a recorded finding is final / 已登记的调研发现不得修改');
      end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error("0015_research cannot be reverted: research topics are records / 调研课题为正式记录"),
  );
}
