/**
 * Reports and requests as .docx (GB/T 9704-2012 上行文): the package is a valid zip whose parts carry the text, and a
 * real consumer reads it — LibreOffice converts it to PDF and poppler's pdftotext reads the Chinese back.
 * `BAOMI_SCREENSHOTS=1` also renders page 1 of the report to docs/screenshots/report.png.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headingLevel, isDraft, type ReportDocument, reportDocx } from "../../src/features/reports/report-docx.js";
import { textWidth, titleLines } from "../../src/platform/documents/gbt9704.js";
import { zipEntries } from "../../src/platform/documents/zip-entries.js";

const has = (command: string): boolean => {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const tools = has("soffice") && has("pdftotext");
const SKIP_REASON =
  "skipped: soffice or pdftotext missing — apt-get install libreoffice-writer-nogui poppler-utils (CI installs them)";
const SCREENSHOT = fileURLToPath(new URL("../../docs/screenshots/report.png", import.meta.url));

// Whitespace and the full-width space are layout, not text: line breaks fall wherever the page width puts them.
const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, "");

const report: ReportDocument = {
  issuer: "广东技术师范学院保密委员会",
  number: "广师保委〔2027〕3号",
  signer: "王建国",
  kind: "planReport",
  title: "关于报送2027年度保密工作计划的报告",
  recipient: "中共广东技术师范学院委员会",
  body: [
    "根据《实施细则》第十二条第（四）项的规定，学院保密委员会制定了2027年度保密工作计划，经2027年春季学期保密委员会例会审议通过，现报送学院党委。",
    "",
    "一、2026年度保密工作基本情况",
    "2026年，各二级单位均签订了保密工作责任书，涉密人员全部完成年度保密教育培训，全年未发生泄密事件。",
    "二、2027年度保密工作主要安排",
    "（一）加强保密教育培训。全年组织涉密人员集中培训不少于两次，新任涉密人员上岗前完成培训。",
    "（二）开展保密自查自评",
    "1.二级单位自查。",
    "2.保密办公室于2027年9月组织抽查，抽查结果在保密委员会例会上通报并纳入各二级单位年度保密工作考核。",
    "特此报告。",
  ].join("\n"),
  attachments: ["2027年度保密工作计划"],
  date: "2027-01-15",
  contact: null,
  citation: "《实施细则》第十二条第（四）项",
};

const request: ReportDocument = {
  ...report,
  number: "广师保委〔2027〕5号",
  kind: "request",
  title: "关于申请购置涉密计算机及配套安全保密产品所需经费的请示",
  body: [
    "为落实涉密计算机“专机专用、专人管理”的要求，学院保密办公室拟为3个涉密岗位购置涉密计算机及配套安全保密产品，所需经费共计人民币12.6万元。",
    "妥否，请批示。",
  ].join("\n"),
  attachments: ["涉密计算机及安全保密产品购置清单。", "2027年度保密经费预算表"],
  date: "2027-03-02",
  contact: { name: "陈红", phone: "020-38265000" },
  citation: "《实施细则》第十二条第（五）项",
};

const draft: ReportDocument = { ...report, number: null, signer: null, date: null };

function part(docx: Buffer, name: string): string {
  const entry = zipEntries(docx)?.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the package`);
  return entry.read(10_000_000).toString("utf8");
}

/** The text of a WordprocessingML part: its w:t runs, concatenated. */
function partText(docx: Buffer, name: string): string {
  return [...part(docx, name).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

/** The run properties of the run whose text is exactly `value`. */
function runOf(docx: Buffer, value: string): string {
  const runs = part(docx, "word/document.xml").match(/<w:r>.*?<\/w:r>/gs) ?? [];
  const run = runs.find((r) => r.includes(`>${value}</w:t>`));
  if (!run) throw new Error(`no run "${value}"`);
  return run;
}

describe("report text helpers", () => {
  it("tells the heading levels of GB/T 9704 §7.3.3 apart", () => {
    expect(headingLevel("一、基本情况")).toBe(1);
    expect(headingLevel("十二、其他")).toBe(1);
    expect(headingLevel("（一）加强保密教育培训。全年……")).toBe(2);
    expect(headingLevel("(二)开展自查")).toBe(2);
    expect(headingLevel("1.二级单位自查。")).toBe(3);
    expect(headingLevel("12．抽查")).toBe(3);
    expect(headingLevel("1.5万元已拨付。")).toBeNull();
    expect(headingLevel("（1）第四层")).toBeNull();
    expect(headingLevel("特此报告。")).toBeNull();
  });

  it("breaks a long title into balanced lines, shorter first, words and numbers whole", () => {
    expect(titleLines("关于报送2027年度保密工作计划的报告")).toEqual(["关于报送2027年度保密工作计划的报告"]);
    const long = "关于申请购置涉密计算机及配套安全保密产品所需经费的请示";
    const lines = titleLines(long);
    expect(lines.join("")).toBe(long);
    expect(lines).toHaveLength(2);
    expect(textWidth(lines[0]!)).toBeLessThanOrEqual(textWidth(lines[1]!));
    expect(Math.abs(textWidth(lines[0]!) - textWidth(lines[1]!))).toBeLessThanOrEqual(3);
    for (const title of [
      "关于报送2027年度保密工作计划和2026年度保密工作总结的报告（草稿）",
      "关于《广东技术师范学院涉密人员管理办法（2027年修订）》的请示",
      "关于2027年度国家秘密载体销毁工作及12345678号涉密设备报废处理的报告",
    ]) {
      const split = titleLines(title);
      expect(split.join("")).toBe(title);
      for (const line of split) {
        expect(textWidth(line)).toBeLessThanOrEqual(20);
        expect(line).not.toMatch(/^[，、。；：？！）》」]/);
        expect(line).not.toMatch(/[（《「]$/);
      }
      for (let i = 1; i < split.length; i++) expect(`${split[i - 1]!.slice(-1)}${split[i]![0]}`).not.toMatch(/\d\d/);
    }
  });

  it("takes a document without number or signer for a draft", () => {
    expect(isDraft(report)).toBe(false);
    expect(isDraft({ number: null, signer: "王建国" })).toBe(true);
    expect(isDraft({ number: "广师保委〔2027〕3号", signer: null })).toBe(true);
  });
});

describe("report document", () => {
  let dir = "";
  let reportFile: Buffer;
  let requestFile: Buffer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-report-"));
    reportFile = await reportDocx(report);
    requestFile = await reportDocx(request);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is a zip whose document part carries the 版头, the title, the text, the 附件说明, the date and the 版记", () => {
    expect(reportFile.subarray(0, 2).toString()).toBe("PK");
    const names = (zipEntries(reportFile) ?? []).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/fontTable.xml"]));
    const xml = partText(reportFile, "word/document.xml");
    for (const expected of [
      "广东技术师范学院保密委员会文件",
      "广师保委〔2027〕3号",
      "签发人：王建国",
      "关于报送2027年度保密工作计划的报告",
      "中共广东技术师范学院委员会：",
      "现报送学院党委。",
      "一、2026年度保密工作基本情况",
      "（一）加强保密教育培训。全年组织涉密人员集中培训不少于两次",
      "特此报告。",
      "附件：2027年度保密工作计划",
      "广东技术师范学院保密委员会2027年1月15日",
      "广东技术师范学院保密委员会办公室2027年1月15日印发",
    ])
      expect(xml).toContain(expected);
    // One attachment is not numbered; a 报告 has no 附注; the rules' article is not on the page.
    expect(xml).not.toMatch(/附件：1\./);
    expect(xml).not.toContain("联系人");
    expect(xml).not.toContain("草稿");
    expect(xml).not.toContain("依据");
    expect(part(reportFile, "docProps/core.xml")).toContain("依据：《实施细则》第十二条第（四）项");
    // No header on a signed document's pages.
    expect(names.filter((n) => /^word\/header\d+\.xml$/.test(n))).toEqual([]);
  });

  it("sets the 版头 in red and the names and headings in their faces", () => {
    const raw = part(reportFile, "word/document.xml");
    expect(runOf(reportFile, "广东技术师范学院保密委员会文件")).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(raw).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
    expect(runOf(reportFile, "签发人：")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runOf(reportFile, "王建国")).toContain('w:eastAsia="楷体_GB2312"');
    expect(runOf(reportFile, "关于报送2027年度保密工作计划的报告")).toContain('w:eastAsia="方正小标宋简体"');
    expect(runOf(reportFile, "一、2026年度保密工作基本情况")).toContain('w:eastAsia="黑体"');
    // A run-on heading: the heading sentence in 楷体, the text after it in 仿宋.
    expect(runOf(reportFile, "（一）加强保密教育培训。")).toContain('w:eastAsia="楷体_GB2312"');
    expect(runOf(reportFile, "（二）开展保密自查自评")).toContain('w:eastAsia="楷体_GB2312"');
    const third = runOf(reportFile, "1.二级单位自查。");
    expect(third).toContain('w:eastAsia="仿宋_GB2312"');
    expect(third).toMatch(/<w:b\/>|<w:b w:val="(true|1)"\/>/);
    // A long numbered sentence is 正文, not a heading.
    expect(
      runOf(
        reportFile,
        "2.保密办公室于2027年9月组织抽查，抽查结果在保密委员会例会上通报并纳入各二级单位年度保密工作考核。",
      ),
    ).not.toMatch(/<w:b\/>|<w:b w:val="(true|1)"\/>/);
    expect(part(reportFile, "word/fontTable.xml")).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/>');
  });

  it("gives a 请示 its 附注 under the date and numbers several attachments", () => {
    const xml = partText(requestFile, "word/document.xml");
    for (const expected of [
      "广师保委〔2027〕5号",
      "签发人：王建国",
      "关于申请购置涉密计算机及配套安全保密产品所需经费的请示",
      "妥否，请批示。",
      // The tab between number and name is not a w:t.
      "附件：1.涉密计算机及安全保密产品购置清单2.2027年度保密经费预算表",
      "2027年3月2日（联系人：陈红；电话：020-38265000）",
      "2027年3月2日印发",
    ])
      expect(xml).toContain(expected);
    // No punctuation after an attachment's name.
    expect(xml).not.toContain("购置清单。");
  });

  it("refuses a 请示 sent without 联系人及电话", async () => {
    await expect(reportDocx({ ...request, contact: null })).rejects.toThrow(/联系人及电话/);
    // A draft may not have one yet: it says so.
    const docx = await reportDocx({ ...request, number: null, contact: null });
    expect(partText(docx, "word/document.xml")).toContain("（联系人：（待填）；电话：（待填））");
  });

  it("marks a draft as such in its title, number line, 版记 and on every page, and gives it no number", async () => {
    const docx = await reportDocx(draft);
    const xml = partText(docx, "word/document.xml");
    expect(xml).toContain("关于报送2027年度保密工作计划的报告（草稿）");
    expect(xml).toContain("（草稿，未编号）");
    expect(xml).toContain("签发人：（待签发）");
    expect(xml).toContain("（草稿，未印发）");
    expect(xml).not.toContain("广师保委");
    expect(xml).not.toMatch(/〔\d{4}〕\d+号/);
    expect(xml).not.toMatch(/日印发/);
    expect(xml).not.toContain("王建国");
    const headers = (zipEntries(docx) ?? []).filter((e) => /^word\/header\d+\.xml$/.test(e.name));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const header of headers) {
      expect(partText(docx, header.name)).toContain("草稿");
      expect(part(docx, header.name)).toMatch(/<w:color w:val="FF0000"\/>/);
    }
  });

  it.skipIf(!tools)(
    `converts to PDF with the Chinese text intact${tools ? "" : ` (${SKIP_REASON})`}`,
    () => {
      const files = { report: reportFile, request: requestFile };
      for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, `${name}.docx`), bytes);
      // A profile of its own: a LibreOffice already running for the user must not swallow the conversion.
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${dir}/profile`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          ...Object.keys(files).map((name) => path.join(dir, `${name}.docx`)),
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      const read = (pdf: string, ...pages: string[]) =>
        squeeze(execFileSync("pdftotext", ["-layout", ...pages, pdf, "-"], { encoding: "utf8" }));
      const pagesOf = (pdf: string) =>
        Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);

      const reportPdf = path.join(dir, "report.pdf");
      const flat = read(reportPdf);
      for (const expected of [
        "广东技术师范学院保密委员会文件",
        "广师保委〔2027〕3号",
        "签发人：王建国",
        "关于报送2027年度保密工作计划的报告",
        "中共广东技术师范学院委员会：",
        "一、2026年度保密工作基本情况",
        "（一）加强保密教育培训。全年组织涉密人员集中培训不少于两次",
        "附件：2027年度保密工作计划",
        "2027年1月15日",
        "—1—",
      ])
        expect(flat).toContain(expected);
      expect(flat).not.toContain("联系人");
      // The 版记 on the last page, the issuer's name and date on a page with text of the body.
      const last = read(reportPdf, "-f", String(pagesOf(reportPdf)), "-l", String(pagesOf(reportPdf)));
      expect(last).toContain("广东技术师范学院保密委员会办公室2027年1月15日印发");
      expect(last).toMatch(/广东技术师范学院保密委员会2027年1月15日/);
      expect(last).toContain("特此报告。");
      const info = execFileSync("pdfinfo", [reportPdf], { encoding: "utf8" });
      // A4 is 595 × 842 points.
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 84[12]/);

      const requestPdf = path.join(dir, "request.pdf");
      const asked = read(requestPdf);
      // The seal page carries text of the body, not the 附件说明 and signature alone.
      const lastAsked = read(requestPdf, "-f", String(pagesOf(requestPdf)), "-l", String(pagesOf(requestPdf)));
      expect(lastAsked).toContain("妥否，请批示。");
      for (const expected of [
        "广师保委〔2027〕5号",
        "关于申请购置涉密计算机及配套安全保密产品所需经费的请示",
        "附件：1.涉密计算机及安全保密产品购置清单",
        "2.2027年度保密经费预算表",
        "2027年3月2日（联系人：陈红；电话：020-38265000）",
        "2027年3月2日印发",
      ])
        expect(asked).toContain(expected);

      if (process.env.BAOMI_SCREENSHOTS === "1" && has("pdftoppm")) {
        const prefix = path.join(dir, "page");
        execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", reportPdf, prefix]);
        fs.copyFileSync(`${prefix}.png`, SCREENSHOT);
      }
    },
    150_000,
  );
});
