/**
 * The marking guard applied to uploads (DESIGN.md §1): pulls the text out of plain text, .xlsx, .docx (and other
 * Office Open XML packages) and — best effort — .pdf, and reports the first secrecy marking with where it was found.
 * The place is reported, never the surrounding content: only the marking itself leaves this module.
 */
import zlib from "node:zlib";
import type ExcelJS from "exceljs";
import { loadExcel } from "./xlsx.js";
import { AppError, type Localized } from "../../domain/errors.js";
import { findSecrecyMarking, type MarkingHit } from "../../domain/marking-guard.js";
import { cellText, columnLetter } from "./cell-text.js";
import { zipEntries } from "./zip-entries.js";

/** Where in an upload a marking was found. */
export type MarkingPlace =
  | { kind: "text"; line: number }
  | { kind: "cell"; sheet: string; row: number; column: string }
  | { kind: "sheetName"; sheet: string }
  | { kind: "properties" }
  | { kind: "part"; part: string }
  | { kind: "pdf" };

export interface MarkingFinding {
  hit: MarkingHit;
  place: MarkingPlace;
}

/** The place in words, for the refusal message. */
export function describePlace(place: MarkingPlace): Localized {
  switch (place.kind) {
    case "text":
      return { zh: `第 ${place.line} 行`, en: `line ${place.line}` };
    case "cell":
      return {
        zh: `工作表“${place.sheet}”第 ${place.row} 行 ${place.column} 列`,
        en: `sheet "${place.sheet}", row ${place.row}, column ${place.column}`,
      };
    case "sheetName":
      return { zh: `工作表名称“${place.sheet}”`, en: `the name of sheet "${place.sheet}"` };
    case "properties":
      return { zh: "文档属性", en: "the document properties" };
    case "part":
      return { zh: `文件内部的 ${place.part}`, en: `the file's part ${place.part}` };
    case "pdf":
      return { zh: "PDF 文件", en: "the PDF file" };
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < index; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

/** A marking in plain text, with its line. */
export function scanText(text: string): MarkingFinding | null {
  const hit = findSecrecyMarking(text);
  return hit ? { hit, place: { kind: "text", line: lineOf(text, hit.index) } } : null;
}

/**
 * A marking in a loaded workbook: cell by cell, row by row (cells of a row joined, so a level word in one cell and
 * the star in the next are still caught), then sheet names, notes, headers and footers, and the properties.
 */
export function scanWorkbook(workbook: ExcelJS.Workbook): MarkingFinding | null {
  for (const sheet of workbook.worksheets) {
    const name = sheet.name;
    const named = findSecrecyMarking(name);
    if (named) return { hit: named, place: { kind: "sheetName", sheet: name } };
    // A holder, not a `let`: assignments inside the callback are invisible to the compiler's narrowing.
    const result: { found: MarkingFinding | null } = { found: null };
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (result.found) return;
      const cells: { column: number; text: string }[] = [];
      let candidate = false;
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const note = cell.note;
        const noted = note ? (typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("")) : "";
        const text = noted ? `${cellText(cell.value)}\n${noted}` : cellText(cell.value);
        cells.push({ column, text });
        // Every level word ends in 密: a row without one is clean however its cells are joined.
        candidate ||= text.includes("密");
      });
      if (!candidate) return;
      let joined = "";
      const starts: { at: number; column: number }[] = [];
      for (const { column, text } of cells) {
        starts.push({ at: joined.length, column });
        joined += text;
      }
      const hit = findSecrecyMarking(joined);
      if (!hit) return;
      const cell = starts.findLast((s) => s.at <= hit.index) ?? starts[0];
      const column = columnLetter(cell?.column ?? 1);
      result.found = { hit, place: { kind: "cell", sheet: name, row: rowNumber, column } };
    });
    if (result.found) return result.found;
    // Typed as always there, but a loaded sheet without headers or footers has null.
    const hf: Partial<ExcelJS.HeaderFooter> | null = sheet.headerFooter;
    const pageText = hf
      ? [hf.oddHeader, hf.oddFooter, hf.evenHeader, hf.evenFooter, hf.firstHeader, hf.firstFooter]
      : [];
    const inPage = findSecrecyMarking(pageText.filter(Boolean).join("\n"));
    if (inPage) return { hit: inPage, place: { kind: "sheetName", sheet: name } };
  }
  const p = workbook;
  const props = [p.title, p.subject, p.keywords, p.description, p.category, p.company, p.manager, p.creator];
  const inProps = findSecrecyMarking(props.filter(Boolean).join("\n"));
  return inProps ? { hit: inProps, place: { kind: "properties" } } : null;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  // Excel also escapes characters as _xHHHH_ (ECMA-376 ST_Xstring): ★ can hide as _x2605_.
  const unescaped = text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
  return unescaped.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[name] ?? whole;
  });
}

