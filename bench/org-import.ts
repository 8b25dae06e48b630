/**
 * `node --import tsx bench/org-import.ts [PEOPLE] [RUNS]`: the cost of importing an organization file.
 * Subject: the import as the route runs it — load the .xlsx, scan it for secrecy markings, read its rows, validate
 * them against the database, insert everything and audit it in one transaction (features/org-import).
 * Baseline: the same file loaded with exceljs and its rows read, then the same rows inserted raw through
 * better-sqlite3 (prepared multi-row INSERTs in one transaction). SQLite as shipped (WAL, synchronous=FULL), a fresh
 * database per run, runs alternating baseline/subject. Target: subject ≤ 1.5 × baseline (median time).
 */
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import BetterSqlite3 from "better-sqlite3";
import ExcelJS from "exceljs";
import { v7 as uuidv7 } from "uuid";
import { type Policy } from "../src/domain/policy/schema.js";
import { APPOINTMENT_COLUMNS, PERSON_COLUMNS, SHEETS, UNIT_COLUMNS } from "../src/features/org-import/columns.js";
import { loadWorkbook, parseWorkbook } from "../src/features/org-import/parse.js";
import { importOrganization } from "../src/features/org-import/service.js";
import { activePolicy } from "../src/features/policy/active-policy.js";
import { createAuditLog } from "../src/platform/audit/audit-log.js";
import { type Config } from "../src/platform/config/config.js";
import { openDatabase, type Db } from "../src/platform/db/database.js";
import { toInstant } from "../src/platform/db/instants.js";
import { migrateToLatest } from "../src/platform/db/migrate.js";
import { scanXlsx } from "../src/platform/documents/marking-scan.js";
import { cellScalar } from "../src/platform/documents/cell-text.js";
import { outputDir } from "./harness/paths.js";

const PEOPLE = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 3);
const UNITS = Math.max(1, Math.round(PEOPLE / 50));

