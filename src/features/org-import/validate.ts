/**
 * Checks every row of an import against the file itself and the organization as it stands, and collects every
 * problem — not just the first — each on its sheet, row and column. Pure: the database is read beforehand
 * (existing.ts) into an `ExistingOrg`, so the whole check runs in memory.
 */
import { type Localized } from "../../domain/errors.js";
import { findSecrecyMarking, MARKING_LAW } from "../../domain/marking-guard.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type CellScalar } from "../../platform/documents/cell-text.js";
import { APPOINTMENT_COLUMNS, type ColumnSpec, PERSON_COLUMNS, SHEETS, UNIT_COLUMNS } from "./columns.js";
import { dateOf, kindOf, nameOf, type Read, staffNoOf, type UnitKind, unitCodeOf, yesNoOf } from "./fields.js";
import { importError, type ImportError } from "./import-error.js";
import { type ParsedImport, type RawRow, type SheetRows } from "./parse.js";

/** The organization as it stands, as far as the file refers to it. */
export interface ExistingOrg {
  /** The root of the unit tree: where a unit without a parent code goes. Null when there is not exactly one. */
  root: { id: string; path: string } | null;
  /** Units by code. */
  units: Map<string, { id: string; path: string }>;
  /** People by staff number. */
  people: Map<string, { id: string }>;
  /** Appointments in the existing units the file appoints to. */
  appointments: {
    personId: string;
    personName: string;
    unitId: string;
    position: string;
    startsOn: string;
    endsOn: string | null;
  }[];
}

/** A unit: one already in the database, or one the file creates (by code). */
export type UnitRef = { id: string; path: string } | { code: string };

export interface PlannedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  classified: boolean;
  parent: UnitRef;
}
export interface PlannedPerson {
  staffNo: string;
  name: string;
  unit: UnitRef;
}
export interface PlannedAppointment {
  person: { id: string } | { staffNo: string };
  unit: UnitRef;
  position: string;
  acting: boolean;
  startsOn: string;
  endsOn: string | null;
}

/** What a valid file creates; units come parents first. */
export interface ImportPlan {
  units: PlannedUnit[];
  people: PlannedPerson[];
  appointments: PlannedAppointment[];
}

/** Unit codes and staff numbers the file mentions, so that only those are read from the database. */
export function referencedKeys(parsed: ParsedImport): { unitCodes: string[]; staffNos: string[] } {
  const unitCodes = new Set<string>();
  const staffNos = new Set<string>();
  const code = (cell: CellScalar) => {
    const read = unitCodeOf(cell);
    if (read.ok && read.value !== "") unitCodes.add(read.value);
  };
  const staff = (cell: CellScalar) => {
    const read = staffNoOf(cell);
    if (read.ok && read.value !== "") staffNos.add(read.value);
  };
  for (const { cells } of parsed.units.rows) {
    code(cells.code);
    code(cells.parentCode);
  }
  for (const { cells } of [...parsed.people.rows, ...parsed.appointments.rows]) {
    staff(cells.staffNo);
    code(cells.unitCode);
  }
  return { unitCodes: [...unitCodes], staffNos: [...staffNos] };
}

const REQUIRED: Localized = { zh: "必填", en: "required" };
const SHEET_ORDER: string[] = [SHEETS.units, SHEETS.people, SHEETS.appointments];

/** Reads a row's fields, recording each problem on the row's cell. */
class RowReader<K extends string> {
  ok = true;
  constructor(
    private readonly sheet: SheetRows<K>,
    private readonly columns: readonly ColumnSpec<K>[],
    readonly raw: RawRow<K>,
    private readonly errors: ImportError[],
  ) {}

  fail(key: K, problem: Localized): void {
    this.ok = false;
    const header = this.columns.find((c) => c.key === key)?.header ?? key;
    this.errors.push(importError(this.sheet.sheet, this.raw.row, this.sheet.letters[key] || null, header, problem));
  }

  /** The field's value, or undefined after recording why not; blank required fields are refused. */
  read<T>(key: K, reader: (cell: CellScalar) => Read<T>, required: boolean): T | undefined {
    const result = reader(this.raw.cells[key]);
    if (!result.ok) return void this.fail(key, result.problem);
    if (required && (result.value === "" || result.value === null)) return void this.fail(key, REQUIRED);
    return result.value;
  }

