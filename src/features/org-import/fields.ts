/**
 * Reading one cell as one field: text that is safe to store, codes, staff numbers, dates (Excel date cells and text),
 * yes/no. Pure; each reader answers a value or the problem in both languages, which validate.ts places on its row.
 */
import { isCalendarDate } from "../../domain/dated.js";
import { type Localized } from "../../domain/errors.js";
import { type CellScalar } from "../../platform/documents/cell-text.js";
import { KIND_NAMES } from "./columns.js";

export type Read<T> = { ok: true; value: T } | { ok: false; problem: Localized };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (zh: string, en: string): Read<never> => ({ ok: false, problem: { zh, en } });

// Control characters, and the invisible ones that make two names look alike or reorder what is displayed.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HOSTILE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
// A name that starts like a formula would run when the data is exported and opened in Excel or WPS.
const FORMULA_START = /^[=+\-@]/;
// Half a surrogate pair: what is left of a character cut in two.
const BROKEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A cell as trimmed text; numbers keep their digits (a staff number typed as a number), dates are refused. */
export function textOf(cell: CellScalar): Read<string> {
  if (cell === null) return ok("");
  if (cell instanceof Date) return bad("应为文本，不能是日期", "must be text, not a date");
  if (typeof cell === "number") return ok(Number.isInteger(cell) ? cell.toFixed(0) : String(cell));
  if (typeof cell === "boolean") return bad("应为文本，不能是逻辑值", "must be text, not TRUE/FALSE");
  return ok(cell.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""));
}

/** Text that is safe to keep: no control or invisible characters, no broken characters, within the length. */
export function safeText(cell: CellScalar, max: number): Read<string> {
  const text = textOf(cell);
  if (!text.ok) return text;
  const value = text.value;
  if (BROKEN.test(value)) return bad("含有损坏的字符", "contains broken characters");
  if (HOSTILE.test(value)) return bad("含有控制字符或不可见字符", "contains control or invisible characters");
  // Counted in characters, not UTF-16 units; only a long text needs the count.
  if (value.length > max && [...value].length > max)
    return bad(`不能超过 ${max} 个字符`, `must be at most ${max} characters`);
  return ok(value);
}

/** A name: safe text that cannot run as a formula or carry markup. */
export function nameOf(cell: CellScalar, max: number): Read<string> {
  const text = safeText(cell, max);
  if (!text.ok) return text;
  if (FORMULA_START.test(text.value))
    return bad("不能以 = + - @ 开头（会被表格软件当作公式）", "must not start with = + - @ (read as a formula)");
  if (/[<>]/.test(text.value)) return bad("不能含有 < 或 >", "must not contain < or >");
  return text;
}

/** A unit code as the rest of the platform requires it (contract.ts), upper-cased for the user. */
export function unitCodeOf(cell: CellScalar): Read<string> {
  const text = safeText(cell, 41);
  if (!text.ok) return text;
  const code = text.value.toUpperCase();
  if (code !== "" && !/^[A-Z][A-Z0-9_]{1,40}$/.test(code))
    return bad(
      `“${text.value}”不是有效的单位代码：须为大写字母开头，仅含大写字母、数字和下划线，2–41 个字符`,
      `"${text.value}" is not a valid unit code: a capital letter, then capitals, digits or underscores (2–41)`,
    );
  return ok(code);
}

/** A staff number: letters, digits and . _ - /, at most 32. */
export function staffNoOf(cell: CellScalar): Read<string> {
  const text = safeText(cell, 32);
  if (!text.ok) return text;
  if (text.value !== "" && !/^[0-9A-Za-z][0-9A-Za-z._\-/]*$/.test(text.value))
    return bad(
      `“${text.value}”不是有效的工号：只能含字母、数字和 . _ - /`,
      `"${text.value}" is not a valid staff number: letters, digits and . _ - / only`,
    );
  return ok(text.value);
}

const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓"]);
const NO = new Set(["否", "n", "no", "false", "0", ""]);

/** 是/否 (and the usual spellings); blank is no. */
export function yesNoOf(cell: CellScalar): Read<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  const text = textOf(cell);
  if (!text.ok) return text;
  const word = text.value.toLowerCase();
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return bad(
    `应填“是”或“否”，而不是“${text.value.slice(0, 20)}”`,
    `must be 是 or 否, not "${text.value.slice(0, 20)}"`,
  );
}

export type UnitKind = keyof typeof KIND_NAMES;

/** A unit kind by its Chinese name or identifier; blank is an ordinary unit. */
export function kindOf(cell: CellScalar): Read<UnitKind> {
  const text = textOf(cell);
  if (!text.ok) return text;
  if (text.value === "") return ok("unit");
  for (const [kind, name] of Object.entries(KIND_NAMES) as [UnitKind, string][])
    if (text.value === name || text.value.toLowerCase() === kind) return ok(kind);
  return bad(
    `类型应为 ${Object.values(KIND_NAMES).join(" / ")}，而不是“${text.value.slice(0, 20)}”`,
    `the kind must be one of ${Object.keys(KIND_NAMES).join(", ")}, not "${text.value.slice(0, 20)}"`,
  );
}

const pad = (n: number) => String(n).padStart(2, "0");
// Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for, which it is for every real date.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function inRange(date: string): Read<string> {
  if (date < "1900-01-01" || date > "2199-12-31")
    return bad(`日期 ${date} 超出 1900–2199 年的范围`, `the date ${date} is outside 1900–2199`);
  return ok(date);
}

/** A calendar date from a date cell, an Excel serial number, or text such as 2027-03-01, 2027/3/1, 2027年3月1日. */
export function dateOf(cell: CellScalar): Read<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad("日期无效", "invalid date");
    // exceljs gives date cells as UTC midnight of the day shown; any time of day in the cell is dropped.
    return inRange(`${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`);
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 1 || cell >= 109_575)
      return bad(`“${cell}”不是日期，应为 YYYY-MM-DD`, `"${cell}" is not a date; use YYYY-MM-DD`);
    return dateOf(new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000));
  }
  const text = textOf(cell);
  if (!text.ok) return bad("应为日期 YYYY-MM-DD", "must be a date, YYYY-MM-DD");
  if (text.value === "") return ok(null);
  const parts =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.value) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text.value);
  if (!parts)
    return bad(
      `无法识别的日期“${text.value.slice(0, 20)}”，应为 YYYY-MM-DD`,
      `unrecognized date "${text.value.slice(0, 20)}"; use YYYY-MM-DD`,
    );
  const date = `${parts[1]}-${pad(Number(parts[2]))}-${pad(Number(parts[3]))}`;
  if (!isCalendarDate(date)) return bad(`日期 ${date} 不存在`, `the date ${date} does not exist`);
  return inRange(date);
}