/** A school: UNITS units in two levels, PEOPLE people spread over them, each a STAFF member, and one head per unit. */
async function generate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, headers: readonly { header: string }[]) => {
    const s = workbook.addWorksheet(name);
    s.addRow(headers.map((c) => c.header));
    return s;
  };
  const units = sheet(SHEETS.units, UNIT_COLUMNS);
  for (let u = 0; u < UNITS; u++)
    units.addRow([`U${u}`, `单位${u}`, u < 10 ? "" : `U${u % 10}`, "二级单位", u % 7 === 0 ? "是" : "否"]);
  const people = sheet(SHEETS.people, PERSON_COLUMNS);
  for (let p = 0; p < PEOPLE; p++) people.addRow([`S${String(p).padStart(6, "0")}`, `教职工${p}`, `U${p % UNITS}`]);
  const appointments = sheet(SHEETS.appointments, APPOINTMENT_COLUMNS);
  for (let p = 0; p < PEOPLE; p++) {
    const head = p < UNITS;
    appointments.addRow([
      `S${String(p).padStart(6, "0")}`,
      `U${p % UNITS}`,
      "STAFF",
      "否",
      new Date(Date.UTC(2020 + (p % 7), p % 12, 1 + (p % 28))),
      null,
    ]);
    if (head) appointments.addRow([`S${String(p).padStart(6, "0")}`, `U${p}`, "UNIT_HEAD", "", "2026-09-01", ""]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Fresh {
  db: Db;
  config: Config;
  file: string;
  root: { id: string; path: string };
}

const folders: string[] = [];

/** A migrated database in its own folder, holding the root unit the file's top units go under. */
async function freshDatabase(): Promise<Fresh> {
  const dir = fs.mkdtempSync(path.join(outputDir, "org-import-"));
  folders.push(dir);
  const file = path.join(dir, "baomi.sqlite");
  const db = await openDatabase({ dialect: "sqlite", file });
  await migrateToLatest(db);
  const id = uuidv7();
  const at = toInstant(new Date());
  const root = { id, path: `/${id}/` };
  await db.kysely
    .insertInto("unit")
    .values({
      id,
      parent_id: null,
      path: root.path,
      name: "学校",
      kind: "institution",
      sort_order: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const config = {
    dataDir: dir,
    database: { dialect: "sqlite", file },
    audit: { keyFile: path.join(dir, "keys", "audit-ed25519.pem"), checkpointEvery: 1000, checkpointMinutes: 60 },
  } as Config;
  return { db, config, file, root };
}

async function subject(file: Buffer, policy: Policy): Promise<number> {
  const fresh = await freshDatabase();
  const audit = createAuditLog({ db: fresh.db, config: fresh.config });
  const started = performance.now();
  const workbook = await loadWorkbook(file);
  if (!("worksheets" in workbook)) throw new Error(workbook.message.en);
  if (await scanXlsx(file, workbook)) throw new Error("the generated file carries a marking");
  const counts = await importOrganization({
    db: fresh.db.kysely,
    dialect: "sqlite",
    audit,
    policy,
    parsed: parseWorkbook(workbook),
    context: {
      actor: { accountId: null, username: "bench", role: null, unitId: null },
      sourceIp: null,
      requestId: null,
    },
    now: new Date(),
    file: { sha256: "bench", bytes: file.length },
  });
  const elapsed = performance.now() - started;
  if (counts.people !== PEOPLE) throw new Error(`imported ${counts.people} people`);
  await fresh.db.close();
  return elapsed;
}

type Row = (string | number | null)[];

/** Rows of a sheet as plain values, header skipped: what any importer must at least do with the file. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): Row[] {
  const rows: Row[] = [];
  workbook.getWorksheet(name)?.eachRow((row, n) => {
    if (n === 1) return;
    const values: Row = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      const value = cellScalar(cell.value);
      values.push(
        value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === "boolean" ? Number(value) : value,
      );
    });
    rows.push(values);
  });
  return rows;
}

function insertMany(handle: BetterSqlite3.Database, table: string, columns: string[], rows: unknown[][]): void {
  const BATCH = 500;
  const one = `(${columns.map(() => "?").join(",")})`;
  const full = handle.prepare(`insert into ${table} (${columns.join(",")}) values ${Array(BATCH).fill(one).join(",")}`);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const statement =
      batch.length === BATCH
        ? full
        : handle.prepare(
            `insert into ${table} (${columns.join(",")}) values ${Array(batch.length).fill(one).join(",")}`,
          );
    statement.run(batch.flat());
  }
}

async function baseline(file: Buffer): Promise<number> {
  const fresh = await freshDatabase();
  await fresh.db.close();
  const handle = new BetterSqlite3(fresh.file);
  handle.pragma("journal_mode = WAL");
  handle.pragma("synchronous = FULL");
  handle.pragma("foreign_keys = ON");
  const started = performance.now();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const at = toInstant(new Date());
  const unitRows = rowsOf(workbook, SHEETS.units);
  const units = new Map<string, { id: string; path: string }>();
  // The file lists parents before children; the baseline relies on it rather than checking.
  const unitValues = unitRows.map(([code, name, parent, , classified]) => {
    const id = uuidv7();
    const up = parent ? units.get(String(parent)) : fresh.root;
    const pathOf = `${up?.path ?? fresh.root.path}${id}/`;
    units.set(String(code), { id, path: pathOf });
    return [id, up?.id ?? fresh.root.id, pathOf, name, "unit", String(code), classified === "是" ? 1 : 0, 0, at, at];
  });
  const people = new Map<string, string>();
  const personValues = rowsOf(workbook, SHEETS.people).map(([staffNo, name, unit]) => {
    const id = uuidv7();
    people.set(String(staffNo), id);
    return [id, name, String(staffNo), units.get(String(unit))?.id, at, at];
  });
  const appointmentValues = rowsOf(workbook, SHEETS.appointments).map(
    ([staffNo, unit, position, acting, starts, ends]) => [
      uuidv7(),
      people.get(String(staffNo)),
      units.get(String(unit))?.id,
      position,
      acting === "是" ? 1 : 0,
      starts,
      ends || null,
      null,
      at,
    ],
  );
  handle.transaction(() => {
    insertMany(
      handle,
      "unit",
      ["id", "parent_id", "path", "name", "kind", "code", "classified", "sort_order", "created_at", "updated_at"],
      unitValues,
    );
    insertMany(handle, "person", ["id", "name", "staff_no", "unit_id", "created_at", "updated_at"], personValues);
    insertMany(
      handle,
      "appointment",
      ["id", "person_id", "unit_id", "position", "acting", "starts_on", "ends_on", "created_by", "created_at"],
      appointmentValues,
    );
  })();
  const elapsed = performance.now() - started;
  handle.close();
  return elapsed;
}

// A collection before each measured side, so neither pays for the other's garbage. The command line stays plain
// (`node --import tsx …`), so the collector is reached by flag at run time rather than by --expose-gc.
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  fs.mkdirSync(outputDir, { recursive: true });
  const file = await generate();
  const probe = await freshDatabase();
  const { policy } = await activePolicy(probe.db.kysely);
  await probe.db.close();
  console.log(
    `org import: ${PEOPLE} people, ${UNITS} units, ${PEOPLE + UNITS} appointments; file ${(file.length / 1024).toFixed(0)} KB; ${RUNS} runs each`,
  );
  // One unmeasured round each, so that neither side is timed while the JIT is still compiling its code.
  await baseline(file);
  await subject(file, policy);
  const base: number[] = [];
  const subj: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    collect();
    base.push(await baseline(file));
    collect();
    subj.push(await subject(file, policy));
    console.log(`  run ${run + 1}: baseline ${base.at(-1)?.toFixed(0)} ms, subject ${subj.at(-1)?.toFixed(0)} ms`);
  }
  const ratio = median(subj) / median(base);
  console.log(`baseline (parse .xlsx + raw batched insert): median ${median(base).toFixed(0)} ms`);
  console.log(`subject  (import service, validated, scanned, audited): median ${median(subj).toFixed(0)} ms`);
  console.log(`ratio ${ratio.toFixed(2)} (target ≤ 1.50) ${ratio <= 1.5 ? "met" : "MISSED"}`);
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
}

await main();
