import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// Personal self-checks (个人保密自查, 实施细则第七条第（二）项): a cleared person's answers to the self-check form for one
// slot of their per-person cadence (the obligation's `period_id`, one per person and slot), with the form frozen as
// JSON; the person's unit when they started it; submitted, then confirmed by their superior or returned (back to
// draft). A confirmed self-check is final: a trigger refuses changing or deleting it.
//
// The office's list is keyset-paginated by id (newest first) under filters of year, unit and status: each has an
// index ending in id. The superiors' to-confirm list reads the submitted ones by (status, id).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("self_check")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("period_id", "text", (c) => c.notNull())
    .addColumn("period_starts_on", "text", (c) => c.notNull())
    .addColumn("period_due_on", "text")
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("template_id", "text", (c) => c.notNull())
    .addColumn("template_version", "integer", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'confirmed')`))
    .addColumn("submitted_at", "text")
    .addColumn("confirmed_by", "text", (c) => c.references("account.id"))
    .addColumn("confirmer_person_id", "text", (c) => c.references("person.id"))
    .addColumn("confirmed_at", "text")
    .addColumn("return_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  const index = (name: string, columns: string[], unique = false) => {
    const create = db.schema.createIndex(name).on("self_check").columns(columns);
    return (unique ? create.unique() : create).execute();
  };
  await index("self_check_person_period", ["person_id", "period_id"], true);
  await index("self_check_institution", ["institution_id", "id"]);
  await index("self_check_year", ["institution_id", "year", "id"]);
  await index("self_check_status", ["institution_id", "status", "id"]);
  await index("self_check_unit", ["unit_id", "id"]);
  await index("self_check_submitted", ["status", "id"]);

  if (isPostgres(db)) {
    await sql`
      create function baomi_self_check_final() returns trigger language plpgsql as $$
      begin
        if old.status = 'confirmed' then
          raise exception 'a confirmed self-check is final / 已确认的个人保密自查表不得修改'
            using errcode = 'insufficient_privilege';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end
      $$`.execute(db);
    await sql`
      create trigger self_check_final before update or delete on self_check
      for each row execute function baomi_self_check_final()`.execute(db);
  } else {
    for (const op of ["update", "delete"])
      await sql`
        create trigger ${sql.raw(`self_check_final_${op}`)} before ${sql.raw(op)} on self_check
        when old.status = 'confirmed'
        begin
          select raise(abort, 'a confirmed self-check is final / 已确认的个人保密自查表不得修改');
        end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0020_self_checks cannot be reverted: self-checks are records / 自查表为正式记录"));
}
