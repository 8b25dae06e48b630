/**
 * A province-scale organization for benchmarks (DESIGN.md §7; the issue: 150 institutions × 40 units, 300,000
 * people), in an SQLite file under .bench/. Generating it takes a while, so the file is cached under a version key
 * and reused by later runs; change PROVINCE_VERSION whenever the generator or the schema it fills changes.
 *
 * The schema comes from the real migrations; the rows go in through raw batched inserts in one transaction with the
 * secondary indexes dropped and rebuilt at the end (the generator is not what is measured). No ANALYZE is run:
 * the application never runs it either, so the query planner sees the province as it would in production.
 */
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { openDatabase } from "../../src/platform/db/database.js";
import { migrateToLatest } from "../../src/platform/db/migrate.js";
import { outputDir } from "../harness/paths.js";
import { generateProvince, type ProvinceShape, type TableRows } from "./province-rows.js";

export const PROVINCE_VERSION = "province-v1";
export const PROVINCE_SHAPE: ProvinceShape = { institutions: 150, unitsPerInstitution: 40, people: 300_000 };

const TABLES = ["unit", "person", "appointment", "portfolio"];
const ROWS_PER_STATEMENT = 400;

export interface Province {
  file: string;
  /** Every institution and unit id (not the authority root), for drawing random units. */
  unitIds: string[];
  generatedS: number | null;
}

/** The cached province file, generated first if it is missing or from another version. */
export async function ensureProvince(log: (line: string) => void = console.log): Promise<Province> {
  fs.mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, `${PROVINCE_VERSION}.sqlite`);
  let generatedS: number | null = null;
  if (!fs.existsSync(file)) {
    log(`generating ${PROVINCE_VERSION} (${PROVINCE_SHAPE.institutions} × ${PROVINCE_SHAPE.unitsPerInstitution} units, ${PROVINCE_SHAPE.people.toLocaleString("en")} people) …`);
    const t0 = performance.now();
    // Built aside and renamed into place, so an interrupted run never leaves a half province to be reused.
    const partial = `${file}.partial`;
    fs.rmSync(partial, { force: true });
    const setup = await openDatabase({ dialect: "sqlite", file: partial });
    await migrateToLatest(setup);
    await setup.close();
    fill(partial);
    fs.renameSync(partial, file);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${partial}${suffix}`, { force: true });
    generatedS = (performance.now() - t0) / 1000;
    log(`generated in ${generatedS.toFixed(1)} s → ${path.relative(process.cwd(), file)}`);
  }
  const handle = new BetterSqlite3(file, { readonly: true });
  const unitIds = (handle.prepare("select id from unit where parent_id is not null order by id").pluck().all() as string[]);
  handle.close();
  return { file, unitIds, generatedS };
}

function fill(file: string): void {
  const handle = new BetterSqlite3(file);
  // A scratch file being built: no journal, no fsync; it is renamed into place only once complete.
  handle.pragma("journal_mode = DELETE");
  handle.pragma("synchronous = OFF");
  handle.pragma("foreign_keys = OFF");
  const indexes = handle
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${TABLES.map(() => "?").join(",")})`,
    )
    .all(...TABLES) as { name: string; sql: string }[];
  for (const index of indexes) handle.exec(`drop index ${index.name}`);
  const statements = new Map<string, BetterSqlite3.Statement>();
  const insert = (batch: TableRows): void => {
    for (let i = 0; i < batch.rows.length; i += ROWS_PER_STATEMENT) {
      const rows = batch.rows.slice(i, i + ROWS_PER_STATEMENT);
      const key = `${batch.table}:${rows.length}`;
      let statement = statements.get(key);
      if (!statement) {
        const tuple = `(${batch.columns.map(() => "?").join(",")})`;
        statement = handle.prepare(
          `insert into ${batch.table} (${batch.columns.join(",")}) values ${Array(rows.length).fill(tuple).join(",")}`,
        );
        statements.set(key, statement);
      }
      statement.run(rows.flat());
    }
  };
  handle.transaction(() => generateProvince(PROVINCE_SHAPE, insert))();
  for (const index of indexes) handle.exec(index.sql);
  handle.close();
}