// Closing tags that end a paragraph, cell or string: text on either side is separate. Every other tag (runs,
// run properties, proofing marks) joins its neighbours, because Word and Excel split one word over many runs.
const BLOCK_ENDS = new Set([
  "w:p",
  "w:tc",
  "w:tr",
  "w:txbxContent",
  "a:p",
  "si",
  "is",
  "c",
  "row",
  "text:p",
  "comment",
]);

/** The text of an XML part: element text with runs joined, and attribute values each on a line of their own. */
export function xmlText(xml: string): string {
  const body = xml.replace(/<(\/?)([^\s/>]+)[^>]*>/g, (_tag, closing: string, name: string) => {
    if (closing) return BLOCK_ENDS.has(name) ? "\n" : "";
    return name === "w:br" || name === "w:cr" ? "\n" : name === "w:tab" ? " " : "";
  });
  // Attribute values (sheet names, titles, link targets): only those that could hold a level word are kept.
  const attributes = [...xml.matchAll(/="([^"]*[密&_][^"]*)"|='([^']*[密&_][^']*)'/g)].map((m) => m[1] ?? m[2] ?? "");
  return decodeEntities(body) + "\n" + decodeEntities(attributes.join("\n"));
}

/**
 * Whether a part could hold a marking at all: every level word ends in 密, written as itself, as a numeric character
 * reference, or as Excel's _xHHHH_ escape. Most parts of most files have none and are skipped unread.
 */
function mayHoldMarking(xml: string): boolean {
  return xml.includes("密") || xml.includes("&#") || xml.includes("_x");
}

// What cannot be read cannot be shown to be free of markings: it is refused, not passed.
const UNREADABLE = new AppError("VALIDATION_FAILED", {
  zh: "文件无法完整读取（已损坏、过大或格式不受支持），无法确认其中不含国家秘密标志，已拒绝",
  en: "The file cannot be read in full (damaged, too large or unsupported), so it cannot be shown to carry no secrecy marking; refused",
});

// Past this much inflated XML an upload is refused as unreadable: a 10 MB upload of real data is far below it.
const MAX_INFLATED = 256 * 1024 * 1024;

/** A marking in any XML part of an Office Open XML package (.docx, .xlsx, .pptx), named by the part. */
export function scanPackageParts(zip: Buffer): MarkingFinding | null {
  const entries = zipEntries(zip);
  if (!entries) throw UNREADABLE;
  let budget = MAX_INFLATED;
  for (const entry of entries) {
    if (!/\.(?:xml|rels|vml)$/i.test(entry.name)) continue;
    let bytes: Buffer;
    try {
      bytes = entry.read(budget);
    } catch {
      throw UNREADABLE;
    }
    budget -= bytes.length;
    const xml = bytes.toString("utf8");
    const hit = mayHoldMarking(xml) ? findSecrecyMarking(xmlText(xml)) : null;
    if (hit) return { hit, place: { kind: "part", part: entry.name } };
  }
  return null;
}

