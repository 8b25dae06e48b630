import { type Kysely } from "kysely";

// Frozen once landed. The auditor filters by username (the audit viewer's 操作人), which entries carry as
// actor_username; the index of 0002 was on actor_account_id, which no query reads. Swap it, so the write path keeps
// the same number of indexes and the viewer's filter gets one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_entry_actor").execute();
  await db.schema.createIndex("audit_entry_actor_name").on("audit_entry").columns(["actor_username", "seq"]).execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error("forward-only"));
}
