import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// A unit head's own inspection of the unit (实施细则第六条第（三）项: 对保密措施的落实情况进行监督检查) is a plan of a fourth
// kind, `unit`. 0018 listed the kinds in a CHECK constraint; it now lists four.
//
// PostgreSQL swaps the constraint. SQLite cannot alter a constraint, so `inspection_plan` is made again from its own
// stored definition with the one list changed — every column, default and reference as it was. Its rows are parked in
// a temporary table while it is dropped: `inspection` and `inspection_team` point at it, so the foreign keys are
// deferred to the commit (`defer_foreign_keys` lasts until the migration's transaction ends), by which time every plan
// is back under its id. Its index and the triggers 0024 put on it (the findings' data version) are made again.

const OLD_KINDS = "kind in ('member', 'office', 'special')";
const NEW_KINDS = "kind in ('member', 'office', 'special', 'unit')";

async function upPostgres(db: Kysely<any>): Promise<void> {
  const constraint = await sql<{ name: string }>`
    select con.conname as name from pg_constraint con
    join pg_class rel on rel.oid = con.conrelid
    where rel.relname = 'inspection_plan' and rel.relnamespace = current_schema()::regnamespace
      and con.contype = 'c' and pg_get_constraintdef(con.oid) like '%kind%'`.execute(db);
  for (const row of constraint.rows)
    await sql`alter table inspection_plan drop constraint ${sql.ref(row.name)}`.execute(db);
  await sql`alter table inspection_plan add constraint inspection_plan_kind check (${sql.raw(NEW_KINDS)})`.execute(db);
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  const stored = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = 'inspection_plan'`.execute(db);
  const definition = stored.rows[0]?.sql ?? "";
  if (!definition.includes(OLD_KINDS))
    throw new Error(`0026: inspection_plan's kinds are not those 0018 made: ${definition}`);
  await sql`pragma defer_foreign_keys = on`.execute(db);
  await sql`create temp table plan_parked as select * from inspection_plan`.execute(db);
  await sql`drop table inspection_plan`.execute(db);
  await sql.raw(definition.replace(OLD_KINDS, NEW_KINDS)).execute(db);
  await sql`insert into inspection_plan select * from temp.plan_parked`.execute(db);
  await sql`drop table temp.plan_parked`.execute(db);
  await db.schema
    .createIndex("inspection_plan_year")
    .on("inspection_plan")
    .columns(["institution_id", "year"])
    .execute();
  for (const op of ["insert", "update", "delete"])
    await sql`
      create trigger ${sql.raw(`inspection_plan_bumps_findings_${op}`)} after ${sql.raw(op)} on inspection_plan
      begin
        update data_version set version = version + 1 where topic = 'findings';
      end`.execute(db);
  const broken = await sql`pragma foreign_key_check`.execute(db);
  if (broken.rows.length > 0)
    throw new Error(`0026: foreign keys broken by the rebuild: ${JSON.stringify(broken.rows)}`);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error("0026_unit_inspections: plans of the fourth kind would be lost / 本单位检查计划将丢失"),
  );
}
