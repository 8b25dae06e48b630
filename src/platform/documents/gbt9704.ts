/**
 * The pieces of the GB/T 9704-2012 layout (reference/RULES.md C) that every generated .docx shares: A4 with margins
 * 37/28/26/35 mm, 3号 仿宋 at a fixed 28.95 pt line (22 lines of 28 characters), a two-character first-line indent,
 * page numbers "— 1 —" in 4号 宋体 7 mm below the text block (odd pages right, even left), and a font table naming
 * a fallback for each customary office font.
 */
import {
  AlignmentType,
  type Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  TextRun,
} from "docx";

// Customary office fonts; the font table names a fallback for each (仿宋, 宋体, 楷体, SimHei) for machines without them.
export const FANGSONG = "仿宋_GB2312";
export const XIAOBIAOSONG = "方正小标宋简体";
export const KAITI = "楷体_GB2312";
export const SONGTI = "宋体";
export const HEITI = "黑体";

export const MM = 56.692; // twips per millimetre
export const PT = 20; // twips per point
export const SIZE_2HAO = 44; // half-points: 2号 = 22 pt
export const SIZE_3HAO = 32; // 3号 = 16 pt
export const SIZE_4HAO = 28; // 4号 = 14 pt
export const LINE = Math.round(28.95 * PT); // 22 lines of 3号 in the 225 mm text block
export const INDENT_2CHARS = 2 * 16 * PT;
/** The text block is 156 mm wide (210 − 28 − 26). */
export const TEXT_WIDTH = Math.round(156 * MM);

export const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
export const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export interface RunOptions {
  size?: number;
  face?: string;
  bold?: boolean;
  /** RRGGBB; black when absent. */
  color?: string;
  /** Character width in per cent (w:w), to fit a masthead on one line. */
  scale?: number;
}

export function text(value: string, options: RunOptions = {}): TextRun {
  return new TextRun({
    text: value,
    size: options.size ?? SIZE_3HAO,
    font: font(options.face ?? FANGSONG),
    bold: options.bold ?? false,
    ...(options.color ? { color: options.color } : {}),
    ...(options.scale && options.scale !== 100 ? { scale: options.scale } : {}),
  });
}

/** A paragraph of 正文: 3号 仿宋, justified, two-character indent, fixed line. */
export function body(value: string): Paragraph {
  return new Paragraph({
    children: [text(value)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_2CHARS },
    spacing: exact,
  });
}

/** One empty line of the grid. */
export const blank = () => new Paragraph({ children: [text("")], spacing: exact });

/** 2027年3月5日 from 2027-03-05: Arabic digits, full year, no leading zeros (GB/T 9704 成文日期). */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The section's page: A4 in Word's own twips (210 × 297 mm), the standard's margins. */
export const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: {
    top: Math.round(37 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
    bottom: Math.round(35 * MM),
    // Page number 7 mm below the text block.
    footer: Math.round(21 * MM),
    header: Math.round(15 * MM),
  },
};

/** "— 1 —" in 4号 宋体, one character in from the edge of the text block. */
export function pageNumber(align: "right" | "left"): Footer {
  const children: ParagraphChild[] = [
    new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: SIZE_4HAO, font: font(SONGTI) }),
  ];
  return new Footer({
    children: [
      new Paragraph({
        children,
        alignment: align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // One character in from the edge of the text block.
        indent: align === "right" ? { right: 14 * PT } : { left: 14 * PT },
      }),
    ],
  });
}

/** Odd pages numbered on the right, even pages on the left (the document sets `evenAndOddHeaderAndFooters`). */
export const pageNumbers = () => ({ default: pageNumber("right"), even: pageNumber("left") });

const FONT_ENTRIES: Record<string, string> = {
  [FANGSONG]: `<w:font w:name="${FANGSONG}"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
  [XIAOBIAOSONG]: `<w:font w:name="${XIAOBIAOSONG}"><w:altName w:val="${SONGTI}"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>`,
  [KAITI]: `<w:font w:name="${KAITI}"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
  仿宋: `<w:font w:name="仿宋"><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
  [SONGTI]: `<w:font w:name="${SONGTI}"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
  [HEITI]: `<w:font w:name="${HEITI}"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`,
};

const BASE_FONTS = [FANGSONG, XIAOBIAOSONG, KAITI, "仿宋", SONGTI];

