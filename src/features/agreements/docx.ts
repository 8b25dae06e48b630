/**
 * A responsibility agreement as .docx in the layout of GB/T 9704-2012 (reference/RULES.md C): A4, margins 37/28/26/35
 * mm, 2号 小标宋 title, 3号 仿宋 body with a two-character indent at a fixed 28.95 pt line, page numbers "— 1 —" in
 * 4号 宋体 (odd pages right, even left). The text is the stored body, unchanged; only the signature block is laid
 * out, with the signing date and the electronic-signature hash when signed.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { AGREEMENT_BASIS, bodyParagraphs } from "../../domain/agreement.js";
import { dateIn } from "../../domain/calendar.js";
import { fromInstant } from "../../platform/db/instants.js";
import { type AgreementRow } from "./service.js";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// Customary office fonts; the font table names a fallback for each (仿宋, 宋体, 楷体) for machines without them.
const FANGSONG = "仿宋_GB2312";
const XIAOBIAOSONG = "方正小标宋简体";
const KAITI = "楷体_GB2312";
const SONGTI = "宋体";

const MM = 56.692; // twips per millimetre
const PT = 20; // twips per point
const SIZE_2HAO = 44; // half-points: 2号 = 22 pt
const SIZE_3HAO = 32; // 3号 = 16 pt
const SIZE_4HAO = 28; // 4号 = 14 pt
const LINE = Math.round(28.95 * PT); // 22 lines of 3号 in the 225 mm text block
const INDENT_2CHARS = 2 * 16 * PT;

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function text(value: string, options: { size?: number; face?: string; bold?: boolean } = {}): TextRun {
  return new TextRun({
    text: value,
    size: options.size ?? SIZE_3HAO,
    font: font(options.face ?? FANGSONG),
    bold: options.bold ?? false,
  });
}

function body(value: string): Paragraph {
  return new Paragraph({
    children: [text(value)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_2CHARS },
    spacing: exact,
  });
}

const blank = () => new Paragraph({ children: [text("")], spacing: exact });

/** The stored paragraphs that are the template's signature lines (签字, 盖章, 签订日期), laid out apart. */
function isSignatureLine(paragraph: string): boolean {
  return /（签字）|（盖章）|^签订日期/.test(paragraph);
}

/** 2027年3月5日: Arabic digits, full year, no leading zeros (GB/T 9704 成文日期). */
function chineseDate(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

function shanghaiTime(instant: string): string {
  return new Date(fromInstant(instant).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** The signature block: the template's two parties side by side, its date line with the signing date filled in. */
function signatureBlock(row: AgreementRow, lines: string[]): (Paragraph | Table)[] {
  const signedOn = row.signed_at ? chineseDate(dateIn(fromInstant(row.signed_at))) : null;
  const cells = (line: string) => line.split(/\u3000{2,}|\s{4,}/).filter(Boolean);
  const parties = lines.filter((l) => !l.startsWith("签订日期"));
  const dated = lines.filter((l) => l.startsWith("签订日期")).map((l) => (signedOn ? `签订日期：${signedOn}` : l));
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const cell = (value: string) =>
    new TableCell({ borders, children: [new Paragraph({ children: [text(value)], spacing: exact })] });
  const rows = parties.map((line) => {
    const [left = "", ...right] = cells(line);
    return new TableRow({ children: [cell(left), cell(right.join(""))] });
  });
  return [
    ...(rows.length
      ? [new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [4420, 4420], borders })]
      : []),
    ...dated.map(
      (l) =>
        new Paragraph({
          children: [text(l)],
          alignment: AlignmentType.RIGHT,
          indent: { right: 4 * 16 * PT },
          spacing: exact,
        }),
    ),
  ];
}

/** 电子签署: who signed, when, and the SHA-256 anyone can recompute; or why there is no signature. */
function electronicSignature(row: AgreementRow): Paragraph[] {
  const small = (value: string, face = FANGSONG) =>
    new Paragraph({
      children: [text(value, { size: SIZE_4HAO - 8, face })],
      spacing: { line: 16 * PT, lineRule: LineRuleType.EXACT },
    });
  const who = `${row.person_name}${row.acting === 1 ? "（代理负责人）" : ""}`;
  if (row.status === "signed" && row.signed_at && row.signature)
    return [
      small(
        `电子签署：${who}于${chineseDate(dateIn(fromInstant(row.signed_at)))} ${shanghaiTime(row.signed_at)}（北京时间）以本人账户密码确认签署`,
      ),
      small(`签署摘要（SHA-256）：${row.signature}`, "Courier New"),
      small(`依据：${AGREEMENT_BASIS.zh}`),
    ];
  if (row.status === "voided") return [small(`本责任书已作废：${row.void_reason ?? ""}`)];
  return [small(`待签署：责任人${who}尚未签署`)];
}

function pageNumber(align: "right" | "left"): Footer {
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

// The docx package writes no font table entries for fonts it does not embed; this one names the fallbacks.
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="${FANGSONG}"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="${XIAOBIAOSONG}"><w:altName w:val="${SONGTI}"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="${KAITI}"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="仿宋"><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="${SONGTI}"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

/** The agreement as a .docx file. */
export async function agreementDocx(row: AgreementRow): Promise<Buffer> {
  const paragraphs = bodyParagraphs(row.body);
  const main = paragraphs.filter((p) => !isSignatureLine(p));
  const signature = paragraphs.filter(isSignatureLine);
  const document = new Document({
    creator: "Baomi 保密工作责任制管理平台",
    title: `${row.title}（${row.year}年度）`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FANGSONG), size: SIZE_3HAO } } } },
    sections: [
      {
        properties: {
          page: {
            // A4 in Word's own twips (210 × 297 mm).
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
          },
        },
        footers: { default: pageNumber("right"), even: pageNumber("left") },
        children: [
          new Paragraph({
            children: [text(row.title, { size: SIZE_2HAO, face: XIAOBIAOSONG })],
            alignment: AlignmentType.CENTER,
            spacing: { line: Math.round(35 * PT), lineRule: LineRuleType.EXACT },
          }),
          new Paragraph({
            children: [text(`（${row.year}年度）`, { face: KAITI })],
            alignment: AlignmentType.CENTER,
            spacing: exact,
          }),
          blank(),
          ...main.map(body),
          blank(),
          ...signatureBlock(row, signature),
          blank(),
          ...electronicSignature(row),
        ],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: "word/fontTable.xml", data: FONT_TABLE }]);
}
