import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// A version number per cached answer, bumped by the database itself whenever anything that answer is read from
// changes — by any process, through any path (routes, the demo loader, an import, raw SQL) — so that a cache keyed by
// it can never serve what was true before a committed change (platform/db/data-versions.ts).
//
// `findings`: the findings list and statistics (features/inspections/findings-cache.ts) read inspection_finding, decide
// what the actor sees from inspection, inspection_team, inspection_plan, self_check and unit (visibility.ts), and name
// units and members (unit, person). A later migration that rebuilds one of these tables on SQLite must create its
// trigger again.
//
// PostgreSQL: deferred constraint triggers, so that the bump is the last thing a transaction does before it commits
// — the version row is then locked for an instant, and two transactions changing findings cannot deadlock over it.

const FINDINGS_TABLES = [
  "inspection_finding",
  "inspection",
  "inspection_team",
  "inspection_plan",
  "self_check",
  "unit",
  "person",
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("data_version")
    .addColumn("topic", "text", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
  await db.insertInto("data_version").values({ topic: "findings", version: 1 }).execute();
  if (isPostgres(db)) {
    await sql`
      create function baomi_bump_findings_version() returns trigger language plpgsql as $$
      begin
        update data_version set version = version + 1 where topic = 'findings';
        return null;
      end
      $$`.execute(db);
    for (const table of FINDINGS_TABLES)
      await sql`
        create constraint trigger ${sql.raw(`${table}_bumps_findings`)}
        after insert or update or delete on ${sql.raw(table)}
        deferrable initially deferred
        for each row execute function baomi_bump_findings_version()`.execute(db);
  } else {
    for (const table of FINDINGS_TABLES)
      for (const op of ["insert", "update", "delete"])
        await sql`
          create trigger ${sql.raw(`${table}_bumps_findings_${op}`)} after ${sql.raw(op)} on ${sql.raw(table)}
          begin
            update data_version set version = version + 1 where topic = 'findings';
          end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0024_data_versions: caches depend on it, nothing to revert to"));
}
