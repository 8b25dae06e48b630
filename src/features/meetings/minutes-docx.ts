/**
 * Committee minutes (纪要) as .docx in the 纪要格式 of GB/T 9704-2012 §10.3 (reference/RULES.md C), on the shared page
 * of platform/documents/gbt9704.ts:
 *
 * - 版头: the 纪要标志 "<issuer>会议纪要" in red 小标宋, centred, its top 35 mm below the top of the text block; the
 *   minutes number two lines under it; a red separator line the width of the text block. No 签发人, no 份号.
 * - 主体: the meeting's title in 2号 小标宋; 时间, 地点, 主持 and 议程 in 楷体; the office's text in 3号 仿宋 with a
 *   two-character indent; the 议定事项 numbered 一、二、… with 责任单位 and 完成时限.
 * - One line after the text, two characters in: "出席：", "请假：", "列席：" in 3号 黑体, the names in 3号 仿宋,
 *   continuation lines aligned with the first name.
 * - The sign-off (审定签发 by the director, or a deputy under the director's delegation, 第十条第（二）项) with its date
 *   and the start of the electronic signature; addenda signed later; the article the minutes serve.
 * - 版记: "<issuer>办公室" and the date "印发" between full-width rules.
 *
 * A draft (no signer) says so in its title, its number line, its sign-off line and a header on every page, so that no
 * page of it can pass for signed minutes.
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
  VerticalPositionAlign,
} from "docx";
import { dateIn } from "../../domain/calendar.js";
import {
  blank,
  body,
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
  SIZE_2HAO,
  SIZE_3HAO,
  SIZE_4HAO,
  text,
  TEXT_WIDTH,
  XIAOBIAOSONG,
} from "../../platform/documents/gbt9704.js";

export interface MinutesDocument {
  /** 广东技术师范学院 */
  institutionName: string;
  /** 保密委员会: the issuing body is "<institution>保密委员会" (a name that already starts with the institution is kept). */
  committeeName: string;
  /** 2027年春季学期保密委员会例会 */
  title: string;
  /** 保委纪〔2027〕1号; null while a draft. */
  number: string | null;
  /** ISO instant, printed as its date in Asia/Shanghai. */
  heldAt: string | null;
  place: string;
  /** Who chaired: the director, or whoever signs. */
  chairedBy: string | null;
  present: string[];
  onLeave: string[];
  nonVoting: string[];
  /** Agenda item titles, in order. */
  agenda: string[];
  /** The minutes as written by the office: one paragraph per line, blank lines ignored. */
  text: string;
  decisions: { text: string; ownerUnit: string; dueOn: string }[];
  signer: {
    name: string;
    signedAs: "director" | "delegate";
    delegationPurpose: string | null;
    signedAt: string;
    signature: string;
  } | null;
  addenda: { text: string; signerName: string | null; signedAt: string | null }[];
  /** 《实施细则》第十二条第（一）项 */
  citation: string;
}

const RED = "FF0000";
const CHAR_3HAO = 16 * PT; // one 3号 character, in twips
const CHAR_4HAO = 14 * PT;
const DRAFT = "（草稿）";

/** The issuing body: "广东技术师范学院保密委员会". */
export function issuerName(doc: Pick<MinutesDocument, "institutionName" | "committeeName">): string {
  return doc.committeeName.startsWith(doc.institutionName)
    ? doc.committeeName
    : `${doc.institutionName}${doc.committeeName}`;
}

/** 一, 二, …, 十, 十一, …, 九十九, 一百, … (the numbers of 议定事项 and 补充纪要). */
export function chineseNumeral(n: number): string {
  const digits = "零一二三四五六七八九";
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  let out = hundreds ? `${digits[hundreds]}百` : "";
  if (tens) out += `${hundreds || tens > 1 ? digits[tens] : ""}十`;
  else if (hundreds && units) out += "零";
  if (units) out += digits[units];
  return out;
}

