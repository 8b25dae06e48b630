/**
 * What the inspection migrations' tests share: migrating a fresh database up to a named migration only, and the plan
 * an installation of 0018 holds (an institution, a unit, a member, the member's plan with its team and two inspections).
 */
import { Migrator, sql, type Kysely } from "kysely";
import { type Db } from "../../src/platform/db/database.js";
import { MIGRATION_LOCK } from "../../src/platform/db/migrate.js";
import { migrations } from "../../src/platform/db/migrations/index.js";

export const AT = "2027-03-01T08:00:00.000Z";
export const TEMPLATE = JSON.stringify({
  id: "unit-inspection",
  version: 1,
  sections: [{ id: "daily", items: [{ id: "daily.carriers", text: { zh: "涉密载体管理规范", en: "Carriers" } }] }],
});

/** Migrates up to `last` only, the way migrate.ts does (on PostgreSQL: our schema's tables, under the lock). */
export async function migrateUpTo(db: Db, last: string): Promise<void> {
  const names = Object.keys(migrations);
  const upTo = Object.fromEntries(names.slice(0, names.indexOf(last) + 1).map((n) => [n, migrations[n]!]));
  const run = async () => {
    const schema =
      db.dialect === "postgres"
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)).rows[0]?.schema
        : undefined;
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: () => Promise.resolve(upTo) },
      migrationTableName: "baomi_migration",
      migrationLockTableName: "baomi_migration_lock",
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error("migration failed");
  };
  if (db.dialect !== "postgres") return run();
  await db.kysely.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${MIGRATION_LOCK}))`.execute(conn);
    try {
      await run();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK}))`.execute(conn);
    }
  });
}

/** A plan of 0018's shape, of the given kind, led by the seed's member. */
export const planRow = (id: string, kind: string) => ({
  id,
  institution_id: "u-inst",
  kind,
  title: "上半年检查",
  year: 2027,
  half: kind === "member" ? 1 : null,
  lead_person_id: "p-lead",
  starts_on: "2027-03-01",
  ends_on: "2027-03-31",
  template_id: "unit-inspection",
  template_version: 1,
  template: TEMPLATE,
  created_by: null,
  created_at: AT,
  updated_at: AT,
});

// The 0018 schema, before the types describe later migrations: rows are written untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function seedPlan0018(k: Kysely<any>): Promise<void> {
  await k
    .insertInto("unit")
    .values([
      {
        id: "u-inst",
        parent_id: null,
        path: "/u-inst/",
        name: "示例大学",
        kind: "institution",
        sort_order: 0,
        created_at: AT,
        updated_at: AT,
      },
      {
        id: "u-a",
        parent_id: "u-inst",
        path: "/u-inst/u-a/",
        name: "计算机学院",
        kind: "unit",
        sort_order: 1,
        created_at: AT,
        updated_at: AT,
      },
    ])
    .execute();
  await k
    .insertInto("person")
    .values({ id: "p-lead", name: "王委员", unit_id: "u-a", created_at: AT, updated_at: AT })
    .execute();
  await k.insertInto("inspection_plan").values(planRow("plan-1", "member")).execute();
  const inspection = (id: string) => ({
    id,
    plan_id: "plan-1",
    institution_id: "u-inst",
    unit_id: "u-a",
    status: "draft",
    results: "{}",
    summary: null,
    closed_on: null,
    closed_at: null,
    closed_by: null,
    created_at: AT,
    updated_at: AT,
  });
  await k
    .insertInto("inspection")
    .values([inspection("insp-1"), { ...inspection("insp-2"), plan_id: "plan-1", unit_id: "u-inst" }])
    .execute();
  await k.insertInto("inspection_team").values({ plan_id: "plan-1", person_id: "p-lead" }).execute();
}
