/**
 * The signed agreement as .docx, read by a real consumer: LibreOffice converts it to PDF and poppler's pdftotext
 * reads the text back. `BAOMI_SCREENSHOTS=1` also renders page 1 to docs/screenshots/agreement.png.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { signIn } from "../factories.js";
import { agreementWorld, type AgreementJson, type AgreementWorld, type IssueJson } from "./fixtures.js";

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
const SCREENSHOT = fileURLToPath(new URL("../../docs/screenshots/agreement.png", import.meta.url));

// Whitespace and the full-width space are layout, not text: line breaks fall wherever the page width puts them.
const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, "");

describe.each(testDialects)("agreement document on %s", (dialect) => {
  let w: AgreementWorld;
  let id = "";
  let dir = "";

  beforeAll(async () => {
    w = await agreementWorld(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-agreement-"));
    const issued = (
      await w.clients.office.post("/api/agreements/batches", { year: 2027, templateId: "agreement.unit-head" })
    ).json<IssueJson>();
    id = issued.issued.find((i) => i.unit.id === w.org.b.id)?.id ?? "";
    // Signed four days later (10:12 in Beijing): a fresh session, the first one has long timed out by then.
    w.clock.set(new Date("2027-03-05T02:12:00.000Z"));
    w.clients.headB = await signIn(w.t.app, w.accounts.headB);
    await w.clients.headB.post(`/api/agreements/${id}/sign`, { password: w.accounts.headB.password });
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await w.t.close();
  });

  it("downloads as .docx, audited as an export", async () => {
    const res = await w.clients.headB.get(`/api/agreements/${id}/document`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml.document");
    expect(String(res.headers["content-disposition"])).toContain("filename*=UTF-8''");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const audit = await w.t.app.db.kysely
      .selectFrom("audit_entry")
      .select(["result", "actor_account_id"])
      .where("action", "=", "agreement.export")
      .where("object_id", "=", id)
      .execute();
    expect(audit).toEqual([{ result: "success", actor_account_id: w.accounts.headB.id }]);
  });

  it.skipIf(!tools)(
    `converts to PDF with the title, unit, person and Chinese body intact${tools ? "" : ` (${SKIP_REASON})`}`,
    async () => {
      const agreement = (await w.clients.headB.get(`/api/agreements/${id}`)).json<AgreementJson>();
      const docx = path.join(dir, "agreement.docx");
      fs.writeFileSync(docx, (await w.clients.headB.get(`/api/agreements/${id}/document`)).rawPayload);
      // A profile of its own: a LibreOffice already running for the user must not swallow the conversion.
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx],
        { stdio: "ignore", timeout: 120_000 },
      );
      const pdf = path.join(dir, "agreement.pdf");
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const flat = squeeze(text);
      expect(flat).toContain("二级单位保密工作责任书");
      expect(flat).toContain("（2027年度）");
      expect(flat).toContain("外国语学院");
      expect(flat).toContain("周主任");
      for (const paragraph of agreement.paragraphs.filter((p) => !/（签字）|^签订日期/.test(p)))
        expect(flat).toContain(squeeze(paragraph));
      expect(flat).toContain("签订日期：2027年3月5日");
      expect(flat).toContain(agreement.signature ?? "no signature");
      expect(flat).toContain("—1—");
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      // A4 is 595 × 842 points.
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)?|Page size:\s+595(\.\d+)? x 842/);
      if (process.env.BAOMI_SCREENSHOTS === "1" && has("pdftoppm")) {
        const prefix = path.join(dir, "page");
        execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
        fs.copyFileSync(`${prefix}.png`, SCREENSHOT);
      }
    },
    150_000,
  );
});
