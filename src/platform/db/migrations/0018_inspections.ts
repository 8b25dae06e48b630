import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// Inspections (保密检查, 实施细则第十一条第（四）项、第十三条第（六）项) and rectification (整改): a plan of an institution
// (a member's half-yearly inspection of their portfolio, the office's, a special one) with its team and the checklist
// template it uses frozen as JSON; one inspection per unit of the plan with its results per item; the findings, each
// with its owner (the unit head on the day it was made) and its rectification; the photos and evidence attached.
// A closed inspection and a closed finding are final: triggers refuse changing them.
//
// The findings list is keyset-paginated by (deadline, id) under filters of status, unit, severity and year: each
// filter has an index ending in (deadline, id), so a page is one index range read whatever its depth.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const blob = postgres ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable("inspection_plan")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('member', 'office', 'special')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("half", "integer", (c) => c.check(sql`half is null or half in (1, 2)`))
    .addColumn("lead_person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("template_id", "text", (c) => c.notNull())
    .addColumn("template_version", "integer", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("inspection_plan_year")
    .on("inspection_plan")
    .columns(["institution_id", "year"])
    .execute();

  await db.schema
    .createTable("inspection_team")
    .addColumn("plan_id", "text", (c) => c.notNull().references("inspection_plan.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addPrimaryKeyConstraint("inspection_team_pk", ["plan_id", "person_id"])
    .execute();
  await db.schema.createIndex("inspection_team_person").on("inspection_team").column("person_id").execute();

  await db.schema
    .createTable("inspection")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("inspection_plan.id"))
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'closed')`))
    .addColumn("results", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("closed_on", "text")
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("inspection_plan_unit")
    .on("inspection")
    .columns(["plan_id", "unit_id"])
    .unique()
    .execute();
  await db.schema.createIndex("inspection_unit").on("inspection").columns(["unit_id", "closed_on"]).execute();

  await db.schema
    .createTable("inspection_finding")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspection.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull().check(sql`severity in ('minor', 'major', 'serious')`))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("deadline", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'submitted', 'closed')`))
    .addColumn("owner_person_id", "text", (c) => c.references("person.id"))
    .addColumn("owner_name", "text")
    .addColumn("repeat_of", "text", (c) => c.references("inspection_finding.id"))
    .addColumn("plan_text", "text")
    .addColumn("progress", "text")
    .addColumn("evidence", "text")
    .addColumn("submitted_by", "text", (c) => c.references("account.id"))
    .addColumn("submitted_at", "text")
    .addColumn("return_reason", "text")
    .addColumn("verified_by", "text", (c) => c.references("account.id"))
    .addColumn("verified_at", "text")
    .addColumn("verification_note", "text")
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  const findingIndex = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on("inspection_finding").columns(columns).execute();
  await findingIndex("inspection_finding_status", ["institution_id", "status", "deadline", "id"]);
  await findingIndex("inspection_finding_unit", ["unit_id", "status", "deadline", "id"]);
  await findingIndex("inspection_finding_severity", ["institution_id", "severity", "deadline", "id"]);
  await findingIndex("inspection_finding_year", ["institution_id", "year", "deadline", "id"]);
  await findingIndex("inspection_finding_deadline", ["institution_id", "deadline", "id"]);
  await findingIndex("inspection_finding_item", ["unit_id", "item_id"]);
  await findingIndex("inspection_finding_inspection", ["inspection_id"]);

  await db.schema
    .createTable("inspection_attachment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspection.id"))
    .addColumn("finding_id", "text", (c) => c.references("inspection_finding.id"))
    .addColumn("item_id", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", blob, (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.references("account.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("inspection_attachment_of").on("inspection_attachment").column("inspection_id").execute();
  await db.schema
    .createIndex("inspection_attachment_finding")
    .on("inspection_attachment")
    .column("finding_id")
    .execute();

  if (postgres) {
    await sql`
      create function baomi_inspection_final() returns trigger language plpgsql as $$
      begin
        if old.status = 'closed' then
          raise exception 'a closed inspection record is final / 已结束的检查、已销号的问题不得修改'
            using errcode = 'insufficient_privilege';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end
      $$`.execute(db);
    for (const table of ["inspection", "inspection_finding"])
      await sql`
        create trigger ${sql.raw(`${table}_final`)} before update or delete on ${sql.table(table)}
        for each row execute function baomi_inspection_final()`.execute(db);
  } else {
    for (const table of ["inspection", "inspection_finding"])
      for (const op of ["update", "delete"])
        await sql`
          create trigger ${sql.raw(`${table}_final_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
          when old.status = 'closed'
          begin
            select raise(abort, 'a closed inspection record is final / 已结束的检查、已销号的问题不得修改');
          end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0018_inspections cannot be reverted: inspections are records / 检查记录为正式记录"));
}
