/**
 * Reports (报告) and requests (请示) to a higher body as .docx: an upward document (上行文) in the layout of
 * GB/T 9704-2012 (reference/RULES.md C), on the shared page of platform/documents/gbt9704.ts:
 *
 * - 版头 (§7.2): the 发文机关标志 "<issuer>文件" in red 小标宋, centred, its top 35 mm below the top of the text block;
 *   two lines under it the 发文字号 one character in from the left and, on the same line, "签发人：" (3号 仿宋) and the
 *   name (3号 楷体) one character in from the right; a red separator line the width of the text block below them.
 * - 主体 (§7.3): the title in 2号 小标宋 two lines under the separator, centred, broken into balanced lines when it
 *   does not fit one; the 主送机关 a line under it, flush left, with a full-width colon; the text in 3号 仿宋 with a
 *   two-character indent, its headings 一、 in 黑体, （一） in 楷体 and 1. in bold 仿宋 (§7.3.3); the 附件说明 a line
 *   under the text, two characters in, numbered when there is more than one, long names aligned under the first
 *   character of the name (§7.3.4); the 发文机关署名 centred over the 成文日期, the date four characters from the
 *   right (§7.3.5.1, room left above them for the seal); for a 请示 the 附注 "（联系人：…；电话：…）" on the line under
 *   the date, two characters in (§7.3.6).
 * - 版记 (§7.4): "<issuer>办公室" and "<date>印发" in 4号 仿宋 between rules, on the last lines of the last page.
 *
 * The article of the rules the document serves (`citation`) goes into the document's properties, not onto the page:
 * GB/T 9704 has no element for it, and the document goes out of the institution.
 *
 * A draft (no number or no signer yet) says so in its title, its 发文字号 and 签发人 line, its 版记 and a red header on
 * every page, so that no page of it can pass for the document sent.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  FrameAnchorType,
  FrameWrap,
  Header,
  HorizontalPositionAlign,
  LineRuleType,
  Paragraph,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
} from "docx";
import {
  blank,
  body,
  CHAR_3HAO,
  CHAR_4HAO,
  chineseDate,
  exact,
  FANGSONG,
  font,
  HEITI,
  KAITI,
  mastheadMark,
  packDocx,
  PAGE,
  pageNumbers,
  PT,
  RED,
  SIZE_2HAO,
  SIZE_3HAO,
  SIZE_4HAO,
  tab,
  text,
  TEXT_WIDTH,
  textWidth,
  titleLines,
  XIAOBIAOSONG,
} from "../../platform/documents/gbt9704.js";

export interface ReportDocument {
  /** 发文机关: "广东技术师范学院保密委员会". */
  issuer: string;
  /** 发文字号 "广师保委〔2027〕3号"; null while a draft. */
  number: string | null;
  /** 签发人 (upward documents carry it): the director's name; null while a draft. */
  signer: string | null;
  /** 报告 / 报告 / 报告 / 请示. */
  kind: "planReport" | "summaryReport" | "majorMatter" | "request";
  /** "关于报送2027年度保密工作计划的报告" / "关于……的请示". */
  title: string;
  /** 主送机关: "中共广东技术师范学院委员会" or "广东省高校保密委员会". */
  recipient: string;
  /** Paragraphs separated by newlines; lines opening with 一、 / （一） / 1. are headings of levels 1–3. */
  body: string;
  /** 附件说明 lines ("2027年度保密工作计划"), numbered when more than one. */
  attachments: string[];
  /** 成文日期 as an ISO date, printed "2027年1月15日" (GB/T 9704 §7.3.5.4: Arabic digits, no leading zeros). */
  date: string | null;
  /** 联系人及电话: a 请示 carries it as its 附注 (§7.3.6). */
  contact: { name: string; phone: string } | null;
  /** "《实施细则》第十二条第（四）项" */
  citation: string;
}

/** The 文种 of each kind. */
export const GENRE: Record<ReportDocument["kind"], "报告" | "请示"> = {
  planReport: "报告",
  summaryReport: "报告",
  majorMatter: "报告",
  request: "请示",
};

const DRAFT = "（草稿）";
/** 2号 characters on a line of the 156 mm text block. */
const TITLE_LINE = 20;
/** 成文日期 not yet set: the year, month and day left blank to be written in. */
const UNDATED = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";

/** A document without a 发文字号 or a 签发人 has not been issued. */
export function isDraft(doc: Pick<ReportDocument, "number" | "signer">): boolean {
  return doc.number === null || doc.signer === null;
}

