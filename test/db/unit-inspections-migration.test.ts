/**
 * Migration 0026 adds the fourth kind of plan, `unit` (a unit head's own inspection). On SQLite it makes
 * `inspection_plan` again while inspections and the team point at it: every plan must come through under its id, the
 * references must still hold and still be enforced, the other kinds' rule must still refuse what is not a kind, and the
 * findings' data version must still move when a plan changes.
 */
import { type Insertable, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/platform/db/database.js";
import { migrateToLatest } from "../../src/platform/db/migrate.js";
import { type InspectionPlanTable } from "../../src/platform/db/schema.js";
import { createTestDatabase, testDialects, type TestDatabase } from "../databases.js";
import { migrateUpTo, planRow, seedPlan0018, TEMPLATE } from "./inspection-migration-seed.js";

describe.each(testDialects)("migration 0026 (unit inspections) on %s", (dialect) => {
  let database: TestDatabase;
  let db: Db;
  const plan = (id: string, kind: InspectionPlanTable["kind"]) => planRow(id, kind) as Insertable<InspectionPlanTable>;
  const version = async () =>
    Number(
      (
        await db.kysely
          .selectFrom("data_version")
          .select("version")
          .where("topic", "=", "findings")
          .executeTakeFirstOrThrow()
      ).version,
    );

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = await openDatabase(database.target);
    await migrateUpTo(db, "0018_inspections");
    await seedPlan0018(db.kysely);
    await migrateUpTo(db, "0025_rubric_versions");
    expect(await migrateToLatest(db)).toEqual(["0026_unit_inspections"]);
  }, 60_000);
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it("keeps the plans under their ids, with their team and inspections", async () => {
    const plans = await db.kysely.selectFrom("inspection_plan").selectAll().execute();
    expect(plans).toEqual([expect.objectContaining({ id: "plan-1", kind: "member", half: 1, template: TEMPLATE })]);
    const joined = await db.kysely
      .selectFrom("inspection")
      .innerJoin("inspection_plan", "inspection_plan.id", "inspection.plan_id")
      .innerJoin("inspection_team", "inspection_team.plan_id", "inspection_plan.id")
      .select(["inspection.id", "inspection_team.person_id"])
      .orderBy("inspection.id")
      .execute();
    expect(joined).toEqual([
      { id: "insp-1", person_id: "p-lead" },
      { id: "insp-2", person_id: "p-lead" },
    ]);
  });

  it("takes a unit head's plan, still refuses what is not a kind, and still enforces the references", async () => {
    const before = await version();
    await db.kysely.insertInto("inspection_plan").values(plan("plan-unit", "unit")).execute();
    expect(await version()).toBeGreaterThan(before);
    await expect(
      db.kysely
        .insertInto("inspection_plan")
        .values(plan("plan-bad", "bogus" as "unit"))
        .execute(),
    ).rejects.toThrow();
    // A plan with inspections cannot go; an inspection of no plan cannot come.
    await expect(db.kysely.deleteFrom("inspection_plan").where("id", "=", "plan-1").execute()).rejects.toThrow();
    await expect(
      db.kysely.insertInto("inspection_team").values({ plan_id: "no-such-plan", person_id: "p-lead" }).execute(),
    ).rejects.toThrow();
    const kinds = await db.kysely.selectFrom("inspection_plan").select("kind").orderBy("id").execute();
    expect(kinds.map((k) => k.kind)).toEqual(["member", "unit"]);
  });

  it("keeps the plans' index", async () => {
    const indexes =
      dialect === "sqlite"
        ? await sql<{ name: string }>`
            select name from sqlite_master where type = 'index' and tbl_name = 'inspection_plan'`.execute(db.kysely)
        : await sql<{ name: string }>`
            select indexname as name from pg_indexes
            where tablename = 'inspection_plan' and schemaname = current_schema()`.execute(db.kysely);
    expect(indexes.rows.map((r) => r.name)).toContain("inspection_plan_year");
  });
});
