/**
 * Applies an import file: validates it against the organization read inside the transaction, then creates every
 * unit (parents first, with materialized paths), person and appointment, and one audit entry, in that one
 * transaction — a file is imported whole or not at all (DESIGN.md §1).
 */
import { CompiledQuery, type Insertable, type Kysely, type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "../../domain/errors.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type AuditEvent, type AuditLog } from "../../platform/audit/audit-log.js";
import { type Dialect } from "../../platform/db/database.js";
import { toInstant } from "../../platform/db/instants.js";
import { type AppointmentTable, type Database, type PersonTable, type UnitTable } from "../../platform/db/schema.js";
import { MAX_LISTED_ERRORS } from "./columns.js";
import { readExisting } from "./existing.js";
import { importRefusal } from "./import-error.js";
import { type ParsedImport } from "./parse.js";
import { type ImportPlan, referencedKeys, type UnitRef, validateImport } from "./validate.js";

export interface ImportCounts {
  units: number;
  people: number;
  appointments: number;
}

// Rows per INSERT: few statements, yet far below the bound-parameter limits (SQLite 32766, PostgreSQL 65535).
const BATCH = 500;

const UNIT_INSERT = [
  "id",
  "parent_id",
  "path",
  "name",
  "kind",
  "code",
  "classified",
  "sort_order",
  "created_at",
  "updated_at",
] as const;
const PERSON_INSERT = ["id", "name", "staff_no", "unit_id", "created_at", "updated_at"] as const;
const APPOINTMENT_INSERT = [
  "id",
  "person_id",
  "unit_id",
  "position",
  "acting",
  "starts_on",
  "ends_on",
  "created_by",
  "created_at",
] as const;

// Full batches only: the last, shorter batch of each import has a size of its own and is not worth keeping.
const fullBatches = new Map<string, string>();

/** `insert into t (…) values (…), (…)` for n rows, with the dialect's placeholders. */
function insertText(dialect: Dialect, table: string, columns: readonly string[], n: number): string {
  const key = `${dialect}|${table}`;
  const cached = n === BATCH ? fullBatches.get(key) : undefined;
  if (cached) return cached;
  let p = 0;
  const tuple = () => `(${columns.map(() => (dialect === "postgres" ? `$${++p}` : "?")).join(", ")})`;
  const tuples = Array.from({ length: n }, tuple).join(", ");
  const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values ${tuples}`;
  if (n === BATCH) fullBatches.set(key, text);
  return text;
}

/**
 * Inserts rows in batches of prepared text. Kysely's builder would compile each 500-row statement afresh — some
 * 40 of them per 10,000 people, costing more than running them; the text here is built once and only bound.
 */
async function insertRows<R extends object>(
  trx: Transaction<Database>,
  dialect: Dialect,
  table: "unit" | "person" | "appointment",
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const values = batch.flatMap((row) => columns.map((column) => row[column] ?? null));
    await trx.executeQuery(CompiledQuery.raw(insertText(dialect, table, columns, batch.length), values));
  }
}

/** A unique index refusing a row: someone else took a code or staff number while this file was being checked. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** The rows a valid plan becomes: ids assigned, paths built from the parents placed before. */
function rowsOf(plan: ImportPlan, at: string, createdBy: string | null) {
  const placed = new Map<string, { id: string; path: string }>();
  const where = (ref: UnitRef): { id: string; path: string } => {
    const unit = "code" in ref ? placed.get(ref.code) : ref;
    // validate.ts orders parents first and resolves every reference; a miss here is a bug, not bad input.
    if (!unit) throw new Error(`import plan refers to unit ${"code" in ref ? ref.code : ref.id} before placing it`);
    return unit;
  };
  const units: Insertable<UnitTable>[] = plan.units.map((unit) => {
    const id = uuidv7();
    const path = `${where(unit.parent).path}${id}/`;
    placed.set(unit.code, { id, path });
    const parentId = where(unit.parent).id;
    return {
      id,
      parent_id: parentId,
      path,
      name: unit.name,
      kind: unit.kind,
      code: unit.code,
      classified: unit.classified ? 1 : 0,
      sort_order: 0,
      created_at: at,
      updated_at: at,
    };
  });
  const personIds = new Map<string, string>();
  const people: Insertable<PersonTable>[] = plan.people.map((person) => {
    const id = uuidv7();
    personIds.set(person.staffNo, id);
    return {
      id,
      name: person.name,
      staff_no: person.staffNo,
      unit_id: where(person.unit).id,
      created_at: at,
      updated_at: at,
    };
  });
  const appointments: Insertable<AppointmentTable>[] = plan.appointments.map((a) => {
    const personId = "id" in a.person ? a.person.id : personIds.get(a.person.staffNo);
    if (!personId) throw new Error(`import plan refers to person ${JSON.stringify(a.person)} before creating them`);
    return {
      id: uuidv7(),
      person_id: personId,
      unit_id: where(a.unit).id,
      position: a.position,
      acting: a.acting ? 1 : 0,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
      created_by: createdBy,
      created_at: at,
    };
  });
  return { units, people, appointments };
}

/** Imports a parsed file whole, or throws VALIDATION_FAILED listing every problem; nothing is half-imported. */
export async function importOrganization(options: {
  db: Kysely<Database>;
  dialect: Dialect;
  audit: AuditLog;
  policy: Pick<Policy, "positions">;
  parsed: ParsedImport;
  context: Pick<AuditEvent, "actor" | "sourceIp" | "requestId">;
  now: Date;
  file: { sha256: string; bytes: number };
}): Promise<ImportCounts> {
  const { db, dialect, audit, policy, parsed, context, now, file } = options;
  if (parsed.errors.length > 0) throw importRefusal(parsed.errors, MAX_LISTED_ERRORS);
  const apply = db.transaction().execute(async (trx) => {
    // Read inside the transaction: what is checked is what the rows are written against.
    const existing = await readExisting(trx, referencedKeys(parsed));
    const { plan, errors } = validateImport(parsed, policy, existing);
    if (errors.length > 0) throw importRefusal(errors, MAX_LISTED_ERRORS);
    const rows = rowsOf(plan, toInstant(now), context.actor.accountId);
    await insertRows(trx, dialect, "unit", UNIT_INSERT, rows.units);
    await insertRows(trx, dialect, "person", PERSON_INSERT, rows.people);
    await insertRows(trx, dialect, "appointment", APPOINTMENT_INSERT, rows.appointments);
    const counts = { units: rows.units.length, people: rows.people.length, appointments: rows.appointments.length };
    // One entry for the file: the counts and the file's hash identify what was imported; names stay out of the log.
    await audit.append(trx, {
      ...context,
      action: "org.import",
      object: { type: "org", id: null },
      result: "success",
      details: { ...counts, sha256: file.sha256, bytes: file.bytes },
    });
    return counts;
  });
  return apply.catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("CONFLICT", {
      zh: "导入期间有单位代码或工号被他人占用，未导入任何数据，请重新导入",
      en: "A unit code or staff number was taken while the file was being imported; nothing was imported, try again",
    });
  });
}
