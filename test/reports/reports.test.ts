/**
 * Reports upward through the API (实施细则第十二条第（四）项): the plan report compiled from the plan, signed (numbered) by
 * the director and submitted to each body, each discharging its own obligation; a request needs a contact and raises
 * its event; signed text is final; two sign-offs at once end as one.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { PASSWORD } from "../factories.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";

interface ReportJson {
  id: string;
  status: string;
  title: string;
  body: string;
  number: string | null;
  attachments: string[];
  signer: { person: { name: string } } | null;
  obligations: { dutyId: string; period: string; status: string }[];
  abilities: { edit: boolean; sign: boolean; submit: boolean };
}
interface ErrorJson {
  message: string;
  details?: { issues?: { field: string }[]; state?: string };
}

describe.each(testDialects)("reports on %s", (dialect) => {
  let w: ObligationWorld;

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    w.setDay("2027-01-10");
    await w.materialize(2027);
    const office = await w.as("office");
    await office.request("PUT", "/api/supervision/2027/plan", {
      title: "2027年度保密工作计划",
      body: "一、加强保密宣传教育。二、开展保密检查。",
      items: [{ title: "开展全员保密教育培训", ownerUnitId: w.units.a.id, dueOn: "2027-06-30" }],
    });
  }, 120_000);
  afterAll(() => w.t.close());

  it("compiles, signs, numbers and submits the plan report to each body, discharging each body's obligation", async () => {
    const office = await w.as("office");
    const ids: string[] = [];
    for (const recipient of ["partyCommittee", "higherCommittee"]) {
      const created = await office.post("/api/reports", { kind: "planReport", recipient, year: 2027 });
      expect(created.statusCode).toBe(201);
      const report = created.json<ReportJson>();
      expect(report.title).toBe("关于报送2027年度保密工作计划的报告");
      expect(report.body).toContain("开展全员保密教育培训（责任单位：计算机科学学院；完成时限：2027-06-30）");
      expect(report.obligations).toEqual([expect.objectContaining({ dutyId: "art12.4.plan-report", status: "open" })]);
      ids.push(report.id);
    }
    // Not signed yet: cannot be submitted.
    const early = await office.post(`/api/reports/${ids[0]}/submit`, { note: "机要交换" });
    expect(early.statusCode).toBe(409);
    expect((await office.post(`/api/reports/${ids[0]}/sign`, { password: PASSWORD })).statusCode).toBe(403);

    const secretary = await w.as("secretary");
    const [a, b] = await Promise.all([
      secretary.post(`/api/reports/${ids[0]}/sign`, { password: PASSWORD }),
      secretary.post(`/api/reports/${ids[0]}/sign`, { password: PASSWORD }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const signed = (a.statusCode === 200 ? a : b).json<ReportJson>();
    expect(signed).toMatchObject({
      status: "signed",
      number: "保委〔2027〕1号",
      signer: { person: { name: "李书记" } },
    });
    expect(
      (await secretary.post(`/api/reports/${ids[1]}/sign`, { password: PASSWORD })).json<ReportJson>().number,
    ).toBe("保委〔2027〕2号");

    const edit = await office.request("PUT", `/api/reports/${ids[0]}`, {
      title: "改动已签发的报告",
      body: "改动已签发报告的正文内容",
    });
    expect(edit.statusCode).toBe(409);
    await expect(
      sql`update report set body = 'tampered' where id = ${ids[0]}`.execute(w.app.db.kysely),
    ).rejects.toThrow();

    const document = await office.get(`/api/reports/${ids[0]}/document`);
    expect(document.headers["content-type"]).toContain("wordprocessingml");
    expect(document.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const submitted = await office.post(`/api/reports/${ids[0]}/submit`, { note: "经机要交换报送院党委" });
    expect(submitted.statusCode).toBe(200);
    const rows = await w.app.db.kysely
      .selectFrom("obligation")
      .select(["period_id", "state"])
      .where("duty_id", "=", "art12.4.plan-report")
      .execute();
    expect(rows.map((r) => [r.period_id.split("@")[1], r.state]).sort()).toEqual([
      ["higherCommittee", "open"],
      ["partyCommittee", "fulfilled"],
    ]);
    await office.post(`/api/reports/${ids[1]}/submit`, { note: "电子公文报送" });
    const after = await w.app.db.kysely
      .selectFrom("obligation")
      .select("state")
      .where("duty_id", "=", "art12.4.plan-report")
      .execute();
    expect(after.every((r) => r.state === "fulfilled")).toBe(true);
  });

  it("needs a title, text and contact for a request, and its submission discharges the obligation its event raised", async () => {
    const office = await w.as("office");
    const noContact = await office.post("/api/reports", {
      kind: "request",
      recipient: "higherCommittee",
      year: 2027,
      title: "关于增设保密技术检查设备的请示",
      body: "为加强涉密计算机保密技术检查，拟购置检查设备一套，妥否，请批示。",
    });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.contact");
    const created = await office.post("/api/reports", {
      kind: "request",
      recipient: "higherCommittee",
      year: 2027,
      title: "关于增设保密技术检查设备的请示",
      body: "为加强涉密计算机保密技术检查，拟购置检查设备一套，妥否，请批示。",
      contact: { name: "王主任", phone: "020-38265000" },
    });
    expect(created.statusCode).toBe(201);
    const report = created.json<ReportJson>();
    expect(report.obligations).toEqual([
      expect.objectContaining({ dutyId: "art12.4.major-matter-report", status: "open" }),
    ]);
    await (await w.as("secretary")).post(`/api/reports/${report.id}/sign`, { password: PASSWORD });
    const done = await office.post(`/api/reports/${report.id}/submit`, { note: "机要交换" });
    expect(done.json<ReportJson>().obligations[0]?.status).toBe("fulfilled");
  });

  it("compiles the summary report from the year's records; refuses markings; hidden from unit heads", async () => {
    const office = await w.as("office");
    const summary = await office.post("/api/reports", {
      kind: "summaryReport",
      recipient: "partyCommittee",
      year: 2027,
    });
    expect(summary.json<ReportJson>().body).toContain("本年度应履行保密工作职责事项");
    const marked = await office.post("/api/reports", {
      kind: "majorMatter",
      recipient: "partyCommittee",
      year: 2027,
      title: "关于某事项的报告",
      body: "涉及机密★10年的内容不得录入本平台。",
    });
    expect(marked.statusCode).toBe(400);
    const headA = await w.as("headA");
    expect((await headA.get(`/api/reports/${summary.json<ReportJson>().id}`)).statusCode).toBe(404);
    expect((await headA.get("/api/reports")).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it("exports the list as filtered to .xlsx; a unit head's export is empty", async () => {
    const office = await w.as("office");
    const listed = (await office.get("/api/reports?kind=summaryReport")).json<{ items: ReportJson[] }>().items;
    expect(listed.length).toBeGreaterThan(0);
    const exported = await office.get("/api/reports/export?kind=summaryReport");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("spreadsheetml");
    const { loadExcel } = await import("../../src/platform/documents/xlsx.js");
    const ExcelJS = await loadExcel();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe("标题");
    const titles = Array.from({ length: listed.length }, (_, i) => sheet?.getRow(3 + i).getCell(1).value);
    expect(titles).toEqual(listed.map((r) => r.title));
    expect(sheet?.rowCount).toBe(2 + listed.length);
    const bad = await office.get("/api/reports/export?kind=poem");
    expect(bad.statusCode).toBe(400);

    const headA = await w.as("headA");
    const none = await headA.get("/api/reports/export");
    expect(none.statusCode).toBe(200);
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(none.rawPayload as unknown as ArrayBuffer);
    expect(empty.worksheets[0]?.rowCount).toBe(2);
  });
});
