import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// Reports upward (实施细则第十二条第（四）项 报告制度, 第九条第（三）项): the plan and summary reports and the major-matter
// reports and requests for instructions (报告 / 请示) to the Party committee and the higher committee. Drafted by the
// secrecy office (compiled from the year's records), signed (签发) by the director or a delegated deputy, which numbers
// them (代字〔年份〕序号号), and recorded as submitted. Signed is final.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("report")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('planReport', 'summaryReport', 'majorMatter', 'request')`),
    )
    .addColumn("recipient", "text", (c) => c.notNull().check(sql`recipient in ('partyCommittee', 'higherCommittee')`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'signed', 'submitted')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("attachments", "text", (c) => c.notNull())
    .addColumn("contact", "text")
    .addColumn("number_prefix", "text", (c) => c.notNull())
    .addColumn("number_sequence", "integer")
    .addColumn("event_id", "text", (c) => c.references("obligation_event.id"))
    .addColumn("signed_by_account", "text", (c) => c.references("account.id"))
    .addColumn("signed_by_person", "text", (c) => c.references("person.id"))
    .addColumn("signed_as", "text", (c) => c.check(sql`signed_as in ('director', 'delegate')`))
    .addColumn("delegation_id", "text", (c) => c.references("delegation.id"))
    .addColumn("signed_at", "text")
    .addColumn("signature", "text")
    .addColumn("submitted_by", "text", (c) => c.references("account.id"))
    .addColumn("submitted_at", "text")
    .addColumn("submitted_note", "text")
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("report_year").on("report").columns(["institution_id", "year", "kind"]).execute();
  await db.schema
    .createIndex("report_number")
    .on("report")
    .columns(["institution_id", "number_prefix", "year", "number_sequence"])
    .unique()
    .execute();

  // A signed report's text is final: only its submission may still be recorded (status, submitted_*).
  if (isPostgres(db)) {
    await sql`
      create function baomi_report_final() returns trigger language plpgsql as $$
      begin
        if old.signed_at is not null and (tg_op = 'DELETE' or new.title is distinct from old.title
            or new.body is distinct from old.body or new.attachments is distinct from old.attachments
            or new.signature is distinct from old.signature or new.number_sequence is distinct from old.number_sequence
            or new.recipient is distinct from old.recipient) then
          raise exception 'a signed report is final / 已签发的报告不得修改' using errcode = 'insufficient_privilege';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end
      $$`.execute(db);
    await sql`
      create trigger report_final before update or delete on report
      for each row execute function baomi_report_final()`.execute(db);
  } else {
    await sql`
      create trigger report_final_update before update of title, body, attachments, signature, number_sequence,
        recipient on report
      when old.signed_at is not null
      begin
        select raise(abort, 'a signed report is final / 已签发的报告不得修改');
      end`.execute(db);
    await sql`
      create trigger report_final_delete before delete on report
      when old.signed_at is not null
      begin
        select raise(abort, 'a signed report is final / 已签发的报告不得修改');
      end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0013_reports cannot be reverted: signed reports are records / 报告为正式记录"));
}
