import { type Kysely } from "kysely";

// Frozen once landed: later changes go into new migrations.
//
// Tasks assigned from above (上级交办任务, 实施细则第九条第（五）项) and to the secrecy office by the committee or the
// leaders (第十三条第（十）项) are tracked tasks too: they carry where they came from, the document that assigned them,
// and the event that raised the obligation their completion discharges.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("tracked_task").addColumn("assigned_by", "text").execute();
  await db.schema.alterTable("tracked_task").addColumn("document_no", "text").execute();
  await db.schema
    .alterTable("tracked_task")
    .addColumn("event_id", "text", (c) => c.references("obligation_event.id"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["event_id", "document_no", "assigned_by"])
    await db.schema.alterTable("tracked_task").dropColumn(column).execute();
}
