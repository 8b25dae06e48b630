/**
 * The inspection opinion (检查意见书) as .docx: a real consumer reads it — LibreOffice converts it to PDF and poppler's
 * pdftotext reads the Chinese back: the unit addressed, the score, each rectification item with its deadline.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { opinionDocx, type OpinionDocument } from "../../src/features/inspections/opinion-docx.js";

const has = (command: string): boolean => {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const tools = has("soffice") && has("pdftotext");
const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, "");

const opinion: OpinionDocument = {
  institutionName: "广东技术师范学院",
  unitName: "外国语学院",
  planTitle: "2027年上半年委员分管范围保密检查",
  templateTitle: "二级单位保密检查表",
  draft: false,
  closedOn: "2027-03-20",
  today: "2027-03-21",
  score: { earned: 31.5, possible: 40, vetoed: false },
  summary: "外国语学院保密工作总体较好，涉密载体管理存在薄弱环节。",
  findings: [
    {
      description: "涉密载体台账缺少 3 份载体的销毁记录",
      itemText: "涉密载体台账齐全，制作、收发、保存、销毁手续完备",
      severityName: "较重",
      deadline: "2027-04-30",
      repeated: true,
    },
    {
      description: "部分涉密人员未签订保密承诺书",
      itemText: "涉密人员底数清楚，签订保密承诺书，定期开展保密自查",
      severityName: "一般",
      deadline: "2027-05-15",
      repeated: false,
    },
  ],
};

describe("inspection opinion .docx", () => {
  it.skipIf(!tools)(
    "opens in LibreOffice with the Chinese intact",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-opinion-"));
      try {
        const docx = path.join(dir, "opinion.docx");
        fs.writeFileSync(docx, await opinionDocx(opinion));
        execFileSync(
          "soffice",
          [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx],
          { stdio: "ignore", timeout: 120_000 },
        );
        const flat = squeeze(
          execFileSync("pdftotext", ["-layout", path.join(dir, "opinion.pdf"), "-"], { encoding: "utf8" }),
        );
        for (const expected of [
          "保密检查意见书",
          "外国语学院：",
          "本次检查得分31.5分（满分40分）",
          "一、涉密载体台账缺少3份载体的销毁记录（重复出现的问题）",
          "整改期限：2027年4月30日前",
          "二、部分涉密人员未签订保密承诺书",
          "问题性质：一般",
          "广东技术师范学院保密检查组",
          "2027年3月20日",
        ])
          expect(flat, expected).toContain(squeeze(expected));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );

  it("says draft in its title while the inspection is open, and that nothing was found when nothing was", async () => {
    const { zipEntries } = await import("../../src/platform/documents/zip-entries.js");
    const file = await opinionDocx({ ...opinion, draft: true, findings: [] });
    const xml =
      zipEntries(file)
        ?.find((e) => e.name === "word/document.xml")
        ?.read(10_000_000)
        .toString("utf8")
        .replace(/<[^>]+>/g, "") ?? "";
    expect(xml).toContain("保密检查意见书（草稿）");
    expect(xml).toContain("本次检查未发现需要整改的问题。");
  });
});
