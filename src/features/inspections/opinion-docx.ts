/**
 * The inspection opinion (检查意见书) as .docx on the GB/T 9704 page (platform/documents/gbt9704.ts): the title in
 * 2号 小标宋, the unit addressed, what was inspected and how it scored, then each rectification item numbered
 * 一、二、… with its severity and deadline, and the inspecting body and date. A draft inspection says so in its title.
 */
import { AlignmentType, Document, LineRuleType, Paragraph } from "docx";
import {
  blank,
  body,
  chineseDate,
  exact,
  HEITI,
  packDocx,
  PAGE,
  pageNumbers,
  SIZE_2HAO,
  text,
  XIAOBIAOSONG,
} from "../../platform/documents/gbt9704.js";
import { chineseNumeral } from "../meetings/minutes-docx.js";

export interface OpinionDocument {
  institutionName: string;
  unitName: string;
  planTitle: string;
  templateTitle: string;
  draft: boolean;
  closedOn: string | null;
  today: string;
  score: { earned: number; possible: number; vetoed: boolean };
  summary: string | null;
  findings: { description: string; itemText: string; severityName: string; deadline: string; repeated: boolean }[];
}

/** The opinion as .docx bytes. */
export function opinionDocx(doc: OpinionDocument): Promise<Buffer> {
  const heading = (value: string) =>
    new Paragraph({ children: [text(value, { face: HEITI })], spacing: exact, indent: { firstLine: 2 * 16 * 20 } });
  const findings = doc.findings.length
    ? doc.findings.flatMap((f, i) => [
        body(
          `${chineseNumeral(i + 1)}、${f.description}${f.repeated ? "（重复出现的问题）" : ""}（检查项目：${f.itemText}；问题性质：${f.severityName}；整改期限：${chineseDate(f.deadline)}前）`,
        ),
      ])
    : [body("本次检查未发现需要整改的问题。")];
  const scoreLine = doc.score.vetoed
    ? `本次检查存在一票否决项不符合的情况，得分 ${doc.score.earned} 分（满分 ${doc.score.possible} 分）。`
    : `本次检查得分 ${doc.score.earned} 分（满分 ${doc.score.possible} 分）。`;
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: { page: PAGE },
        footers: pageNumbers(),
        children: [
          new Paragraph({
            children: [text(`保密检查意见书${doc.draft ? "（草稿）" : ""}`, { face: XIAOBIAOSONG, size: SIZE_2HAO })],
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 0, line: 700, lineRule: LineRuleType.EXACT },
          }),
          blank(),
          new Paragraph({ children: [text(`${doc.unitName}：`)], spacing: exact }),
          body(
            `根据${doc.planTitle}的安排，检查组依据《${doc.templateTitle}》对你单位保密工作进行了检查。${scoreLine}`,
          ),
          ...(doc.summary ? [body(doc.summary)] : []),
          heading("一、需要整改的问题"),
          ...findings,
          heading("二、整改要求"),
          body(
            "请你单位负责人按照“业务谁主管、保密谁负责”的要求，对照上述问题制定整改措施，在整改期限内完成整改，并将整改情况和佐证材料报检查组验证销号。逾期未完成整改的，按照学院保密工作责任制有关规定处理。",
          ),
          blank(),
          new Paragraph({
            children: [text(`${doc.institutionName}保密检查组`)],
            alignment: AlignmentType.RIGHT,
            spacing: exact,
            indent: { right: 4 * 16 * 20 },
          }),
          new Paragraph({
            children: [text(chineseDate(doc.closedOn ?? doc.today))],
            alignment: AlignmentType.RIGHT,
            spacing: exact,
            indent: { right: 4 * 16 * 20 },
          }),
        ],
      },
    ],
  });
  return packDocx(document, [HEITI]);
}
