/**
 * The import template: the sheets 单位 / 人员 / 任职 with their headers, drop-down lists where a column takes fixed
 * values, text and date formats where Excel would otherwise mangle the value, and a 说明 sheet explaining each
 * column with an example, and listing the positions of the implementing rules in force.
 */
import type ExcelJS from "exceljs";
import { loadExcel } from "../../platform/documents/xlsx.js";
import { type Policy } from "../../domain/policy/schema.js";
import {
  APPOINTMENT_COLUMNS,
  type ColumnSpec,
  KIND_NAMES,
  PERSON_COLUMNS,
  SHEETS,
  UNIT_COLUMNS,
  YES_NO,
} from "./columns.js";

// Rows given drop-down lists and formats: far more than a school has units, yet a small file.
const FORMATTED_ROWS = 5000;

// exceljs writes sheet-level data validations over a range, but its typings only expose the per-cell form, which
// would create thousands of empty cells.
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function listOn(sheet: ExcelJS.Worksheet, column: number, formula: string, prompt: string): void {
  const letter = sheet.getColumn(column).letter;
  (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${FORMATTED_ROWS}`, {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "error",
    errorTitle: "取值无效",
    error: prompt,
  });
}

function dataSheet<K extends string>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnSpec<K>[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  columns.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).font = { bold: true, color: { argb: "FFC00000" } };
    header.getCell(i + 1).note = `${c.required ? "必填。" : "选填。"}${c.help}`;
  });
  return sheet;
}

function columnIndex<K extends string>(columns: readonly ColumnSpec<K>[], key: K): number {
  return columns.findIndex((c) => c.key === key) + 1;
}

function guideSheet(workbook: ExcelJS.Workbook, policy: Pick<Policy, "positions">): { positions: string } {
  const sheet = workbook.addWorksheet(SHEETS.guide);
  sheet.columns = [{ width: 22 }, { width: 30 }, { width: 90 }, { width: 20 }];
  const title = sheet.addRow(["组织机构导入模板 使用说明"]);
  title.font = { bold: true, size: 14 };
  for (const line of [
    "1. 在“单位”“人员”“任职”三张表中从第 2 行起逐行填写；表头（第 1 行）请勿修改，红色表头为必填列。",
    "2. 三张表可只填其中一部分，例如只导入人员；引用的单位、人员可以是本文件中的，也可以是系统中已有的。",
    "3. 整个文件一次导入：任何一行有错误，都不会导入任何数据，并逐条列出出错的工作表、行号和列名。",
    "4. 本平台为非涉密信息系统，不得存储、处理国家秘密（保守国家秘密法（2024）第三十一条、实施条例第四十一条）。",
    // Written without a level word before the star: this sheet is uploaded back with the data and must pass the guard.
    "   文件中任何位置出现国家秘密标志（形如“密级★保密期限”），整个文件都会被拒绝。",
    "5. 工号请以文本格式填写（本模板已设为文本），以免 Excel 去掉开头的 0；日期格式为 YYYY-MM-DD。",
  ])
    sheet.addRow([line]);
  for (const [name, columns] of [
    [SHEETS.units, UNIT_COLUMNS],
    [SHEETS.people, PERSON_COLUMNS],
    [SHEETS.appointments, APPOINTMENT_COLUMNS],
  ] as const) {
    sheet.addRow([]);
    sheet.addRow([`“${name}”表`]).font = { bold: true };
    sheet.addRow(["列名", "是否必填", "说明", "示例"]).font = { bold: true };
    for (const c of columns as readonly ColumnSpec<string>[])
      sheet.addRow([c.header, c.required ? "必填" : "选填", c.help, c.example]);
  }
  sheet.addRow([]);
  sheet.addRow(["职务表（实施细则中的职务；“任职”表的职务代码取自此列）"]).font = { bold: true };
  sheet.addRow(["职务代码", "职务名称", "任职范围", "同时任职人数"]).font = { bold: true };
  const first = sheet.rowCount + 1;
  for (const p of policy.positions)
    sheet.addRow([
      p.code,
      p.name.zh,
      p.scope === "institution" ? "学校" : "单位",
      p.holders === "one" ? "一人（任期不得重叠）" : "多人",
    ]);
  sheet.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  return { positions: `'${SHEETS.guide}'!$A$${first}:$A$${sheet.rowCount}` };
}

/** The template as an .xlsx file, its position list taken from the policy in force. */
export async function importTemplate(policy: Pick<Policy, "positions">): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = "Baomi 保密工作责任制管理平台";
  workbook.title = "组织机构导入模板";
  const units = dataSheet(workbook, SHEETS.units, UNIT_COLUMNS);
  const people = dataSheet(workbook, SHEETS.people, PERSON_COLUMNS);
  const appointments = dataSheet(workbook, SHEETS.appointments, APPOINTMENT_COLUMNS);
  const { positions } = guideSheet(workbook, policy);

  const yesNo = `"${YES_NO.join(",")}"`;
  listOn(units, columnIndex(UNIT_COLUMNS, "kind"), `"${Object.values(KIND_NAMES).join(",")}"`, "请从列表中选择类型");
  listOn(units, columnIndex(UNIT_COLUMNS, "classified"), yesNo, "请填“是”或“否”");
  listOn(appointments, columnIndex(APPOINTMENT_COLUMNS, "acting"), yesNo, "请填“是”或“否”");
  listOn(appointments, columnIndex(APPOINTMENT_COLUMNS, "position"), positions, "请从职务表中选择职务代码");
  // Text format keeps leading zeros of staff numbers; date format makes typed dates real dates.
  people.getColumn(columnIndex(PERSON_COLUMNS, "staffNo")).numFmt = "@";
  appointments.getColumn(columnIndex(APPOINTMENT_COLUMNS, "staffNo")).numFmt = "@";
  for (const key of ["startsOn", "endsOn"] as const)
    appointments.getColumn(columnIndex(APPOINTMENT_COLUMNS, key)).numFmt = "yyyy-mm-dd";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
