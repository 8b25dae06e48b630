/**
 * Committee minutes as .docx (GB/T 9704-2012 §10.3 纪要格式): the package is a valid zip whose parts carry the text,
 * and a real consumer reads it — LibreOffice converts it to PDF and poppler's pdftotext reads the Chinese back.
 * `BAOMI_SCREENSHOTS=1` also renders page 1 to docs/screenshots/minutes.png.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chineseNumeral,
  issuerName,
  type MinutesDocument,
  minutesDocx,
} from "../../src/features/meetings/minutes-docx.js";
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
const SCREENSHOT = fileURLToPath(new URL("../../docs/screenshots/minutes.png", import.meta.url));

// Whitespace and the full-width space are layout, not text: line breaks fall wherever the page width puts them.
const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, "");

const SIGNATURE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

const signed: MinutesDocument = {
  institutionName: "广东技术师范学院",
  committeeName: "保密委员会",
  title: "2027年春季学期保密委员会例会",
  number: "保委纪〔2027〕1号",
  // 09:00 in Beijing.
  heldAt: "2027-03-10T01:00:00.000Z",
  place: "行政楼三楼第一会议室",
  chairedBy: "李明（副主任，受主任委托）",
  present: ["李明（副主任）", "陈红（委员，保密办公室主任）"],
  onLeave: ["王建国（主任，公务出差）", "赵强（委员）"],
  nonVoting: ["周丽（保密办公室）", "孙伟（外国语学院）"],
  agenda: ["通报2026年度保密工作考核结果", "审议《2027年度保密工作要点》"],
  text: [
    "2027年3月10日上午，学院保密委员会在行政楼三楼第一会议室召开2027年春季学期例会。受主任委托，副主任李明主持会议。",
    "",
    "会议听取了保密办公室关于2026年度保密工作考核结果的通报。2026年度各二级单位均签订了保密工作责任书，涉密人员全部完成年度保密教育培训，未发生泄密事件。",
    "会议审议并原则通过了《2027年度保密工作要点》，要求各单位结合实际抓好落实。",
  ].join("\n"),
  decisions: [
    {
      text: "各二级单位于学期内完成一次保密自查，自查报告报保密办公室。",
      ownerUnit: "各二级单位",
      dueOn: "2027-06-30",
    },
    { text: "修订涉密载体管理办法，提交下次例会审议", ownerUnit: "保密办公室", dueOn: "2027-05-31" },
  ],
  signer: {
    name: "李明",
    signedAs: "delegate",
    delegationPurpose: "主持2027年春季学期例会并签发纪要",
    // 01:10 on 12 March in Beijing: still the 11th in UTC.
    signedAt: "2027-03-11T17:10:00.000Z",
    signature: SIGNATURE,
  },
  addenda: [
    {
      text: "经保密办公室核实，外国语学院自查报告的报送时限顺延至2027年7月10日，其余事项不变。",
      signerName: "李明",
      signedAt: "2027-04-02T02:00:00.000Z",
    },
  ],
  citation: "《实施细则》第十二条第（一）项",
};

const draft: MinutesDocument = { ...signed, number: null, signer: null, addenda: [] };

/** The text of a WordprocessingML part: its w:t runs, concatenated. */
function partText(docx: Buffer, name: string): string {
  const entry = zipEntries(docx)?.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the package`);
  const xml = entry.read(10_000_000).toString("utf8");
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("minutes numbering and issuer", () => {
  it("writes Chinese numerals as an office does", () => {
    expect([1, 2, 9, 10, 11, 20, 21, 99, 100, 101, 110].map(chineseNumeral)).toEqual([
      "一",
      "二",
      "九",
      "十",
      "十一",
      "二十",
      "二十一",
      "九十九",
      "一百",
      "一百零一",
      "一百一十",
    ]);
  });

  it("names the issuing body once, whether or not the committee name already carries the institution", () => {
    expect(issuerName(signed)).toBe("广东技术师范学院保密委员会");
    expect(issuerName({ ...signed, committeeName: "广东技术师范学院保密委员会" })).toBe("广东技术师范学院保密委员会");
  });
});

describe("minutes document", () => {
  let dir = "";
  let file: Buffer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-minutes-"));
    file = await minutesDocx(signed);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is a zip whose document part carries the masthead, the attendance, the decisions and the sign-off", () => {
    expect(file.subarray(0, 2).toString()).toBe("PK");
    const names = (zipEntries(file) ?? []).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/fontTable.xml"]));
    const xml = partText(file, "word/document.xml");
    for (const expected of [
      "广东技术师范学院保密委员会会议纪要",
      "保委纪〔2027〕1号",
      "2027年春季学期保密委员会例会",
      "时间：2027年3月10日",
      "地点：行政楼三楼第一会议室",
      "主持：李明（副主任，受主任委托）",
      "1.通报2026年度保密工作考核结果",
      "2.审议《2027年度保密工作要点》",
      "会议审议并原则通过了《2027年度保密工作要点》，要求各单位结合实际抓好落实。",
      "议定事项",
      "一、各二级单位于学期内完成一次保密自查，自查报告报保密办公室（责任单位：各二级单位；完成时限：2027年6月30日）。",
      "二、修订涉密载体管理办法，提交下次例会审议（责任单位：保密办公室；完成时限：2027年5月31日）。",
      "出席：李明（副主任）、陈红（委员，保密办公室主任）",
      "请假：王建国（主任，公务出差）、赵强（委员）",
      "列席：周丽（保密办公室）、孙伟（外国语学院）",
      "审定签发：李明（副主任，受主任委托：主持2027年春季学期例会并签发纪要）",
      "签发日期：2027年3月12日",
      `电子签名：${SIGNATURE.slice(0, 16)}…`,
      "补充纪要（一）",
      "外国语学院自查报告的报送时限顺延至2027年7月10日",
      "审定签发：李明　2027年4月2日",
      "（依据：《实施细则》第十二条第（一）项）",
      "广东技术师范学院保密委员会办公室",
      "2027年3月12日印发",
    ])
      expect(xml).toContain(expected);
    // Only the first 16 hex digits are printed; the whole signature is in the record.
    expect(xml).not.toContain(SIGNATURE);
    expect(xml).not.toContain("草稿");
    // Red masthead and separator; 黑体 named in the font table with its fallback.
    const raw = zipEntries(file)
      ?.find((e) => e.name === "word/document.xml")
      ?.read(10_000_000)
      .toString("utf8");
    expect(raw).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(raw).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
    const fonts = zipEntries(file)
      ?.find((e) => e.name === "word/fontTable.xml")
      ?.read(100_000)
      .toString("utf8");
    expect(fonts).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/>');
  });

  it("names a director's signature by the office alone", async () => {
    const director = await minutesDocx({
      ...signed,
      chairedBy: "王建国",
      signer: {
        name: "王建国",
        signedAs: "director",
        delegationPurpose: null,
        signedAt: signed.signer!.signedAt,
        signature: SIGNATURE,
      },
    });
    const xml = partText(director, "word/document.xml");
    expect(xml).toContain("审定签发：王建国（主任）");
    expect(xml).not.toContain("受主任委托：");
  });

  it("marks a draft as such in its title, number, sign-off, colophon and on every page", async () => {
    const docx = await minutesDocx(draft);
    const xml = partText(docx, "word/document.xml");
    expect(xml).toContain("2027年春季学期保密委员会例会（草稿）");
    expect(xml).toContain("（草稿，未编号）");
    expect(xml).toContain("审定签发：（草稿，待主任审定签发）");
    expect(xml).toContain("（草稿，未印发）");
    expect(xml).not.toContain("电子签名");
    expect(xml).not.toMatch(/\d日印发/);
    const headers = (zipEntries(docx) ?? []).filter((e) => /^word\/header\d+\.xml$/.test(e.name));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const header of headers) expect(partText(docx, header.name)).toContain("草稿");
  });

  it.skipIf(!tools)(
    `converts to PDF with the Chinese text intact${tools ? "" : ` (${SKIP_REASON})`}`,
    () => {
      const docx = path.join(dir, "minutes.docx");
      fs.writeFileSync(docx, file);
      // A profile of its own: a LibreOffice already running for the user must not swallow the conversion.
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx],
        { stdio: "ignore", timeout: 120_000 },
      );
      const pdf = path.join(dir, "minutes.pdf");
      const flat = squeeze(execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }));
      for (const expected of [
        "广东技术师范学院保密委员会会议纪要",
        "保委纪〔2027〕1号",
        "2027年春季学期保密委员会例会",
        "时间：2027年3月10日",
        "议定事项",
        "一、各二级单位于学期内完成一次保密自查",
        "（责任单位：保密办公室；完成时限：2027年5月31日）",
        "出席：李明（副主任）、陈红（委员，保密办公室主任）",
        "请假：王建国（主任，公务出差）、赵强（委员）",
        "列席：周丽（保密办公室）、孙伟（外国语学院）",
        "审定签发：李明（副主任，受主任委托：主持2027年春季学期例会并签发纪要）",
        `电子签名：${SIGNATURE.slice(0, 16)}…`,
        "补充纪要（一）",
        "《实施细则》第十二条第（一）项",
        "2027年3月12日印发",
        "—1—",
      ])
        expect(flat).toContain(expected);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      // A4 is 595 × 842 points.
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 84[12]/);
      if (process.env.BAOMI_SCREENSHOTS === "1" && has("pdftoppm")) {
        const prefix = path.join(dir, "page");
        execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
        fs.copyFileSync(`${prefix}.png`, SCREENSHOT);
      }
    },
    150_000,
  );
});
