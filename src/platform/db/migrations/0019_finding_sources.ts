import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// Findings come from three sources (实施细则第七条第（二）项、第十一条第（四）项、第十三条第（六）项): an inspection, a cleared
// person's self-check, or a unit's self-assessment. Each finding now names its `source` and `source_id`, and keeps the
// text of the checklist item it answers (`item_text`, JSON {zh, en}) so it reads the same whatever the source;
// `inspection_id` stays, filled only for inspection findings. `event_id` is the obligation event the finding raised:
// its owner's duty to rectify it by the deadline (art6.2.rectify-finding), which the engine escalates when overdue. Rectification evidence attached to a finding no longer
// needs an inspection either.
//
// SQLite cannot drop NOT NULL, so there both tables are rebuilt (see upSqlite); their indexes and the closed-is-final
// triggers are made again.

interface Template {
  sections: { items: { id: string; text: { zh: string; en: string } }[] }[];
}

/** The item's text in the plan's frozen template, for findings made before findings kept it. */
async function itemTexts(db: Kysely<any>): Promise<Map<string, string>> {
  const rows = await sql<{ id: string; item_id: string; template: string }>`
    select f.id, f.item_id, p.template from inspection_finding f
    join inspection i on i.id = f.inspection_id join inspection_plan p on p.id = i.plan_id`.execute(db);
  const texts = new Map<string, string>();
  for (const row of rows.rows) {
    const template = JSON.parse(row.template) as Template;
    const item = template.sections.flatMap((s) => s.items).find((i) => i.id === row.item_id);
    texts.set(row.id, JSON.stringify(item?.text ?? { zh: row.item_id, en: row.item_id }));
  }
  return texts;
}

async function fillItemTexts(db: Kysely<any>, texts: Map<string, string>): Promise<void> {
  for (const [id, text] of texts)
    await sql`update inspection_finding set item_text = ${text} where id = ${id}`.execute(db);
}

const SOURCE_CHECK = sql`source in ('inspection', 'selfCheck', 'selfAssessment')
  and (source = 'inspection') = (inspection_id is not null)`;

const FINDING_INDEXES: [string, string[]][] = [
  ["inspection_finding_status", ["institution_id", "status", "deadline", "id"]],
  ["inspection_finding_unit", ["unit_id", "status", "deadline", "id"]],
  ["inspection_finding_severity", ["institution_id", "severity", "deadline", "id"]],
  ["inspection_finding_year", ["institution_id", "year", "deadline", "id"]],
  ["inspection_finding_deadline", ["institution_id", "deadline", "id"]],
  ["inspection_finding_item", ["unit_id", "item_id"]],
  ["inspection_finding_inspection", ["inspection_id"]],
];

async function upPostgres(db: Kysely<any>): Promise<void> {
  const texts = await itemTexts(db);
  await sql`alter table inspection_finding alter column inspection_id drop not null`.execute(db);
  await sql`alter table inspection_finding add column source text not null default 'inspection'`.execute(db);
  await sql`alter table inspection_finding add column source_id text`.execute(db);
  await sql`alter table inspection_finding add column item_text text`.execute(db);
  await sql`alter table inspection_finding add column event_id text references obligation_event (id)`.execute(db);
  await sql`alter table inspection_finding disable trigger inspection_finding_final`.execute(db);
  await sql`update inspection_finding set source_id = inspection_id`.execute(db);
  await fillItemTexts(db, texts);
  await sql`alter table inspection_finding enable trigger inspection_finding_final`.execute(db);
  await sql`alter table inspection_finding alter column source drop default`.execute(db);
  await sql`alter table inspection_finding alter column source_id set not null`.execute(db);
  await sql`alter table inspection_finding alter column item_text set not null`.execute(db);
  await sql`alter table inspection_finding add constraint inspection_finding_source check (${SOURCE_CHECK})`.execute(
    db,
  );
  await sql`alter table inspection_attachment alter column inspection_id drop not null`.execute(db);
  await sql`alter table inspection_attachment add constraint inspection_attachment_of_something
    check (inspection_id is not null or finding_id is not null)`.execute(db);
}