/** A marking in a .docx (body, headers, footers, notes, comments, properties: every part). */
export function scanDocx(buffer: Buffer): MarkingFinding | null {
  return scanPackageParts(buffer);
}

/** A marking in an .xlsx: located to the cell where it is in one, then every other part of the package. */
export async function scanXlsx(buffer: Buffer, loaded?: ExcelJS.Workbook): Promise<MarkingFinding | null> {
  let workbook = loaded;
  if (!workbook) {
    workbook = new (await loadExcel()).Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  }
  return scanWorkbook(workbook) ?? scanPackageParts(buffer);
}

/**
 * Best effort for .pdf. Limitation: text drawn with embedded fonts is usually stored as glyph ids, readable only
 * through each font's ToUnicode map, which this does not interpret; a marking drawn that way is not found. What is
 * found: UTF-8 text (XMP metadata, uncompressed streams), UTF-16BE strings (document info, bookmarks, form fields,
 * annotations, in literal or hex form), and the same inside Flate-compressed streams.
 */
export function scanPdf(buffer: Buffer): MarkingFinding | null {
  const texts = [buffer];
  const raw = buffer.toString("latin1");
  let budget = 64 * 1024 * 1024;
  for (const stream of raw.matchAll(/(?<!end)stream\r?\n/g)) {
    const start = stream.index + stream[0].length;
    const end = raw.indexOf("endstream", start);
    if (end === -1 || budget <= 0) break;
    try {
      const inflated = zlib.inflateSync(buffer.subarray(start, end), { maxOutputLength: Math.min(budget, 16 << 20) });
      budget -= inflated.length;
      texts.push(inflated);
    } catch {
      // Not Flate data (images, other filters) or truncated: nothing readable to scan.
    }
  }
  for (const bytes of texts) {
    const text = bytes.toString("utf8") + "\n" + utf16Strings(bytes.toString("latin1")).join("\n");
    const hit = findSecrecyMarking(text);
    if (hit) return { hit, place: { kind: "pdf" } };
  }
  return null;
}

const utf16be = new TextDecoder("utf-16be");

/** UTF-16BE strings marked by their byte-order mark: hex `<FEFF…>` and literal `(þÿ…)` with PDF escapes. */
function utf16Strings(latin1: string): string[] {
  const found: string[] = [];
  for (const hex of latin1.matchAll(/<FEFF((?:[0-9A-Fa-f]{4}|\s)*)>/g))
    found.push(utf16be.decode(Buffer.from((hex[1] ?? "").replace(/\s/g, ""), "hex")));
  for (const literal of latin1.matchAll(/\(\xFE\xFF((?:\\[\s\S]|[^\\)])*)\)/g)) {
    const unescaped = (literal[1] ?? "").replace(/\\([0-7]{1,3}|[\s\S])/g, (_w, e: string) =>
      /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8) & 0xff) : ({ n: "\n", r: "\r", t: "\t" }[e] ?? e),
    );
    found.push(utf16be.decode(Buffer.from(unescaped, "latin1")));
  }
  return found;
}

/** Text from bytes in the encodings Chinese users save in: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030. */
export function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder("utf-16le").decode(buffer);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return utf16be.decode(buffer);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder("gb18030").decode(buffer);
  }
}

/** Scans an upload of any type, told apart by its first bytes: a zip package, a PDF, or else text. */
export async function scanUpload(buffer: Buffer): Promise<MarkingFinding | null> {
  if (buffer.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))) {
    const isWorkbook = zipEntries(buffer)?.some((entry) => entry.name === "xl/workbook.xml");
    return isWorkbook ? scanXlsx(buffer) : scanPackageParts(buffer);
  }
  if (buffer.subarray(0, 5).toString("latin1") === "%PDF-") return scanPdf(buffer);
  return scanText(decodeText(buffer));
}