/** The font table: the docx package writes no entries for fonts it does not embed; this one names the fallbacks. */
export function fontTable(extra: readonly string[] = []): string {
  const names = [...BASE_FONTS, ...extra.filter((name) => !BASE_FONTS.includes(name))];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
${names.map((name) => FONT_ENTRIES[name] ?? `<w:font w:name="${name}"/>`).join("\n")}
</w:fonts>`;
}

/** The document as .docx bytes, with the font table above (`extraFonts`: faces beyond 仿宋, 小标宋, 楷体 and 宋体). */
export function packDocx(document: Document, extraFonts: readonly string[] = []): Promise<Buffer> {
  return Packer.toBuffer(document, false, [{ path: "word/fontTable.xml", data: fontTable(extraFonts) }]);
}

/** A tab (w:tab, not a tab character in the text) in a run of the given size, to the paragraph's next tab stop. */
export function tab(size: number = SIZE_3HAO): TextRun {
  return new TextRun({ children: [new Tab()], size, font: font(FANGSONG) });
}

/** 版头 red (发文机关标志, separator line): pure red, as the standard prints it. */
export const RED = "FF0000";
/** One 3号 character, in twips. */
export const CHAR_3HAO = 16 * PT;
/** One 4号 character, in twips. */
export const CHAR_4HAO = 14 * PT;

/**
 * The width of a line of text in characters of its own size: CJK characters and full-width punctuation are one,
 * Arabic digits, Latin letters and ASCII punctuation half (as 仿宋 and 小标宋 set them), and a quarter more at each
 * change between CJK and a digit or letter (the space Word and LibreOffice put there: autoSpaceDE, autoSpaceDN).
 */
export function textWidth(value: string): number {
  let width = 0;
  let previous: "wide" | "alnum" | "other" | null = null;
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    const kind = code >= 0x2e80 ? "wide" : /[0-9A-Za-z]/.test(ch) ? "alnum" : "other";
    width += kind === "wide" ? 1 : 0.5;
    if ((kind === "wide" && previous === "alnum") || (kind === "alnum" && previous === "wide")) width += 0.25;
    previous = kind;
  }
  return width;
}

/**
 * A 发文机关标志 (or 纪要标志) fitted on one line of the text block: 小初 (36 pt), squeezed to no less than 70 %,
 * smaller only when that is not enough. `halfPoints` is the run size, `scale` the character width in per cent.
 */
export function mastheadSize(mark: string): { halfPoints: number; scale: number } {
  const chars = textWidth(mark);
  const room = (TEXT_WIDTH / PT) * 0.96; // points, leaving a little air at the sides
  const scale = Math.min(100, Math.floor((room / (chars * 36)) * 100));
  if (scale >= 70) return { halfPoints: 72, scale };
  return { halfPoints: Math.max(SIZE_2HAO, Math.floor((room / (chars * 0.7)) * 2)), scale: 70 };
}

/** The red 发文机关标志 (or 纪要标志) of a 版头, centred, its top 35 mm below the top of the text block. */
export function mastheadMark(mark: string): Paragraph {
  const { halfPoints, scale } = mastheadSize(mark);
  return new Paragraph({
    children: [text(mark, { size: halfPoints, face: XIAOBIAOSONG, color: RED, scale })],
    alignment: AlignmentType.CENTER,
    // The line's extra 0.2 em (1.2 × the type size) sits above the glyphs.
    spacing: {
      before: Math.round(35 * MM - halfPoints * 0.1 * PT),
      after: 0,
      line: Math.round(halfPoints * 0.6 * PT),
      lineRule: LineRuleType.EXACT,
    },
  });
}

// A line may not start with closing punctuation nor end with opening punctuation (禁则).
const NO_LINE_START = new Set([..."，、。；：？！）》」』”’〕】…—·"]);
const NO_LINE_END = new Set([..."（《「『“‘〔【"]);
// Breaking after these keeps words whole more often than breaking anywhere.
const GOOD_BREAK_AFTER = new Set([..."的和及与、，》）〕"]);

/**
 * A title's lines (GB/T 9704 §7.3.1: 分一行或多行居中排布, 词意完整, 排列对称): one line when it fits `perLine`
 * characters (2号 in the 156 mm text block: 20), else lines of about equal length, the earlier ones rather shorter
 * than the later (梯形 rather than a long line and a stub), never splitting a run of digits or Latin letters, never
 * starting a line with closing punctuation or ending one with opening punctuation, preferring breaks after 的, 和,
 * 及, 与 and closing brackets.
 */
export function titleLines(title: string, perLine = 20): string[] {
  const chars = [...title];
  const total = textWidth(title);
  if (total <= perLine || chars.length < 2) return [title];
  const count = Math.ceil(total / perLine);
  const lines: string[] = [];
  let rest = chars;
  for (let remaining = count; remaining > 1; remaining--) {
    const target = textWidth(rest.join("")) / remaining;
    let best = -1;
    let bestScore = Infinity;
    let width = 0;
    for (let i = 1; i < rest.length; i++) {
      width += textWidth(rest[i - 1]!);
      if (width > perLine) break;
      const before = rest[i - 1]!;
      const after = rest[i]!;
      if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) continue;
      if (/[0-9A-Za-z]/.test(before) && /[0-9A-Za-z.%]/.test(after)) continue;
      if (textWidth(rest.slice(i).join("")) > perLine * (remaining - 1)) continue;
      // Earlier lines a little shorter than later ones; a good break point is worth a character and a half.
      const score = Math.abs(width - (target - 0.5)) - (GOOD_BREAK_AFTER.has(before) ? 1.5 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) break;
    lines.push(rest.slice(0, best).join(""));
    rest = rest.slice(best);
  }
  lines.push(rest.join(""));
  return lines;
}
