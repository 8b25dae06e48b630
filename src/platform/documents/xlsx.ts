/** Excel workbooks for exports: one sheet, a bold frozen header row, sensible widths, text that stays text. */
import type ExcelJSModule from "exceljs";

/** exceljs costs ~200 ms to load: only exports and imports need it, so it is loaded on first use, not at start. */
export async function loadExcel(): Promise<typeof ExcelJSModule> {
  return (await import("exceljs")).default;
}

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null;
}

/** A one-sheet .xlsx built from rows, with an optional title line above the header. */
export async function workbookOf<T>(
  sheetName: string,
  columns: readonly SheetColumn<T>[],
  rows: readonly T[],
  title?: string,
): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Baomi 保密工作责任制管理平台";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName);
  let headerRow = 1;
  if (title) {
    sheet.addRow([title]).font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, columns.length);
    headerRow = 2;
  }
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  for (const row of rows) {
    // A value starting with = + - @ would run as a formula in Excel or WPS: store it as plain text.
    sheet.addRow(
      columns.map((c) => {
        const value = c.value(row);
        return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
      }),
    );
  }
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? 16));
  sheet.views = [{ state: "frozen", ySplit: headerRow }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The Content-Type of .xlsx files. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
