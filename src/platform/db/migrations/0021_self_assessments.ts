import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// Self-assessments (自查自评, 实施条例（2024）第五十八条): each unit's annual self-assessment on the rubric the committee
// scores it on at year end, and the institution's own (its unit is the institution) on the institution rubric. The
// rubric is frozen as JSON with its id and version when the self-assessment starts, so later edits never rescore it;
// the answers are saved as a draft item by item; the score, percentage, band and veto are stored on submission.
// One per unit and year. A submitted self-assessment is final: triggers refuse changing or deleting it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("self_assessment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("unit.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("rubric_id", "text", (c) => c.notNull())
    .addColumn("rubric_version", "integer", (c) => c.notNull())
    .addColumn("rubric", "text", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn("score", "real")
    .addColumn("possible", "real")
    .addColumn("percent", "real")
    .addColumn("band", "text")
    .addColumn("vetoed", "integer", (c) => c.check(sql`vetoed is null or vetoed in (0, 1)`))
    .addColumn("submitted_by", "text", (c) => c.references("account.id"))
    .addColumn("submitted_at", "text")
    .addColumn("created_by", "text", (c) => c.references("account.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("self_assessment_unit_year", ["unit_id", "year"])
    // A submitted one carries its result and who submitted it; a draft carries neither.
    .addCheckConstraint(
      "self_assessment_result",
      sql`(status = 'submitted') = (submitted_at is not null and score is not null and possible is not null
        and band is not null and vetoed is not null)`,
    )
    .execute();
  await db.schema
    .createIndex("self_assessment_year")
    .on("self_assessment")
    .columns(["institution_id", "year"])
    .execute();

  if (isPostgres(db)) {
    await sql`
      create function baomi_self_assessment_final() returns trigger language plpgsql as $$
      begin
        if old.status = 'submitted' then
          raise exception 'a submitted self-assessment is final / 已提交的自查自评不得修改'
            using errcode = 'insufficient_privilege';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end
      $$`.execute(db);
    await sql`
      create trigger self_assessment_final before update or delete on self_assessment
      for each row execute function baomi_self_assessment_final()`.execute(db);
  } else {
    for (const op of ["update", "delete"])
      await sql`
        create trigger ${sql.raw(`self_assessment_final_${op}`)} before ${sql.raw(op)} on self_assessment
        when old.status = 'submitted'
        begin
          select raise(abort, 'a submitted self-assessment is final / 已提交的自查自评不得修改');
        end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(
    new Error("0021_self_assessments cannot be reverted: self-assessments are records / 自查自评为正式记录"),
  );
}
