import { type Kysely } from "kysely";

// Frozen once landed: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("setting")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("value", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("setting").execute();
}