/** The calendar date of an instant in the institution's time zone, as 2027年3月10日. */
function dayOf(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${instant}`);
  return chineseDate(dateIn(at));
}

/** The office's text as paragraphs: split on line breaks, blank lines and surrounding spaces dropped. */
function paragraphsOf(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A paragraph of the office's text. A short line of its own that opens with "一、" is a first-level heading (黑体),
 * one that opens with "（一）" a second-level heading (楷体); everything else is 正文.
 */
function textParagraph(value: string): Paragraph {
  const heading = value.length <= 30 && !/[。；;]$/.test(value);
  const face = heading
    ? /^[一二三四五六七八九十]+、/.test(value)
      ? HEITI
      : /^（[一二三四五六七八九十]+）/.test(value)
        ? KAITI
        : null
    : null;
  if (!face) return body(value);
  return new Paragraph({ children: [text(value, { face })], indent: { firstLine: 2 * CHAR_3HAO }, spacing: exact });
}

/**
 * A labelled line two characters in: "出席：" then the names, continuation lines aligned with the first name after the
 * colon (GB/T 9704 §10.3).
 */
function labelled(label: string, value: string, faces: { label: string; value: string }): Paragraph {
  const labelChars = [...label].length + 1;
  return new Paragraph({
    children: [text(`${label}：`, { face: faces.label }), text(value, { face: faces.value })],
    indent: { left: (2 + labelChars) * CHAR_3HAO, hanging: labelChars * CHAR_3HAO },
    spacing: exact,
  });
}

/** A heading of the minutes' own (议定事项, 补充纪要): 3号 黑体, two characters in. */
function heading(value: string): Paragraph {
  return new Paragraph({
    children: [text(value, { face: HEITI })],
    indent: { firstLine: 2 * CHAR_3HAO },
    spacing: exact,
    keepNext: true,
  });
}

/** 议程：1.… with the later items aligned under the first, in the 楷体 block. */
function agenda(items: readonly string[]): Paragraph[] {
  return items.map((item, i) =>
    i === 0
      ? labelled("议程", `1.${item}`, { label: KAITI, value: KAITI })
      : new Paragraph({
          children: [text(`${i + 1}.${item}`, { face: KAITI })],
          indent: { left: 5 * CHAR_3HAO },
          spacing: exact,
        }),
  );
}

/** 版头: the red 纪要标志, the number, the red separator line. */
function masthead(doc: MinutesDocument, draft: boolean): Paragraph[] {
  const mark = `${issuerName(doc)}会议纪要`;
  const number = doc.number ?? (draft ? "（草稿，未编号）" : "");
  return [
    mastheadMark(mark),
    // The number two lines below the mark, as a 发文字号 is (GB/T 9704 §7.2.4).
    blank(),
    blank(),
    new Paragraph({
      children: [text(number)],
      alignment: AlignmentType.CENTER,
      spacing: exact,
      // The red line 4 mm below the number, as wide as the text block.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
    }),
  ];
}

/** 审定签发: who signed, in which capacity, when, and the start of the electronic signature. */
function signOff(doc: MinutesDocument): Paragraph[] {
  const faces = { label: HEITI, value: FANGSONG };
  const signer = doc.signer;
  if (!signer) return [labelled("审定签发", "（草稿，待主任审定签发）", faces)];
  const capacity =
    signer.signedAs === "director"
      ? "（主任）"
      : `（副主任，受主任委托${signer.delegationPurpose ? `：${signer.delegationPurpose}` : ""}）`;
  return [
    labelled("审定签发", `${signer.name}${capacity}`, faces),
    labelled("签发日期", dayOf(signer.signedAt), faces),
    labelled("电子签名", `${signer.signature.slice(0, 16)}…`, faces),
  ];
}

/** 补充纪要（一）…: each addendum's text, then who signed it and when. */
function addenda(doc: MinutesDocument): Paragraph[] {
  return doc.addenda.flatMap((addendum, i) => {
    const signed = [addendum.signerName, addendum.signedAt ? dayOf(addendum.signedAt) : null].filter(Boolean);
    return [
      blank(),
      heading(`补充纪要（${chineseNumeral(i + 1)}）`),
      ...paragraphsOf(addendum.text).map(body),
      new Paragraph({
        children: [text(`审定签发：${signed.length ? signed.join("　") : "（待审定签发）"}`)],
        alignment: AlignmentType.RIGHT,
        indent: { right: 2 * CHAR_3HAO },
        spacing: exact,
      }),
    ];
  });
}

/** 版记: "<issuer>办公室" one character in, "<date>印发" one character from the right, between full-width rules. */
function colophon(doc: MinutesDocument): Paragraph {
  const issued = doc.signer ? `${dayOf(doc.signer.signedAt)}印发` : "（草稿，未印发）";
  // 0.35 mm rules (GB/T 9704 §7.4.1): one eighth of a point is the unit, 0.35 mm ≈ 1 pt.
  const rule = { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 4 };
  return new Paragraph({
    children: [
      text(`${issuerName(doc)}办公室`, { size: SIZE_4HAO }),
      text("\t", { size: SIZE_4HAO }),
      text(issued, { size: SIZE_4HAO }),
    ],
    indent: { left: CHAR_4HAO },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR_4HAO }],
    spacing: exact,
    border: { top: rule, bottom: rule },
    // On the last line of the last page (GB/T 9704 §7.4.1).
    frame: {
      type: "alignment",
      alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      width: TEXT_WIDTH,
      wrap: FrameWrap.NOT_BESIDE,
    },
  });
}

/** A header on every page of a draft: no page of it may pass for signed minutes. */
function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        children: [text("草稿　未经审定签发，不作为正式纪要使用", { size: SIZE_4HAO, face: KAITI, color: RED })],
        alignment: AlignmentType.CENTER,
      }),
    ],
  });
}

/** The minutes as a .docx file. */
export async function minutesDocx(doc: MinutesDocument): Promise<Buffer> {
  const draft = doc.signer === null;
  const title = `${doc.title}${draft ? DRAFT : ""}`;
  const kai = { label: KAITI, value: KAITI };
  const attendance: [string, string[]][] = [
    ["出席", doc.present],
    ["请假", doc.onLeave],
    ["列席", doc.nonVoting],
  ];
  const children: Paragraph[] = [
    ...masthead(doc, draft),
    blank(),
    blank(),
    new Paragraph({
      children: [text(title, { size: SIZE_2HAO, face: XIAOBIAOSONG })],
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(35 * PT), lineRule: LineRuleType.EXACT },
    }),
    blank(),
    labelled("时间", doc.heldAt ? dayOf(doc.heldAt) : "（待定）", kai),
    labelled("地点", doc.place, kai),
    ...(doc.chairedBy ? [labelled("主持", doc.chairedBy, kai)] : []),
    ...agenda(doc.agenda),
    ...paragraphsOf(doc.text).map(textParagraph),
    ...(doc.decisions.length
      ? [
          heading("议定事项"),
          ...doc.decisions.map((d, i) =>
            body(
              `${chineseNumeral(i + 1)}、${d.text.replace(/[。；;.\s]+$/, "")}（责任单位：${d.ownerUnit}；完成时限：${chineseDate(d.dueOn)}）。`,
            ),
          ),
        ]
      : []),
    blank(),
    ...attendance.map(([label, names]) =>
      labelled(label, names.length ? names.join("、") : "无", { label: HEITI, value: FANGSONG }),
    ),
    blank(),
    ...signOff(doc),
    ...addenda(doc),
    blank(),
    new Paragraph({
      children: [text(`（依据：${doc.citation}）`, { size: SIZE_4HAO })],
      indent: { firstLine: 2 * CHAR_4HAO },
      spacing: exact,
    }),
    colophon(doc),
  ];
  const document = new Document({
    creator: "Baomi 保密工作责任制管理平台",
    title: `${issuerName(doc)}会议纪要：${title}`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FANGSONG), size: SIZE_3HAO } } } },
    sections: [
      {
        properties: { page: PAGE },
        ...(draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
        footers: pageNumbers(),
        children,
      },
    ],
  });
  return packDocx(document, [HEITI]);
}
