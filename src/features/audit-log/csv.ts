/** Audit entries as CSV that Excel and WPS open with Chinese intact (UTF-8 with a byte-order mark). */
import { type AuditEntryView } from "./contract.js";

const COLUMNS: [keyof AuditEntryView, string][] = [
  ["seq", "序号"],
  ["at", "时间(UTC)"],
  ["actorUsername", "操作人"],
  ["actorRole", "角色"],
  ["unitId", "单位"],
  ["action", "操作"],
  ["objectType", "对象类型"],
  ["objectId", "对象"],
  ["result", "结果"],
  ["sourceIp", "来源地址"],
  ["requestId", "请求编号"],
  ["details", "详情"],
];

function cell(value: string | number | boolean | null | Record<string, unknown>): string {
  const text = value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  // Quote everything, double inner quotes; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The CSV text, header first. */
export function toCsv(entries: readonly AuditEntryView[]): string {
  const lines = [COLUMNS.map(([, title]) => cell(title)).join(",")];
  for (const entry of entries) lines.push(COLUMNS.map(([key]) => cell(entry[key])).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
