/**
 * Reads an uploaded workbook into rows keyed by column, each with its Excel row number and, per cell, the text the
 * marking guard must see. Finds the sheets by name and the columns by header; says which is missing.
 */
import type ExcelJS from "exceljs";
import { loadExcel } from "../../platform/documents/xlsx.js";
import { cellScalar, cellText, type CellScalar, columnLetter } from "../../platform/documents/cell-text.js";
import {
  APPOINTMENT_COLUMNS,
  type AppointmentKey,
  type ColumnSpec,
  type DataSheet,
  MAX_ROWS_PER_SHEET,
  PERSON_COLUMNS,
  type PersonKey,
  SHEETS,
  UNIT_COLUMNS,
  type UnitKey,
} from "./columns.js";
import { FILE, importError, type ImportError } from "./import-error.js";

/** One data row: its row number, each column's value, and each column's letter (for errors). */
export interface RawRow<K extends string> {
  row: number;
  cells: Record<K, CellScalar>;
  /** Every text stored in each cell (value, formula, link) for the marking guard; only those holding a 密, the last
   * character of every level word, since no other text can carry a marking. */
  texts: Partial<Record<K, string>>;
}

export interface SheetRows<K extends string> {
  sheet: DataSheet;
  rows: RawRow<K>[];
  letters: Record<K, string>;
}

export interface ParsedImport {
  units: SheetRows<UnitKey>;
  people: SheetRows<PersonKey>;
  appointments: SheetRows<AppointmentKey>;
  /** Problems with the file's shape (sheets, headers, size); rows are not validated when there are any. */
  errors: ImportError[];
}

const headerKey = (text: string) => text.replace(/[\s*＊]|（必填）|\(必填\)/g, "");

function readSheet<K extends string>(
  workbook: ExcelJS.Workbook,
  name: DataSheet,
  columns: readonly ColumnSpec<K>[],
  errors: ImportError[],
): SheetRows<K> {
  const letters = Object.fromEntries(columns.map((c) => [c.key, ""])) as Record<K, string>;
  const result: SheetRows<K> = { sheet: name, rows: [], letters };
  const sheet = workbook.getWorksheet(name);
  if (!sheet) return result;
  const header = sheet.getRow(1);
  const byHeader = new Map<string, number>();
  header.eachCell({ includeEmpty: false }, (cell, column) => {
    const text = headerKey(String(cellScalar(cell.value) ?? ""));
    if (!byHeader.has(text)) byHeader.set(text, column);
  });
  const positions: [K, number][] = [];
  for (const column of columns) {
    const at = byHeader.get(column.header);
    if (at === undefined) {
      if (column.required)
        errors.push(importError(name, 1, null, column.header, { zh: "缺少此列", en: "this column is missing" }));
      continue;
    }
    positions.push([column.key, at]);
    letters[column.key] = columnLetter(at);
  }
  if (sheet.actualRowCount - 1 > MAX_ROWS_PER_SHEET) {
    errors.push(
      importError(name, 0, null, null, {
        zh: `数据超过 ${MAX_ROWS_PER_SHEET} 行，请分批导入`,
        en: `more than ${MAX_ROWS_PER_SHEET} rows; import in batches`,
      }),
    );
    return result;
  }
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = {} as Record<K, CellScalar>;
    const texts: Partial<Record<K, string>> = {};
    let empty = true;
    for (const [key, at] of positions) {
      const value = row.getCell(at).value;
      const scalar = cellScalar(value);
      cells[key] = typeof scalar === "string" && scalar.trim() === "" ? null : scalar;
      if (cells[key] !== null) empty = false;
      const text = cellText(value);
      if (text.includes("密")) texts[key] = text;
    }
    for (const column of columns) if (!(column.key in cells)) cells[column.key] = null;
    if (!empty) result.rows.push({ row: rowNumber, cells, texts });
  });
  return result;
}

/** Loads the workbook, or answers why it cannot be read. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook | ImportError> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
  } catch {
    return importError(FILE, 0, null, null, {
      zh: "无法读取该文件，请上传由模板填写的 .xlsx 工作簿",
      en: "The file cannot be read; upload an .xlsx workbook filled in from the template",
    });
  }
}

/** The rows of the three data sheets, and any problem with the file's shape. */
export function parseWorkbook(workbook: ExcelJS.Workbook): ParsedImport {
  const errors: ImportError[] = [];
  const present = [SHEETS.units, SHEETS.people, SHEETS.appointments].filter((n) => workbook.getWorksheet(n));
  if (present.length === 0)
    errors.push(
      importError(FILE, 0, null, null, {
        zh: "文件中没有“单位”“人员”“任职”工作表，请使用下载的导入模板",
        en: "The file has none of the sheets 单位, 人员, 任职; use the downloaded template",
      }),
    );
  const parsed: ParsedImport = {
    units: readSheet(workbook, SHEETS.units, UNIT_COLUMNS, errors),
    people: readSheet(workbook, SHEETS.people, PERSON_COLUMNS, errors),
    appointments: readSheet(workbook, SHEETS.appointments, APPOINTMENT_COLUMNS, errors),
    errors,
  };
  if (present.length > 0 && errors.length === 0) {
    const rows = parsed.units.rows.length + parsed.people.rows.length + parsed.appointments.rows.length;
    if (rows === 0)
      errors.push(
        importError(FILE, 0, null, null, { zh: "文件中没有可导入的数据行", en: "The file has no rows to import" }),
      );
  }
  return parsed;
}
