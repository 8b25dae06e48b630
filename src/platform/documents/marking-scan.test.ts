import zlib from "node:zlib";
import { Document, Footer, Packer, Paragraph, TextRun } from "docx";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { scanDocx, scanPdf, scanUpload, scanXlsx, xmlText } from "./marking-scan.js";

const docx = (runs: string[], footer?: string) =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          ...(footer ? { footers: { default: new Footer({ children: [new Paragraph(footer)] }) } } : {}),
          children: [
            new Paragraph("关于加强信息的机密性管理的通知"),
            new Paragraph({ children: runs.map((text) => new TextRun({ text, bold: text === "密" })) }),
          ],
        },
      ],
    }),
  );

const utf16Hex = (text: string) => Buffer.from(text, "utf16le").swap16().toString("hex").toUpperCase();

function pdf(info: string, content: Buffer): Buffer {
  const stream = zlib.deflateSync(content);
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.7\n1 0 obj\n<< /Title <FEFF${utf16Hex(info)}> >>\nendobj\n2 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`,
      "latin1",
    ),
    stream,
    Buffer.from("\nendstream\nendobj\ntrailer\n<< /Info 1 0 R >>\n%%EOF\n", "latin1"),
  ]);
}

describe("marking scan", () => {
  it("finds a marking in a .docx even when Word splits it over runs, and in footers", async () => {
    const split = scanDocx(await docx(["本文件", "机", "密", "★", "10年"]));
    expect(split).toMatchObject({ hit: { text: "机密★10年" }, place: { kind: "part", part: "word/document.xml" } });
    const footer = scanDocx(await docx(["普通内容"], "秘密★解密时间2030年1月1日"));
    expect(footer?.hit.text).toBe("秘密★解密时间2030年1月1日");
    expect(footer?.place).toMatchObject({ kind: "part" });
    expect(scanDocx(await docx(["保密工作", "秘密", "不加星号"]))).toBeNull();
  });

  it("finds a marking in an .xlsx cell, naming sheet, row and column, and in a sheet name", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("台账");
    sheet.addRow(["编号", "名称"]);
    sheet.addRow(["1", { richText: [{ text: "绝" }, { text: "密☆长期" }] }]);
    const found = await scanXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(found).toEqual({
      hit: { text: "绝密☆长期", index: 1, level: "TOP_SECRET" },
      place: { kind: "cell", sheet: "台账", row: 2, column: "B" },
    });
    const named = new ExcelJS.Workbook();
    named.addWorksheet("机密＊5年");
    expect((await scanUpload(Buffer.from(await named.xlsx.writeBuffer())))?.place).toEqual({
      kind: "sheetName",
      sheet: "机密＊5年",
    });
  });

  it("reads text in the encodings users save in, giving the line", async () => {
    const text = "第一行\r\n第二行 秘密★6个月\r\n";
    expect((await scanUpload(Buffer.from(text)))?.place).toEqual({ kind: "text", line: 2 });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect((await scanUpload(utf16))?.hit.text).toBe("秘密★6个月");
    expect(await scanUpload(Buffer.from("信息的机密性、完整性"))).toBeNull();
  });

  it("finds, best effort, markings in a PDF's metadata and compressed streams", async () => {
    const inInfo = pdf("秘密★5年", Buffer.from("BT (Hello) Tj ET"));
    expect(scanPdf(inInfo)).toMatchObject({ hit: { text: "秘密★5年" }, place: { kind: "pdf" } });
    const inStream = pdf("会议纪要", Buffer.from(`BT <FEFF${utf16Hex("机密★20年")}> Tj ET`));
    expect((await scanUpload(inStream))?.hit.text).toBe("机密★20年");
    expect(scanPdf(pdf("会议纪要", Buffer.from("BT (plain) Tj ET")))).toBeNull();
  });

  it("extracts XML text with runs joined, blocks apart, entities and Excel escapes decoded", () => {
    const xml =
      "<w:p><w:r><w:t>机</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>密&#x2605;</w:t></w:r></w:p><w:p><w:t>_x2605_</w:t></w:p>";
    expect(xmlText(xml).startsWith("机密★\n★\n")).toBe(true);
  });
});