  /** Refuses any cell carrying a secrecy marking (DESIGN.md §1). */
  markings(): void {
    for (const column of this.columns) {
      const text = this.raw.texts[column.key];
      const hit = text === undefined ? null : findSecrecyMarking(text);
      if (hit)
        this.fail(column.key, {
          zh: `含有国家秘密标志“${hit.text}”。本平台为非涉密信息系统，不得存储、处理国家秘密（${MARKING_LAW.zh}）`,
          en: `carries the state-secret marking "${hit.text}". This platform is a non-classified system and must not store or process state secrets (${MARKING_LAW.en})`,
        });
    }
  }
}

interface FileUnit {
  row: number;
  reader: RowReader<(typeof UNIT_COLUMNS)[number]["key"]>;
  unit: Omit<PlannedUnit, "parent"> & { parentCode: string | undefined };
}

/** Validates the parsed file against itself, the policy's positions and the organization as it stands. */
export function validateImport(
  parsed: ParsedImport,
  policy: Pick<Policy, "positions">,
  existing: ExistingOrg,
): { plan: ImportPlan; errors: ImportError[] } {
  const errors: ImportError[] = [...parsed.errors];
  const plan: ImportPlan = { units: [], people: [], appointments: [] };
  if (errors.length > 0) return { plan, errors };

  const fileUnits = readUnits(parsed, existing, errors);
  plan.units = orderUnits(fileUnits, existing);
  const resolveUnit = (code: string): UnitRef | undefined =>
    fileUnits.has(code) ? { code } : existing.units.get(code);

  const filePeople = new Map<string, number>();
  for (const raw of parsed.people.rows) {
    const r = new RowReader(parsed.people, PERSON_COLUMNS, raw, errors);
    r.markings();
    const staffNo = r.read("staffNo", staffNoOf, true);
    const name = r.read("name", (c) => nameOf(c, 64), true);
    const unitCode = r.read("unitCode", unitCodeOf, true);
    const unit = unitCode === undefined ? undefined : resolveUnit(unitCode);
    if (unitCode !== undefined && !unit) r.fail("unitCode", unknownUnit(unitCode));
    if (staffNo !== undefined) {
      const first = filePeople.get(staffNo);
      if (first !== undefined) r.fail("staffNo", duplicate("工号", staffNo, first));
      else if (existing.people.has(staffNo)) r.fail("staffNo", takenInSystem("工号", staffNo));
      else filePeople.set(staffNo, raw.row);
    }
    if (r.ok && staffNo !== undefined && name !== undefined && unit) plan.people.push({ staffNo, name, unit });
  }

  plan.appointments = readAppointments(parsed, policy, existing, resolveUnit, filePeople, errors);
  errors.sort(
    (a, b) =>
      SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) ||
      a.row - b.row ||
      (a.column ?? "").length - (b.column ?? "").length ||
      (a.column ?? "").localeCompare(b.column ?? ""),
  );
  return { plan, errors };
}

function unknownUnit(code: string): Localized {
  return {
    zh: `找不到单位“${code}”：既不在本文件“单位”表中，也不在系统中`,
    en: `no unit "${code}" in this file's 单位 sheet or in the system`,
  };
}

function duplicate(what: string, value: string, firstRow: number): Localized {
  return {
    zh: `${what}“${value}”与本表第 ${firstRow} 行重复`,
    en: `"${value}" repeats row ${firstRow} of this sheet`,
  };
}

function takenInSystem(what: string, value: string): Localized {
  return {
    zh: `${what}“${value}”在系统中已被使用`,
    en: `"${value}" is already used in the system`,
  };
}

function readUnits(parsed: ParsedImport, existing: ExistingOrg, errors: ImportError[]): Map<string, FileUnit> {
  const units = new Map<string, FileUnit>();
  for (const raw of parsed.units.rows) {
    const r = new RowReader(parsed.units, UNIT_COLUMNS, raw, errors);
    r.markings();
    const code = r.read("code", unitCodeOf, true);
    const name = r.read("name", (c) => nameOf(c, 100), true);
    const parentCode = r.read("parentCode", unitCodeOf, false);
    const kind = r.read("kind", kindOf, false);
    const classified = r.read("classified", yesNoOf, false);
    if (code === undefined) continue;
    const first = units.get(code);
    if (first) r.fail("code", duplicate("单位代码", code, first.row));
    else if (existing.units.has(code)) r.fail("code", takenInSystem("单位代码", code));
    // Registered even when another field failed, so that rows referring to it are not refused for the wrong reason.
    else
      units.set(code, {
        row: raw.row,
        reader: r,
        unit: {
          code,
          name: name ?? "",
          kind: kind ?? "unit",
          classified: classified ?? false,
          parentCode: parentCode === "" ? undefined : parentCode,
        },
      });
  }
  return units;
}

