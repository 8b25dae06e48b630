import { type CreateTableBuilder, sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// The committee's supervision system (实施细则第十二条第（二）项 督查制度): the annual work plan with its items (tasks for
// units, which become tracked tasks on approval), the mid-year supervision with its written notes to units, the
// year-end assessment of units on a rubric, and the annual summary. One of each per institution and year. Approvals
// are the director's, or a delegated deputy's, like signed minutes, and equally final.

/** The columns of a committee approval (审定), shared by the plan, the assessment and the summary. */
function approval<C extends string>(table: CreateTableBuilder<string, C>) {
  return table
    .addColumn("approved_by_account", "text", (c) => c.references("account.id"))
    .addColumn("approved_by_person", "text", (c) => c.references("person.id"))
    .addColumn("approved_as", "text", (c) => c.check(sql`approved_as in ('director', 'delegate')`))
    .addColumn("delegation_id", "text", (c) => c.references("delegation.id"))
    .addColumn("approved_at", "text")
    .addColumn("signature", "text");
}

export async function up(db: Kysely<any>): Promise<void> {
  await approval(
    db.schema
      .createTable("annual_plan")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'approved')`))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull()),
  )
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("annual_plan_year", ["institution_id", "year"])
    .execute();

  await db.schema
    .createTable("plan_item")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("annual_plan.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("due_on", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("plan_item_plan").on("plan_item").column("plan_id").execute();
  // A plan item becomes a tracked task when the plan is approved, as a meeting's decision does when minutes are signed.
  await db.schema
    .alterTable("tracked_task")
    .addColumn("plan_item_id", "text", (c) => c.references("plan_item.id"))
    .execute();

  await db.schema
    .createTable("supervision")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'completed')`))
    .addColumn("report", "text")
    .addColumn("completed_by", "text", (c) => c.references("account.id"))
    .addColumn("completed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("supervision_year", ["institution_id", "year"])
    .execute();
  await db.schema
    .createTable("supervision_note")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("supervision_id", "text", (c) => c.notNull().references("supervision.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("supervision_note_supervision").on("supervision_note").column("supervision_id").execute();

  await approval(
    db.schema
      .createTable("assessment")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'approved')`))
      // The rubric as it was when the assessment began (JSON): scores stay comparable when the rubric is edited later.
      .addColumn("rubric", "text", (c) => c.notNull()),
  )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("assessment_year", ["institution_id", "year"])
    .execute();
  await db.schema
    .createTable("assessment_score")
    .addColumn("assessment_id", "text", (c) => c.notNull().references("assessment.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("earned", "real", (c) => c.notNull())
    .addColumn("possible", "real", (c) => c.notNull())
    .addColumn("percent", "real")
    .addColumn("band", "text", (c) => c.notNull())
    .addColumn("vetoed", "integer", (c) => c.notNull())
    .addColumn("scored_by", "text", (c) => c.references("account.id"))
    .addColumn("scored_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("assessment_score_pk", ["assessment_id", "unit_id"])
    .execute();

  await approval(
    db.schema
      .createTable("annual_summary")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'approved')`))
      .addColumn("text", "text", (c) => c.notNull()),
  )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("annual_summary_year", ["institution_id", "year"])
    .execute();

  // Approved is final, as signed minutes are: the database refuses to change an approved record or a completed
  // supervision. Scores of an approved assessment are likewise frozen.
  const finals: [table: string, when: string][] = [
    ["annual_plan", "old.approved_at is not null"],
    ["assessment", "old.approved_at is not null"],
    ["annual_summary", "old.approved_at is not null"],
    ["supervision", "old.completed_at is not null"],
  ];
  if (isPostgres(db)) {
    for (const [table, when] of finals) {
      await sql`
        create function ${sql.raw(`baomi_${table}_final`)}() returns trigger language plpgsql as $$
        begin
          if ${sql.raw(when)} then
            raise exception 'approved records are final: % refused / 已审定的记录不得修改', tg_op
              using errcode = 'insufficient_privilege';
          end if;
          return case when tg_op = 'DELETE' then old else new end;
        end
        $$`.execute(db);
      await sql`
        create trigger ${sql.raw(`${table}_final`)} before update or delete on ${sql.table(table)}
        for each row execute function ${sql.raw(`baomi_${table}_final`)}()`.execute(db);
    }
  } else {
    for (const [table, when] of finals) {
      for (const operation of ["update", "delete"]) {
        await sql`
          create trigger ${sql.raw(`${table}_final_${operation}`)}
          before ${sql.raw(operation)} on ${sql.table(table)}
          when ${sql.raw(when)}
          begin
            select raise(abort, 'approved records are final / 已审定的记录不得修改');
          end`.execute(db);
      }
    }
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0012_supervision cannot be reverted: approved plans are records / 计划为正式记录"));
}
