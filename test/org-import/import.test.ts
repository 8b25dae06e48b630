import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XLSX_TYPE } from "../../src/platform/documents/xlsx.js";
import { testDialects } from "../databases.js";
import { type Client, createTestAccount, grantRole, seedOrg, signIn, type Org } from "../factories.js";
import { buildTestApp, testClock, type TestApp } from "../harness.js";
import { ensureImportRoutes, orgCounts, type RefusalBody, upload, workbookOf, type Sheets } from "./helpers.js";

describe.each(testDialects)("organization import on %s", (dialect) => {
  let t: TestApp;
  let org: Org;
  let office: Client;
  let officeA: Client;

  beforeAll(async () => {
    t = await buildTestApp(dialect, {}, { clock: testClock(new Date("2027-03-01T02:00:00Z")) });
    await ensureImportRoutes(t.app);
    org = await seedOrg(t.app);
    const db = t.app.db.kysely;
    await db.updateTable("unit").set({ code: "GPNU" }).where("id", "=", org.root.id).execute();
    await db.updateTable("unit").set({ code: "CS" }).where("id", "=", org.a.id).execute();
    const admin = await createTestAccount(t.app, { username: "i-secadmin", adminRole: "SECURITY_ADMIN" });
    const officer = await createTestAccount(t.app, { username: "i-office", unitId: org.root.id });
    const officerA = await createTestAccount(t.app, { username: "i-office-a", unitId: org.a.id });
    await grantRole(t.app, officer.id, "secrecyOffice", org.root.id, admin.id);
    await grantRole(t.app, officerA.id, "secrecyOffice", org.a.id, admin.id);
    office = await signIn(t.app, officer);
    officeA = await signIn(t.app, officerA);
    // An existing head of A, to clash with.
    const head = await office.post("/api/people", { name: "周主任", unitId: org.a.id, staffNo: "E001" });
    expect(head.statusCode, head.body).toBe(201);
    const appointed = await office.post("/api/appointments", {
      personId: head.json<{ id: string }>().id,
      unitId: org.a.id,
      position: "UNIT_HEAD",
      startsOn: "2026-01-01",
    });
    expect(appointed.statusCode, appointed.body).toBe(201);
  });
  afterAll(() => t.close());

  /** Uploads a file that must be refused; checks nothing changed and answers the error body. */
  async function refused(sheets: Sheets | Buffer, status = 400): Promise<RefusalBody> {
    const before = await orgCounts(t.app);
    const res = await upload(office, Buffer.isBuffer(sheets) ? sheets : await workbookOf(sheets));
    expect(res.statusCode, res.body).toBe(status);
    expect(await orgCounts(t.app)).toEqual(before);
    return res.json<RefusalBody>();
  }

  const where = (body: RefusalBody) => body.details.errors?.map((e) => `${e.sheet}!${e.row}:${e.field ?? ""}`);

  it("imports units, people and appointments, and the resolver and committee see them", async () => {
    const before = await orgCounts(t.app);
    const file = await workbookOf({
      units: [
        ["SECURITY_DEPT", "保卫处", "", "二级单位", "否"],
        ["LAB", "国家重点实验室", "", "", "是"],
        ["LAB_A", "实验室一组", "LAB", "", ""],
        ["se_dept", "软件工程研究所", "CS", "二级单位", "否"],
      ],
      people: [
        ["T001", "李书记", "GPNU"],
        ["T002", "郑处长", "SECURITY_DEPT"],
        ["T003", "钱主任", "LAB"],
        [20100123, "孙老师", "LAB_A"],
        ["T005", "赵所长", "SE_DEPT"],
      ],
      appointments: [
        ["T001", "GPNU", "PARTY_SECRETARY", "否", new Date(Date.UTC(2027, 3, 1)), null],
        ["T002", "SECURITY_DEPT", "UNIT_HEAD", "", "2025-01-01", ""],
        ["T003", "LAB", "单位主要负责人", "", "2026/9/1", ""],
        ["20100123", "LAB_A", "STAFF", "", "2026年9月1日", "2027-12-31"],
        ["T005", "SE_DEPT", "UNIT_HEAD", "是", "2027-01-01", null],
        ["E001", "LAB", "STAFF", "", "2027-01-01", null],
      ],
    });
    const res = await upload(office, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: 4, people: 5, appointments: 6 });
    const after = await orgCounts(t.app);
    expect(after).toEqual({
      units: (before.units ?? 0) + 4,
      people: (before.people ?? 0) + 5,
      appointments: (before.appointments ?? 0) + 6,
    });

    const db = t.app.db.kysely;
    const lab = await db.selectFrom("unit").selectAll().where("code", "=", "LAB").executeTakeFirstOrThrow();
    const labA = await db.selectFrom("unit").selectAll().where("code", "=", "LAB_A").executeTakeFirstOrThrow();
    const se = await db.selectFrom("unit").selectAll().where("code", "=", "SE_DEPT").executeTakeFirstOrThrow();
    expect(lab).toMatchObject({ parent_id: org.root.id, path: `${org.root.path}${lab.id}/`, classified: 1 });
    expect(labA).toMatchObject({ parent_id: lab.id, path: `${lab.path}${labA.id}/` });
    expect(se).toMatchObject({ parent_id: org.a.id, path: `${org.a.path}${se.id}/` });

    type Chain = { links: { level: string; holders: { personName: string; acting: boolean }[] }[] };
    const chain = (await office.get(`/api/responsibility/chain?unitId=${labA.id}&at=2027-05-01`)).json<Chain>();
    expect(chain.links[0]).toMatchObject({ level: "unitHead" });
    const seChain = (await office.get(`/api/responsibility/chain?unitId=${se.id}&at=2027-05-01`)).json<Chain>();
    expect(seChain.links[0]?.holders).toEqual([expect.objectContaining({ personName: "赵所长", acting: true })]);

    type Roster = { seats: { seat: string; basisName: string; holders: { personName: string }[] }[] };
    const roster = (await office.get(`/api/committee?institutionId=${org.root.id}&at=2027-05-01`)).json<Roster>();
    const director = roster.seats.find((s) => s.seat === "director");
    expect(director?.holders.map((h) => h.personName)).toEqual(["李书记"]);
    const members = roster.seats.filter((s) => s.seat === "member");
    expect(members.find((m) => m.basisName === "保卫处")?.holders.map((h) => h.personName)).toEqual(["郑处长"]);
    expect(members.find((m) => m.basisName === "国家重点实验室")?.holders.map((h) => h.personName)).toEqual(["钱主任"]);

    const audit = await db
      .selectFrom("audit_entry")
      .selectAll()
      .where("action", "=", "org.import")
      .executeTakeFirstOrThrow();
    expect(audit.result).toBe("success");
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ units: 4, people: 5, appointments: 6 });
    expect(audit.details).not.toContain("李书记");
  });

  it("refuses duplicate codes and staff numbers, in the file and against the system", async () => {
    const body = await refused({
      units: [
        ["NEW_ONE", "新单位一", "", "", ""],
        ["new_one", "新单位重复", "", "", ""],
        ["CS", "与系统重复", "", "", ""],
      ],
      people: [
        ["P100", "甲", "NEW_ONE"],
        ["P100", "乙", "NEW_ONE"],
        ["E001", "与系统重复", "CS"],
      ],
    });
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(where(body)).toEqual(["单位!3:单位代码", "单位!4:单位代码", "人员!3:工号", "人员!4:工号"]);
    expect(body.details.errors?.[0]?.message.zh).toBe(
      "工作表“单位”第 3 行“单位代码”：单位代码“NEW_ONE”与本表第 2 行重复",
    );
    expect(body.details.errors?.[0]?.column).toBe("A");
    expect(body.message).toContain("导入文件有 4 处错误，未导入任何数据");
  });

  it("refuses unknown parents, unknown units, unknown people, unknown positions, and cycles", async () => {
    const body = await refused({
      units: [
        ["ORPHAN", "孤儿单位", "NO_SUCH", "", ""],
        ["LOOP_A", "循环甲", "LOOP_B", "", ""],
        ["LOOP_B", "循环乙", "LOOP_A", "", ""],
      ],
      people: [["P200", "丙", "NOWHERE"]],
      appointments: [
        ["NOBODY", "CS", "STAFF", "", "2027-01-01", ""],
        ["E001", "CS", "GRAND_WIZARD", "", "2027-01-01", ""],
      ],
    });
    expect(where(body)).toEqual([
      "单位!2:上级单位代码",
      "单位!3:上级单位代码",
      "人员!2:所在单位代码",
      "任职!2:工号",
      "任职!3:职务代码",
    ]);
    expect(body.details.errors?.[0]?.message.zh).toContain("找不到上级单位“NO_SUCH”");
    expect(body.details.errors?.[1]?.message.zh).toContain("上级单位形成循环");
  });

  it("refuses impossible dates, in text and as Excel dates, and an end before the start", async () => {
    const body = await refused({
      appointments: [
        ["E001", "CS", "STAFF", "", "2027-02-30", ""],
        ["E001", "CS", "STAFF", "", new Date(Date.UTC(2027, 5, 1)), new Date(Date.UTC(2027, 0, 1))],
        ["E001", "CS", "STAFF", "", "明天", ""],
        ["E001", "CS", "STAFF", "", "", ""],
        ["E001", "CS", "STAFF", "", 99_999_999, ""],
      ],
    });
    expect(where(body)).toEqual([
      "任职!2:开始日期",
      "任职!3:结束日期",
      "任职!4:开始日期",
      "任职!5:开始日期",
      "任职!6:开始日期",
    ]);
    expect(body.details.errors?.[0]?.message.zh).toContain("日期 2027-02-30 不存在");
    expect(body.details.errors?.[1]?.message.zh).toContain("结束日期不能早于开始日期");
    expect(body.details.errors?.[3]?.message.zh).toContain("必填");
  });

  it("refuses overlapping appointments, within the file and against the system", async () => {
    const body = await refused({
      units: [["NEW_DEPT", "新设处", "", "", ""]],
      people: [
        ["P300", "丁", "NEW_DEPT"],
        ["P301", "戊", "NEW_DEPT"],
      ],
      appointments: [
        ["P300", "NEW_DEPT", "UNIT_HEAD", "", "2027-01-01", ""],
        ["P301", "NEW_DEPT", "UNIT_HEAD", "", "2027-06-01", "2027-12-31"],
        ["P300", "CS", "UNIT_HEAD", "", "2027-03-01", ""],
        // Many may hold STAFF, but not one person twice at once.
        ["P301", "NEW_DEPT", "STAFF", "", "2027-01-01", "2027-06-30"],
        ["P301", "NEW_DEPT", "STAFF", "", "2027-06-30", ""],
        ["P300", "NEW_DEPT", "STAFF", "", "2027-01-01", ""],
      ],
    });
    expect(where(body)).toEqual(["任职!3:开始日期", "任职!4:开始日期", "任职!6:开始日期"]);
    expect(body.details.errors?.[0]?.message.zh).toContain("与本表第 2 行的任职重叠");
    expect(body.details.errors?.[1]?.message.zh).toContain("与系统中现有任职重叠：周主任自 2026-01-01 至 今");
  });

  it("refuses over-long, control-character and formula-like strings", async () => {
    const body = await refused({
      units: [
        ["LONG_NAME", "长".repeat(101), "", "", ""],
        // Excel stores a control character as _xHHHH_; exceljs gives it back decoded.
        ["BELL", "响铃_x0007_单位", "", "", ""],
        ["BIDI", "反转\u202e单位", "", "", ""],
        ["FORMULA", "=cmd|' /c calc'!A1", "", "", ""],
        ["TAG", "<script>alert(1)</script>", "", "", ""],
        ["BAD-CODE", "坏代码", "", "", ""],
      ],
      people: [
        ["X".repeat(33), "己", "CS"],
        ["P400", "名".repeat(65), "CS"],
        ["P401", "庚", "CS"],
      ],
      appointments: [["P401", "CS", "STAFF", "也许", "2027-01-01", ""]],
    });
    expect(where(body)).toEqual([
      "单位!2:单位名称",
      "单位!3:单位名称",
      "单位!4:单位名称",
      "单位!5:单位名称",
      "单位!6:单位名称",
      "单位!7:单位代码",
      "人员!2:工号",
      "人员!3:姓名",
      "任职!2:代理",
    ]);
    expect(body.details.errors?.[0]?.message.zh).toContain("不能超过 100 个字符");
    expect(body.details.errors?.[1]?.message.zh).toContain("控制字符");
  });

  it("refuses a file with a secrecy marking anywhere, naming sheet, row and column, and audits it", async () => {
    const body = await refused({
      people: [
        ["P500", "辛", "CS"],
        ["P501", "机密★20年 名单", "CS"],
      ],
    });
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.message).toContain("本平台为非涉密信息系统，不得存储、处理国家秘密");
    expect(body.message).toContain("工作表“人员”第 3 行 B 列");
    expect(body.details.marking).toMatchObject({
      text: "机密★20年",
      level: "SECRET",
      place: { kind: "cell", sheet: "人员", row: 3, column: "B" },
    });
    const audit = await t.app.db.kysely
      .selectFrom("audit_entry")
      .selectAll()
      .where("action", "=", "marking.refused")
      .executeTakeFirstOrThrow();
    expect(audit.result).toBe("denied");
    expect(audit.details).toContain("机密★20年");
    expect(audit.details).not.toContain("名单");

    // Split over two cells, in a sheet that is not imported, in the document properties: refused all the same.
    const split = await refused({ people: [["P502", "壬", "CS"]], extra: { 备注: [["", "秘 密", "★ 10年"]] } });
    expect(split.details.marking?.place).toEqual({ kind: "cell", sheet: "备注", row: 1, column: "B" });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("人员").addRow(["工号", "姓名", "所在单位代码"]);
    workbook.subject = "绝密★长期";
    const props = await refused(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(props.details.marking).toMatchObject({ level: "TOP_SECRET", place: { kind: "properties" } });
  });

  it("lists every error up to 500 and counts the rest", async () => {
    const rows = Array.from({ length: 600 }, (_, i) => [`Q${i}`, "", "CS"]);
    const body = await refused({ people: rows });
    expect(body.details.errors).toHaveLength(500);
    expect(body.details).toMatchObject({ total: 600, omitted: 100 });
    expect(body.message).toContain("仅列出前 500 处");
  });

  it("refuses what is not a workbook of the template, and other bodies", async () => {
    const garbage = await refused(Buffer.from("this is not a zip"));
    expect(where(garbage)).toEqual(["文件!0:"]);
    const wrongSheets = await refused({ extra: { Sheet1: [["a", "b"]] } });
    expect(wrongSheets.details.errors?.[0]?.message.zh).toContain("请使用下载的导入模板");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("人员").addRow(["工号", "名字"]);
    const headers = await refused(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(where(headers)).toEqual(["人员!1:姓名", "人员!1:所在单位代码"]);
    const empty = await refused({ people: [] });
    expect(empty.details.errors?.[0]?.message.zh).toContain("没有可导入的数据行");

    const json = await office.post("/api/org/import", { units: [] });
    expect(json.statusCode).toBe(415);
    const big = await office.request("POST", "/api/org/import", Buffer.alloc(10 * 1024 * 1024 + 1), {
      "content-type": XLSX_TYPE,
    });
    expect(big.statusCode).toBe(413);
  });

  it("is for whoever manages the whole tree; the template for any organization manager", async () => {
    const file = await workbookOf({ people: [["P600", "癸", "CS"]] });
    const before = await orgCounts(t.app);
    expect((await upload(officeA, file)).statusCode).toBe(403);
    expect(await orgCounts(t.app)).toEqual(before);
    expect((await officeA.get("/api/org/import/template")).statusCode).toBe(200);
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/org/import",
      payload: file,
      headers: { "content-type": XLSX_TYPE },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("answers hostile files and cells with 200 or a 4xx, never a 5xx, and changes nothing when it refuses", async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom(
        "'; drop table person; --",
        "<script>alert(1)</script>",
        "\u0000",
        "机 密★20年",
        "=1+1",
        "𠀀".repeat(40),
      ),
    );
    const cell = fc.oneof(hostile, fc.integer(), fc.double(), fc.boolean(), fc.date(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.tuple(cell, cell, cell, cell), async ([staffNo, name, unit, date]) => {
        const file = await workbookOf({
          units: [[unit, name, "", "", ""]],
          people: [[staffNo, name, unit]],
          appointments: [[staffNo, unit, "STAFF", "", date, null]],
        });
        const before = await orgCounts(t.app);
        const res = await upload(office, file);
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode !== 200) expect(await orgCounts(t.app)).toEqual(before);
      }),
      { numRuns: 25 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
        const res = await upload(office, Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.from(bytes)]));
        expect(res.statusCode).toBe(400);
      }),
      { numRuns: 15 },
    );
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = (await office.get("/api/openapi.json")).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/org/import", "/api/org/import/template"]));
  });

  it("round-trips the template: download, fill in, import", async () => {
    const res = await office.get("/api/org/import/template");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["单位", "人员", "任职", "说明"]);
    const guide = workbook.getWorksheet("说明")?.getSheetValues().flat().map(String) ?? [];
    expect(guide).toEqual(expect.arrayContaining(["UNIT_HEAD", "PARTY_SECRETARY", "职务代码"]));
    workbook.getWorksheet("单位")?.addRow(["TPL_UNIT", "模板导入单位", "CS", "二级单位", "否"]);
    workbook.getWorksheet("人员")?.addRow(["T900", "模板导入人员", "TPL_UNIT"]);
    workbook
      .getWorksheet("任职")
      ?.addRow(["T900", "TPL_UNIT", "UNIT_HEAD", "否", new Date(Date.UTC(2027, 2, 1)), null]);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await upload(office, filled);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ units: 1, people: 1, appointments: 1 });
  });

  it("imports a 2,000-row file", async () => {
    const units = Array.from({ length: 20 }, (_, u) => [`BULK_${u}`, `批量单位${u}`, u === 0 ? "" : "BULK_0", "", ""]);
    const people = Array.from({ length: 2000 }, (_, i) => [`B${i}`, `批量人员${i}`, `BULK_${i % 20}`]);
    const appointments = Array.from({ length: 2000 }, (_, i) => [
      `B${i}`,
      `BULK_${i % 20}`,
      "STAFF",
      "",
      "2027-01-01",
      "",
    ]);
    const before = await orgCounts(t.app);
    const res = await upload(office, await workbookOf({ units, people, appointments }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: 20, people: 2000, appointments: 2000 });
    expect(await orgCounts(t.app)).toEqual({
      units: (before.units ?? 0) + 20,
      people: (before.people ?? 0) + 2000,
      appointments: (before.appointments ?? 0) + 2000,
    });
  });
});
