import { type Kysely, sql } from "kysely";

// Frozen once landed: later changes go into new migrations.
// The organization (DESIGN.md §4): unit codes and classified-unit designation, people's staff numbers, positions
// held with dates (appoint, end, acting), portfolios (分管), the director's dated delegations (Art. 10(2)), and the
// versions of the implementing rules, all kept: nothing here is deleted, history is what the resolver reads.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("unit").addColumn("code", "text").execute();
  await db.schema
    .alterTable("unit")
    .addColumn("classified", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("unit").addColumn("closed_on", "text").execute();
  await db.schema.createIndex("unit_code").on("unit").column("code").unique().execute();

  await db.schema.alterTable("person").addColumn("staff_no", "text").execute();
  await db.schema.createIndex("person_staff_no").on("person").column("staff_no").unique().execute();

  await db.schema
    .createTable("appointment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("position", "text", (c) => c.notNull())
    .addColumn("acting", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("appointment_dates", sql`ends_on is null or ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex("appointment_unit_position")
    .on("appointment")
    .columns(["unit_id", "position", "starts_on"])
    .execute();
  await db.schema.createIndex("appointment_person").on("appointment").columns(["person_id", "starts_on"]).execute();

  await db.schema
    .createTable("portfolio")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    // The subtree the leader oversees: a unit, or the institution itself for an institution-wide area (secrecy work).
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("portfolio_dates", sql`ends_on is null or ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex("portfolio_unit").on("portfolio").columns(["unit_id", "starts_on"]).execute();
  await db.schema.createIndex("portfolio_area").on("portfolio").columns(["area", "starts_on"]).execute();
  await db.schema.createIndex("portfolio_person").on("portfolio").column("person_id").execute();

  await db.schema
    .createTable("delegation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("delegate_person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("delegation_dates", sql`ends_on >= starts_on`)
    .execute();

  await db.schema
    .createTable("policy_version")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("policy_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("activated_at", "text", (c) => c.notNull())
    .addColumn("activated_by", "text")
    .addUniqueConstraint("policy_version_unique", ["policy_id", "version"])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error("forward-only"));
}
