/**
 * The import workbook's layout, in one place: the template is written from it, uploads are read by it, and errors
 * name its Chinese headers. Columns are found by header text, so a user who reorders them loses nothing.
 */

export const SHEETS = { units: "单位", people: "人员", appointments: "任职", guide: "说明" } as const;
export type DataSheet = (typeof SHEETS)["units" | "people" | "appointments"];

export interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  required: boolean;
  width: number;
  /** What the guide sheet says about the column, and an example value. */
  help: string;
  example: string;
}

export const UNIT_COLUMNS = [
  {
    key: "code",
    header: "单位代码",
    required: true,
    width: 16,
    help: "本单位的稳定代码，用于在本文件和系统中引用该单位；大写字母开头，仅含大写字母、数字、下划线，不超过 41 个字符，不得与系统中已有代码重复",
    example: "CS_SCHOOL",
  },
  {
    key: "name",
    header: "单位名称",
    required: true,
    width: 28,
    help: "单位全称，不超过 100 个字",
    example: "计算机科学学院",
  },
  {
    key: "parentCode",
    header: "上级单位代码",
    required: false,
    width: 16,
    help: "上级单位的代码：可以是本文件中的单位，也可以是系统中已有的单位；留空表示直属学校（单位树的根）",
    example: "（留空）",
  },
  {
    key: "kind",
    header: "类型",
    required: false,
    width: 12,
    help: "二级单位 / 学校 / 上级机关；留空为二级单位",
    example: "二级单位",
  },
  {
    key: "classified",
    header: "涉密单位",
    required: false,
    width: 10,
    help: "是 / 否；留空为否。涉密单位的主要负责人为保密委员会委员（第八条）",
    example: "否",
  },
] as const satisfies readonly ColumnSpec<string>[];

export const PERSON_COLUMNS = [
  {
    key: "staffNo",
    header: "工号",
    required: true,
    width: 14,
    help: "本校工号，不超过 32 个字符（字母、数字、. _ - /），不得与系统中已有工号重复；请以文本格式填写，以免丢失开头的 0",
    example: "20100123",
  },
  { key: "name", header: "姓名", required: true, width: 14, help: "姓名，不超过 64 个字", example: "张三" },
  {
    key: "unitCode",
    header: "所在单位代码",
    required: true,
    width: 16,
    help: "所在单位的代码：本文件“单位”表中的，或系统中已有的",
    example: "CS_SCHOOL",
  },
] as const satisfies readonly ColumnSpec<string>[];

export const APPOINTMENT_COLUMNS = [
  {
    key: "staffNo",
    header: "工号",
    required: true,
    width: 14,
    help: "任职人员的工号：本文件“人员”表中的，或系统中已有的",
    example: "20100123",
  },
  {
    key: "unitCode",
    header: "单位代码",
    required: true,
    width: 16,
    help: "任职单位的代码：本文件“单位”表中的，或系统中已有的",
    example: "CS_SCHOOL",
  },
  {
    key: "position",
    header: "职务代码",
    required: true,
    width: 22,
    help: "实施细则职务表中的职务代码（见下方职务表），也可填职务名称",
    example: "UNIT_HEAD",
  },
  { key: "acting", header: "代理", required: false, width: 8, help: "是 / 否；留空为否", example: "否" },
  {
    key: "startsOn",
    header: "开始日期",
    required: true,
    width: 14,
    help: "任职开始日期，格式 YYYY-MM-DD（也可用 Excel 日期单元格）",
    example: "2027-03-01",
  },
  {
    key: "endsOn",
    header: "结束日期",
    required: false,
    width: 14,
    help: "任职结束日期（含当日），留空表示仍在任；不得早于开始日期",
    example: "（留空）",
  },
] as const satisfies readonly ColumnSpec<string>[];

export type UnitKey = (typeof UNIT_COLUMNS)[number]["key"];
export type PersonKey = (typeof PERSON_COLUMNS)[number]["key"];
export type AppointmentKey = (typeof APPOINTMENT_COLUMNS)[number]["key"];

/** The Chinese names of unit kinds, as the template offers them; the English identifiers are accepted too. */
export const KIND_NAMES = { unit: "二级单位", institution: "学校", authority: "上级机关" } as const;

/** Yes and no, as the template offers them. */
export const YES_NO = ["是", "否"] as const;

/** Rows per sheet beyond which a file is refused outright rather than validated. */
export const MAX_ROWS_PER_SHEET = 50_000;

/** Errors listed in a refusal; the rest are counted. */
export const MAX_LISTED_ERRORS = 500;