/** Resolves each unit's parent and orders the units parents first; refuses unknown parents and cycles. */
function orderUnits(units: Map<string, FileUnit>, existing: ExistingOrg): PlannedUnit[] {
  const ordered: PlannedUnit[] = [];
  const state = new Map<string, "walking" | "done" | "failed">();
  for (const start of units.keys()) {
    // Walk up through parents in the file until one is placed, outside the file, or seen on this walk (a cycle).
    const walk: FileUnit[] = [];
    let parent: UnitRef | null = null;
    let failed = false;
    for (let code: string | undefined = start; code !== undefined;) {
      const seen = state.get(code);
      if (seen === "done") {
        parent = { code };
        break;
      }
      if (seen === "failed") {
        failed = true;
        break;
      }
      const current: FileUnit | undefined = units.get(code);
      if (!current) break;
      if (seen === "walking") {
        current.reader.fail("parentCode", {
          zh: `上级单位形成循环（${[...walk.map((w) => w.unit.code), code].join(" → ")}）`,
          en: `the parents form a cycle (${[...walk.map((w) => w.unit.code), code].join(" → ")})`,
        });
        failed = true;
        break;
      }
      state.set(code, "walking");
      walk.push(current);
      const parentCode = current.unit.parentCode;
      if (parentCode === undefined) {
        if (existing.root) parent = existing.root;
        else {
          current.reader.fail("parentCode", {
            zh: "系统中没有唯一的根单位，请填写上级单位代码",
            en: "the system has no single root unit; give the parent's code",
          });
          failed = true;
        }
        break;
      }
      if (units.has(parentCode)) {
        code = parentCode;
        continue;
      }
      const outside = existing.units.get(parentCode);
      if (outside) parent = outside;
      else {
        current.reader.fail("parentCode", {
          zh: `找不到上级单位“${parentCode}”：既不在本文件“单位”表中，也不在系统中`,
          en: `no parent unit "${parentCode}" in this file's 单位 sheet or in the system`,
        });
        failed = true;
      }
      break;
    }
    // The walk went child → ancestor: place it ancestor first, each under the one placed before it.
    for (const unit of walk.reverse()) {
      state.set(unit.unit.code, failed || !parent ? "failed" : "done");
      if (failed || !parent) continue;
      const { parentCode: _parentCode, ...fields } = unit.unit;
      ordered.push({ ...fields, parent });
      parent = { code: unit.unit.code };
    }
  }
  return ordered;
}

interface Term {
  row: number | null;
  holder: string;
  startsOn: string;
  endsOn: string;
}

const OPEN_END = "9999-12-31";

