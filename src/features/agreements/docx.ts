/**
 * A responsibility agreement as .docx in the layout of GB/T 9704-2012 (reference/RULES.md C): A4, margins 37/28/26/35
 * mm, 2号 小标宋 title, 3号 仿宋 body with a two-character indent at a fixed 28.95 pt line, page numbers "— 1 —" in
 * 4号 宋体 (odd pages right, even left). The text is the stored body, unchanged; only the signature block is laid
 * out, with the signing date and the electronic-signature hash when signed. The shared layout is in
 * platform/documents/gbt9704.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from "docx";
import { AGREEMENT_BASIS, bodyParagraphs } from "../../domain/agreement.js";
import { dateIn } from "../../domain/calendar.js";
import { fromInstant } from "../../platform/db/instants.js";
import {
  blank,
  body,
  chineseDate,
  exact,
  FANGSONG,
  font,
  KAITI,
  packDocx,
  PAGE,
  pageNumbers,
  PT,
  SIZE_2HAO,
  SIZE_3HAO,
  SIZE_4HAO,
  text,
  XIAOBIAOSONG,
} from "../../platform/documents/gbt9704.js";
import { type AgreementRow } from "./service.js";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The stored paragraphs that are the template's signature lines (签字, 盖章, 签订日期), laid out apart. */
function isSignatureLine(paragraph: string): boolean {
  return /（签字）|（盖章）|^签订日期/.test(paragraph);
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
        properties: { page: PAGE },
        footers: pageNumbers(),
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
  return packDocx(document);
}