function dateText(day: string | null): string {
  if (day === null) return UNDATED;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not an ISO date: ${day}`);
  return chineseDate(day);
}

/** The text as paragraphs: split on line breaks, blank lines and surrounding spaces (full-width ones too) dropped. */
function paragraphsOf(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The heading level of a line of the text (GB/T 9704 §7.3.3): 1 for "一、", 2 for "（一）", 3 for "1." (not "1.5");
 * null for anything else, "（1）" included (the fourth level is set as 正文).
 */
export function headingLevel(line: string): 1 | 2 | 3 | null {
  if (/^[一二三四五六七八九十百]+、/.test(line)) return 1;
  if (/^[（(][一二三四五六七八九十百]+[）)]/.test(line)) return 2;
  if (/^\d+[.．](?!\d)/.test(line)) return 3;
  return null;
}

const HEADING_FACE = { 1: { face: HEITI }, 2: { face: KAITI }, 3: { face: FANGSONG, bold: true } } as const;
/** A numbered first sentence (ended by 。！？) wider than this is a numbered paragraph of 正文, not a heading. */
const HEADING_MAX = 30;

/**
 * A paragraph of the text. A heading line is set in its level's face: all of it when it is a heading of its own,
 * only its first sentence when the text runs on after it ("（一）加强组织领导。各单位……", the run-on text in 仿宋);
 * a numbered line that is one long sentence is 正文.
 */
function textParagraph(line: string, keepNext: boolean): Paragraph {
  const level = headingLevel(line);
  const stop = line.search(/[。！？]/);
  const head = stop < 0 ? line : line.slice(0, stop + 1);
  const rest = stop < 0 ? "" : line.slice(stop + 1);
  const heading = level !== null && (stop < 0 || textWidth(head) <= HEADING_MAX);
  if (!heading) {
    if (!keepNext) return body(line);
    return new Paragraph({
      children: [text(line)],
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 2 * CHAR_3HAO },
      spacing: exact,
      keepNext,
    });
  }
  return new Paragraph({
    children: [text(head, HEADING_FACE[level]), ...(rest ? [text(rest)] : [])],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR_3HAO },
    spacing: exact,
    // A heading of its own stays with the text it heads.
    keepNext: keepNext || !rest,
  });
}

/** 版头: the red 发文机关标志; the 发文字号 and 签发人 on one line; the red separator line. */
function masthead(doc: ReportDocument, draft: boolean): Paragraph[] {
  const mark = `${doc.issuer}文件`;
  const number = doc.number ?? (draft ? "（草稿，未编号）" : "");
  return [
    mastheadMark(mark),
    // 发文字号 and 签发人 two lines below the mark (§7.2.5, §7.2.6).
    blank(),
    blank(),
    new Paragraph({
      children: [
        text(number),
        tab(),
        text("签发人："),
        doc.signer ? text(doc.signer, { face: KAITI }) : text("（待签发）"),
      ],
      // 发文字号 one character in from the left, the 签发人 name ending one character in from the right.
      indent: { left: CHAR_3HAO },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR_3HAO }],
      spacing: exact,
      // The red line 4 mm below the number, as wide as the text block (§7.2.7).
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
    }),
  ];
}

/**
 * The title in 2号 小标宋, centred, in balanced lines when it does not fit one (§7.3.1). A draft's mark follows the
 * title on its last line when there is room, else on a line of its own: the title itself is not broken for it.
 */
function title(value: string, mark: string): Paragraph {
  const lines = titleLines(value, TITLE_LINE);
  if (mark) {
    const last = lines.length - 1;
    if (textWidth(`${lines[last]}${mark}`) <= TITLE_LINE) lines[last] = `${lines[last]}${mark}`;
    else lines.push(mark);
  }
  return new Paragraph({
    children: lines.map(
      (line, i) =>
        new TextRun({
          text: line,
          size: SIZE_2HAO,
          font: font(XIAOBIAOSONG),
          ...(i > 0 ? { break: 1 } : {}),
        }),
    ),
    alignment: AlignmentType.CENTER,
    spacing: { line: Math.round(35 * PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });
}

/**
 * 附件说明 (§7.3.4): "附件：" two characters in, then the name; several are numbered "1." "2." …, the later numbers
 * under the first, the names (and any line they wrap to) aligned under the first character of the first name. No
 * punctuation after a name.
 */
function attachmentNote(names: readonly string[], keepNext: boolean): Paragraph[] {
  const clean = names.map((name) => name.trim().replace(/[。．.；;，,：:\s\u3000]+$/, "")).filter(Boolean);
  if (!clean.length) return [];
  const label = 2 + textWidth("附件："); // where the first name (or number) starts, in characters
  if (clean.length === 1)
    return [
      new Paragraph({
        children: [text(`附件：${clean[0]}`)],
        indent: { left: label * CHAR_3HAO, hanging: textWidth("附件：") * CHAR_3HAO },
        spacing: exact,
        keepNext,
      }),
    ];
  // Room for the widest number and half a character after it.
  const numbers = textWidth(`${clean.length}.`) + 0.5;
  const nameAt = Math.round((label + numbers) * CHAR_3HAO);
  return clean.map(
    (name, i) =>
      new Paragraph({
        children: [...(i === 0 ? [text("附件：")] : []), text(`${i + 1}.`), tab(), text(name)],
        indent: { left: nameAt, hanging: nameAt - (i === 0 ? 2 : label) * CHAR_3HAO },
        tabStops: [{ type: TabStopType.LEFT, position: nameAt }],
        spacing: exact,
        keepNext: keepNext || i < clean.length - 1,
      }),
  );
}

/**
 * 发文机关署名 and 成文日期 (§7.3.5.1): the date four characters from the right, the issuer centred over it (never
 * past the right edge of the text block), two lines left above them for the seal, which presses on both.
 */
function signature(doc: ReportDocument): Paragraph[] {
  const noted = doc.kind === "request";
  const date = dateText(doc.date);
  const dateRight = 4;
  const issuerRight = Math.max(0, dateRight + (textWidth(date) - textWidth(doc.issuer)) / 2);
  const keep = { spacing: exact, keepNext: true, keepLines: true };
  return [
    new Paragraph({ children: [text("")], ...keep }),
    new Paragraph({ children: [text("")], ...keep }),
    new Paragraph({
      children: [text(doc.issuer)],
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(issuerRight * CHAR_3HAO) },
      ...keep,
    }),
    new Paragraph({
      children: [text(date)],
      alignment: AlignmentType.RIGHT,
      indent: { right: dateRight * CHAR_3HAO },
      spacing: exact,
      // A 请示's 附注 stays with its date.
      keepNext: noted,
    }),
  ];
}

/** 附注 (§7.3.6): a 请示's contact, in brackets, two characters in, on the line under the date. */
function contactNote(doc: ReportDocument, draft: boolean): Paragraph[] {
  if (doc.kind !== "request") return [];
  if (!doc.contact && !draft) throw new RangeError("a 请示 carries 联系人及电话 (GB/T 9704 §7.3.6 附注)");
  const { name, phone } = doc.contact ?? { name: "（待填）", phone: "（待填）" };
  return [
    new Paragraph({
      children: [text(`（联系人：${name}；电话：${phone}）`)],
      indent: { firstLine: 2 * CHAR_3HAO },
      spacing: exact,
    }),
  ];
}

/** 版记 (§7.4): "<issuer>办公室" one character in, "<date>印发" one character from the right, between rules. */
function colophon(doc: ReportDocument, draft: boolean): Paragraph {
  const issued = draft ? "（草稿，未印发）" : `${dateText(doc.date)}印发`;
  // 0.35 mm rules (§7.4.1): one eighth of a point is the unit, 0.35 mm ≈ 1 pt.
  const rule = { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 4 };
  return new Paragraph({
    children: [text(`${doc.issuer}办公室`, { size: SIZE_4HAO }), tab(SIZE_4HAO), text(issued, { size: SIZE_4HAO })],
    indent: { left: CHAR_4HAO },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR_4HAO }],
    spacing: exact,
    border: { top: rule, bottom: rule },
    // On the last line of the last page (§7.4.1: the last rule on the bottom edge of the text block).
    frame: {
      type: "alignment",
      alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      width: TEXT_WIDTH,
      wrap: FrameWrap.NOT_BESIDE,
    },
  });
}

/** A header on every page of a draft: no page of it may pass for the document sent. */
function draftHeader(genre: string): Header {
  return new Header({
    children: [
      new Paragraph({
        children: [text(`草稿\u3000未经签发，不作为正式${genre}报送`, { size: SIZE_4HAO, face: KAITI, color: RED })],
        alignment: AlignmentType.CENTER,
      }),
    ],
  });
}

/** The report or request as a .docx file. */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const draft = isDraft(doc);
  const genre = GENRE[doc.kind];
  const heading = doc.title.trim();
  const lines = paragraphsOf(doc.body);
  const attachments = attachmentNote(doc.attachments, true);
  const children: Paragraph[] = [
    ...masthead(doc, draft),
    // The title two lines under the separator (§7.3.1), the 主送机关 a line under the title (§7.3.2).
    blank(),
    blank(),
    title(heading, draft ? DRAFT : ""),
    blank(),
    new Paragraph({
      children: [text(`${doc.recipient.trim().replace(/[：:]$/, "")}：`)],
      spacing: exact,
      keepNext: true,
    }),
    // The last paragraph of the text stays with the 附件说明 and the signature: a seal never stands on a page
    // without text (§7.3.5.1).
    ...lines.map((line, i) => textParagraph(line, i === lines.length - 1)),
    ...(attachments.length
      ? [new Paragraph({ children: [text("")], spacing: exact, keepNext: true }), ...attachments]
      : []),
    ...signature(doc),
    ...contactNote(doc, draft),
    colophon(doc, draft),
  ];
  const document = new Document({
    creator: "Baomi 保密工作责任制管理平台",
    title: `${doc.issuer}：${heading}${draft ? DRAFT : ""}`,
    subject: genre,
    description: `依据：${doc.citation}`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FANGSONG), size: SIZE_3HAO } } } },
    sections: [
      {
        properties: { page: PAGE },
        ...(draft ? { headers: { default: draftHeader(genre), even: draftHeader(genre) } } : {}),
        footers: pageNumbers(),
        children,
      },
    ],
  });
  return packDocx(document, [HEITI]);
}