/**
 * SQLite cannot drop NOT NULL: both tables are rebuilt. The migration runs inside a transaction with foreign keys on
 * (the pragma that turns them off does nothing there), so nothing may be left pointing at the findings table while it
 * is dropped: the attachments are parked in a temporary copy, the repeats are copied null and put back afterwards.
 */
async function upSqlite(db: Kysely<any>): Promise<void> {
  const texts = await itemTexts(db);
  await sql`create temp table attachment_parked as select * from inspection_attachment`.execute(db);
  await sql`create temp table repeat_parked as select id, repeat_of from inspection_finding
    where repeat_of is not null`.execute(db);
  await sql`drop table inspection_attachment`.execute(db);

  await db.schema
    .createTable("inspection_finding_next")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("inspection_id", "text", (c) => c.references("inspection.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("item_text", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull().check(sql`severity in ('minor', 'major', 'serious')`))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("deadline", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'submitted', 'closed')`))
    .addColumn("owner_person_id", "text", (c) => c.references("person.id"))
    .addColumn("owner_name", "text")
    .addColumn("repeat_of", "text", (c) => c.references("inspection_finding.id"))
    .addColumn("event_id", "text", (c) => c.references("obligation_event.id"))
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
    .addCheckConstraint("inspection_finding_source", SOURCE_CHECK)
    .execute();
  const kept = sql.raw(
    "id, institution_id, inspection_id, unit_id, year, item_id, category, severity, description, deadline, status, " +
      "owner_person_id, owner_name, plan_text, progress, evidence, submitted_by, submitted_at, " +
      "return_reason, verified_by, verified_at, verification_note, created_by, created_at, updated_at",
  );
  await sql`insert into inspection_finding_next (${kept}, source, source_id, item_text)
    select ${kept}, 'inspection', inspection_id, item_id from inspection_finding`.execute(db);
  await sql`drop table inspection_finding`.execute(db);
  await sql`alter table inspection_finding_next rename to inspection_finding`.execute(db);
  await sql`update inspection_finding set repeat_of =
    (select repeat_of from temp.repeat_parked p where p.id = inspection_finding.id)
    where id in (select id from temp.repeat_parked)`.execute(db);
  await fillItemTexts(db, texts);

  await db.schema
    .createTable("inspection_attachment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.references("inspection.id"))
    .addColumn("finding_id", "text", (c) => c.references("inspection_finding.id"))
    .addColumn("item_id", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", "blob", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.references("account.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addCheckConstraint("inspection_attachment_of_something", sql`inspection_id is not null or finding_id is not null`)
    .execute();
  await sql`insert into inspection_attachment select * from temp.attachment_parked`.execute(db);
  await sql`drop table temp.attachment_parked`.execute(db);
  await sql`drop table temp.repeat_parked`.execute(db);
  await db.schema.createIndex("inspection_attachment_of").on("inspection_attachment").column("inspection_id").execute();
  await db.schema
    .createIndex("inspection_attachment_finding")
    .on("inspection_attachment")
    .column("finding_id")
    .execute();

  for (const [name, columns] of FINDING_INDEXES)
    await db.schema.createIndex(name).on("inspection_finding").columns(columns).execute();
  for (const op of ["update", "delete"])
    await sql`
      create trigger ${sql.raw(`inspection_finding_final_${op}`)} before ${sql.raw(op)} on inspection_finding
      when old.status = 'closed'
      begin
        select raise(abort, 'a closed inspection record is final / 已结束的检查、已销号的问题不得修改');
      end`.execute(db);
  const broken = await sql`pragma foreign_key_check`.execute(db);
  if (broken.rows.length > 0)
    throw new Error(`0019: foreign keys broken by the rebuild: ${JSON.stringify(broken.rows)}`);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
  await db.schema
    .createIndex("inspection_finding_source")
    .on("inspection_finding")
    .columns(["source", "source_id"])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error("0019_finding_sources cannot be reverted: findings are records / 检查记录为正式记录"),
  );
}