function readAppointments(
  parsed: ParsedImport,
  policy: Pick<Policy, "positions">,
  existing: ExistingOrg,
  resolveUnit: (code: string) => UnitRef | undefined,
  filePeople: Map<string, number>,
  errors: ImportError[],
): PlannedAppointment[] {
  const positions = new Map(policy.positions.map((p) => [p.code, p]));
  const byName = new Map(policy.positions.map((p) => [p.name.zh, p]));
  const planned: PlannedAppointment[] = [];
  // Terms that must not overlap, grouped: per unit and position for one-holder posts, per person as well otherwise.
  const groups = new Map<string, Term[]>();
  const readers = new Map<number, RowReader<(typeof APPOINTMENT_COLUMNS)[number]["key"]>>();
  const groupKey = (unit: string, position: string, person: string) =>
    positions.get(position)?.holders === "many" ? `${unit}|${position}|${person}` : `${unit}|${position}`;
  for (const raw of parsed.appointments.rows) {
    const r = new RowReader(parsed.appointments, APPOINTMENT_COLUMNS, raw, errors);
    r.markings();
    const staffNo = r.read("staffNo", staffNoOf, true);
    const unitCode = r.read("unitCode", unitCodeOf, true);
    const positionText = r.read("position", (c) => nameOf(c, 64), true);
    const acting = r.read("acting", yesNoOf, false);
    const startsOn = r.read("startsOn", dateOf, true);
    const endsOn = r.read("endsOn", dateOf, false);
    let person: PlannedAppointment["person"] | undefined;
    if (staffNo !== undefined) {
      const known = existing.people.get(staffNo);
      if (filePeople.has(staffNo)) person = { staffNo };
      else if (known) person = { id: known.id };
      else
        r.fail("staffNo", {
          zh: `找不到工号为“${staffNo}”的人员：既不在本文件“人员”表中，也不在系统中`,
          en: `no person with staff number "${staffNo}" in this file's 人员 sheet or in the system`,
        });
    }
    const unit = unitCode === undefined ? undefined : resolveUnit(unitCode);
    if (unitCode !== undefined && !unit) r.fail("unitCode", unknownUnit(unitCode));
    const position =
      positionText === undefined ? undefined : (positions.get(positionText.toUpperCase()) ?? byName.get(positionText));
    if (positionText !== undefined && !position)
      r.fail("position", {
        zh: `职务“${positionText}”不在实施细则的职务表中（见“说明”表）`,
        en: `"${positionText}" is not a position of the implementing rules (see the 说明 sheet)`,
      });
    if (startsOn && endsOn && endsOn < startsOn)
      r.fail("endsOn", { zh: "结束日期不能早于开始日期", en: "the end date cannot be before the start date" });
    if (!r.ok || !person || !unit || !position || !startsOn) continue;
    planned.push({ person, unit, position: position.code, acting: acting ?? false, startsOn, endsOn: endsOn ?? null });
    readers.set(raw.row, r);
    const unitKey = "id" in unit ? unit.id : `new:${unit.code}`;
    const personKey = "id" in person ? person.id : `new:${person.staffNo}`;
    const key = groupKey(unitKey, position.code, personKey);
    const term: Term = { row: raw.row, holder: "", startsOn, endsOn: endsOn ?? OPEN_END };
    const group = groups.get(key);
    if (group) group.push(term);
    else groups.set(key, [term]);
  }
  for (const a of existing.appointments) {
    const terms = groups.get(groupKey(a.unitId, a.position, a.personId));
    terms?.push({ row: null, holder: a.personName, startsOn: a.startsOn, endsOn: a.endsOn ?? OPEN_END });
  }
  for (const [key, terms] of groups) {
    const position = positions.get(key.split("|")[1] ?? "");
    if (position) findOverlaps(terms, position.name, (row, problem) => readers.get(row)?.fail("startsOn", problem));
  }
  return planned;
}

/** Sorts terms by start and reports each file row that overlaps an earlier-starting term. */
function findOverlaps(terms: Term[], name: Localized, report: (row: number, problem: Localized) => void): void {
  if (terms.length < 2) return;
  // Existing terms first on the same day, so the clash is reported on the file's row.
  terms.sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || (a.row === null ? -1 : b.row === null ? 1 : a.row - b.row),
  );
  let latest: Term | undefined;
  for (const term of terms) {
    if (latest && latest.endsOn >= term.startsOn) {
      const [mine, other] = term.row !== null ? [term, latest] : [latest, term];
      if (mine.row !== null) report(mine.row, overlapMessage(other, name));
    }
    if (!latest || term.endsOn > latest.endsOn) latest = term;
  }
}

function overlapMessage(other: Term, name: Localized): Localized {
  const until = other.endsOn === OPEN_END ? "今" : other.endsOn;
  const untilEn = other.endsOn === OPEN_END ? "now" : other.endsOn;
  if (other.row === null)
    return {
      zh: `与系统中现有任职重叠：${other.holder}自 ${other.startsOn} 至 ${until} 任${name.zh}`,
      en: `overlaps ${other.holder}'s appointment as ${name.en} from ${other.startsOn} to ${untilEn} in the system`,
    };
  return {
    zh: `与本表第 ${other.row} 行的任职重叠（${name.zh}，${other.startsOn} 至 ${until}）`,
    en: `overlaps row ${other.row} of this sheet (${name.en}, ${other.startsOn} to ${untilEn})`,
  };
}
