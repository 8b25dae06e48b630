/**
 * The regulations library through the API (实施细则第十三条第（四）项、第六条第（一）项): the implementing rules are each
 * institution's first entry; the office records a higher regulation (raising its event), drafts the institution's rule,
 * adopts it in answer (discharging the event's obligation), revises it (the old version stays, superseded and final);
 * a unit head keeps only their own unit's rules, whose adoption discharges the unit's open obligation; repeal; drafts
 * are hidden from readers; cleared persons read the rules; bad input, markings and illegal transitions change nothing.
 */
import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { testDialects } from "../databases.js";
import { grantRole } from "../factories.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";
import { openObligationRow } from "../obligations/open-obligation.js";

interface RegulationJson {
  id: string;
  title: string;
  documentNo: string | null;
  status: string;
  seed: boolean;
  level: string;
  versionNo: number | null;
  effectiveOn: string | null;
  citation: string;
  versions: {
    id: string;
    versionNo: number;
    kindName: string;
    superseded: boolean;
    current: boolean;
    text: string | null;
    file: { name: string } | null;
    changeSummary: string | null;
  }[];
  answers: { id: string }[];
  discharges: { dutyId: string; status: string }[];
  abilities: { edit: boolean; adopt: boolean; revise: boolean; repeal: boolean };
}
interface ListJson {
  items: { id: string; title: string; seed: boolean; status: string; level: string }[];
}
interface ErrorJson {
  message: string;
  details?: { issues?: { field: string }[]; state?: string };
}

const RULE_TEXT =
  "第一条 为加强学院涉密计算机和信息系统保密管理，根据有关规定，制定本办法。第二条 本办法适用于全院各单位。";

describe.each(testDialects)("regulations on %s", (dialect) => {
  let w: ObligationWorld;
  let ruleId = "";
  let higherId = "";

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    w.setDay("2027-03-10");
    await grantRole(w.app, w.accounts.core.id, "clearedPerson", w.units.a.id, w.admin.id);
  }, 120_000);
  afterAll(() => w.t.close());

  it("shows the implementing rules as each institution's first entry, once, readable by cleared persons", async () => {
    const core = await w.as("core");
    const [first, again] = await Promise.all([core.get("/api/regulations"), core.get("/api/regulations")]);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    const items = (await core.get("/api/regulations")).json<ListJson>().items;
    expect(items).toEqual([
      expect.objectContaining({ title: "广东技术师范学院保密工作责任制实施细则", seed: true, status: "inForce" }),
    ]);
    const seed = (await core.get(`/api/regulations/${items[0]?.id}`)).json<RegulationJson>();
    expect(seed).toMatchObject({
      documentNo: "广师保密〔2012〕14号",
      effectiveOn: "2012-10-25",
      citation: "第十三条第（四）项",
      abilities: { edit: false, adopt: false, revise: false, repeal: false },
    });
    expect(seed.versions[0]?.text).toContain("第四条　学院分管保密工作的院领导");
    expect(seed.versions[0]?.text).toContain("（一）及时组织传达学习上级有关保密工作的文件和指示精神");
    const office = await w.as("office");
    const revise = await office.post(`/api/regulations/${seed.id}/revise`, {
      effectiveOn: "2027-03-10",
      changeSummary: "试图修订实施细则",
      text: RULE_TEXT,
    });
    expect(revise.statusCode).toBe(409);
    expect(revise.json<ErrorJson>().message).toContain("实施细则");
    expect(
      (await core.post(`/api/regulations/${seed.id}/repeal`, { repealedOn: "2027-03-10", reason: "不再适用的规定" }))
        .statusCode,
    ).toBe(403);
  });

  it("records a higher regulation, raising the obligation to adopt or revise the institution's rules", async () => {
    const office = await w.as("office");
    const body = {
      issuer: "广东省国家保密局",
      documentNo: "粤保〔2027〕5号",
      title: "广东省涉密信息系统保密管理规定",
      issuedOn: "2027-03-01",
      summary: "对涉密信息系统的分级保护和日常管理提出新要求",
    };
    expect((await (await w.as("headA")).post("/api/higher-regulations", body)).statusCode).toBe(403);
    const created = await office.post("/api/higher-regulations", body);
    expect(created.statusCode).toBe(201);
    const higher = created.json<{ id: string; citation: string; obligations: { dutyId: string; status: string }[] }>();
    higherId = higher.id;
    expect(higher.citation).toBe("第十三条第（四）项");
    expect(higher.obligations).toEqual([expect.objectContaining({ dutyId: "art13.4.regulations", status: "open" })]);
    expect((await office.post("/api/higher-regulations", body)).statusCode).toBe(409);
  });

  it("drafts, adopts in answer (discharging the event's obligation), revises and keeps the old version final", async () => {
    const office = await w.as("office");
    const empty = await office.post("/api/regulations", { title: "学院涉密计算机保密管理办法", category: "network" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.text");
    const marked = await office.post("/api/regulations", {
      title: "学院涉密计算机保密管理办法",
      category: "network",
      text: `${RULE_TEXT}附件：机密★10年`,
    });
    expect(marked.statusCode).toBe(400);
    const badFile = await office.post("/api/regulations", {
      title: "学院涉密计算机保密管理办法",
      category: "network",
      file: { name: "办法.exe", type: "application/octet-stream", contentBase64: Buffer.from("MZ").toString("base64") },
    });
    expect(badFile.statusCode).toBe(400);
    expect((await office.get("/api/regulations")).json<ListJson>().items).toHaveLength(1);

    const created = await office.post("/api/regulations", {
      title: "学院涉密计算机保密管理办法",
      category: "network",
      text: RULE_TEXT,
    });
    expect(created.statusCode).toBe(201);
    ruleId = created.json<RegulationJson>().id;
    expect(created.json<RegulationJson>()).toMatchObject({ status: "draft", level: "institution", versionNo: 1 });
    // A draft is the office's: readers do not see it.
    expect((await (await w.as("core")).get(`/api/regulations/${ruleId}`)).statusCode).toBe(404);
    expect((await (await w.as("headA")).get("/api/regulations")).json<ListJson>().items).toHaveLength(1);

    const adopted = await office.post(`/api/regulations/${ruleId}/adopt`, {
      effectiveOn: "2027-03-15",
      documentNo: "广师保密〔2027〕2号",
      answers: [higherId],
    });
    expect(adopted.statusCode).toBe(200);
    const rule = adopted.json<RegulationJson>();
    expect(rule).toMatchObject({ status: "inForce", documentNo: "广师保密〔2027〕2号", effectiveOn: "2027-03-15" });
    expect(rule.answers.map((a) => a.id)).toEqual([higherId]);
    expect(rule.discharges).toEqual([expect.objectContaining({ dutyId: "art13.4.regulations", status: "fulfilled" })]);
    const again = await office.post(`/api/regulations/${ruleId}/adopt`, { effectiveOn: "2027-03-15" });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorJson>().message).toContain("现行有效");
    expect(
      (await office.request("PUT", `/api/regulations/${ruleId}`, { title: "改名", category: "network" })).statusCode,
    ).toBe(400);
    expect(
      (
        await office.request("PUT", `/api/regulations/${ruleId}`, {
          title: "学院涉密计算机管理办法",
          category: "network",
        })
      ).statusCode,
    ).toBe(409);

    const early = await office.post(`/api/regulations/${ruleId}/revise`, {
      effectiveOn: "2027-03-01",
      changeSummary: "增加移动存储介质管理条款",
      text: `${RULE_TEXT}第三条 移动存储介质实行登记管理。`,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.effectiveOn");
    const revised = await office.post(`/api/regulations/${ruleId}/revise`, {
      effectiveOn: "2027-06-01",
      changeSummary: "增加移动存储介质管理条款",
      file: {
        name: "涉密计算机保密管理办法（2027年修订）.txt",
        type: "text/plain",
        contentBase64: Buffer.from(`${RULE_TEXT}第三条 移动存储介质实行登记管理。`).toString("base64"),
      },
    });
    expect(revised.statusCode).toBe(200);
    const versions = revised.json<RegulationJson>().versions;
    expect(versions.map((v) => [v.versionNo, v.kindName, v.superseded, v.current])).toEqual([
      [2, "修订", false, true],
      [1, "制定", true, false],
    ]);
    expect(versions[1]?.text).toBe(RULE_TEXT);
    expect(versions[0]?.changeSummary).toBe("增加移动存储介质管理条款");
    const file = await (await w.as("core")).get(`/api/regulations/${ruleId}/versions/${versions[0]?.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.payload).toContain("移动存储介质实行登记管理");
    await expect(
      sql`update regulation_version set text = 'tampered' where id = ${versions[1]?.id ?? ""}`.execute(w.app.db.kysely),
    ).rejects.toThrow();
    await expect(
      sql`delete from regulation_version where id = ${versions[0]?.id ?? ""}`.execute(w.app.db.kysely),
    ).rejects.toThrow();
  });

  it("lets a unit head keep only their own unit's rules; adopting discharges the unit's open obligation; repeal", async () => {
    const db = w.app.db.kysely;
    const { sha256 } = await activePolicy(db);
    const at = new Date().toISOString();
    await db
      .insertInto("obligation")
      .values(
        openObligationRow({
          id: uuidv7(),
          institutionId: w.units.root.id,
          dutyId: "art6.1.unit-regulations",
          policyVersion: sha256,
          bearerRole: "unitHead",
          bearerUnitId: w.units.a.id,
          bearerName: "计算机科学学院",
          year: 2027,
          at,
        }),
      )
      .execute();
    const headA = await w.as("headA");
    const rule = { title: "计算机科学学院涉密科研项目保密管理细则", category: "activity", text: RULE_TEXT };
    expect((await headA.post("/api/regulations", rule)).statusCode).toBe(403);
    expect((await headA.post("/api/regulations", { ...rule, unitId: w.units.b.id })).statusCode).toBe(403);
    const created = await headA.post("/api/regulations", { ...rule, unitId: w.units.a.id });
    expect(created.statusCode).toBe(201);
    const id = created.json<RegulationJson>().id;
    expect(created.json<RegulationJson>()).toMatchObject({ level: "unit", citation: "第六条第（一）项" });
    expect((await (await w.as("headB")).get(`/api/regulations/${id}`)).statusCode).toBe(404);
    const answering = await headA.post(`/api/regulations/${id}/adopt`, {
      effectiveOn: "2027-03-10",
      answers: [higherId],
    });
    expect(answering.statusCode).toBe(400);
    expect(answering.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.answers");
    const adopted = await headA.post(`/api/regulations/${id}/adopt`, { effectiveOn: "2027-03-10" });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json<RegulationJson>().discharges).toEqual([
      expect.objectContaining({ dutyId: "art6.1.unit-regulations", status: "fulfilled" }),
    ]);
    const responsible = await db
      .selectFrom("obligation")
      .select("responsible")
      .where("duty_id", "=", "art6.1.unit-regulations")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(responsible.responsible ?? "[]")).toEqual([expect.objectContaining({ name: "吴院长" })]);
    // In force, A's rule is read across the institution; B's head may not change it.
    expect(
      (
        await (
          await w.as("headB")
        ).post(`/api/regulations/${id}/repeal`, { repealedOn: "2027-03-10", reason: "已不适用" })
      ).statusCode,
    ).toBe(403);
    expect(
      (await headA.post(`/api/regulations/${ruleId}/repeal`, { repealedOn: "2027-03-10", reason: "已不适用" }))
        .statusCode,
    ).toBe(403);
    const repealed = await headA.post(`/api/regulations/${id}/repeal`, {
      repealedOn: "2027-03-20",
      reason: "并入学院统一的保密管理办法",
    });
    expect(repealed.statusCode).toBe(200);
    expect(repealed.json<RegulationJson>()).toMatchObject({
      status: "repealed",
      abilities: { revise: false, repeal: false },
    });
    const twice = await headA.post(`/api/regulations/${id}/repeal`, { repealedOn: "2027-03-20", reason: "再次废止" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorJson>()).toMatchObject({ details: { state: "repealed" } });
    expect(twice.json<ErrorJson>().message).toContain("已废止");
    const revise = await headA.post(`/api/regulations/${id}/revise`, {
      effectiveOn: "2027-04-01",
      changeSummary: "恢复施行",
      text: RULE_TEXT,
    });
    expect(revise.statusCode).toBe(409);
  });

  it("filters and exports the library", async () => {
    const office = await w.as("office");
    const units = (await office.get("/api/regulations?level=unit")).json<ListJson>().items;
    expect(units.map((u) => u.status)).toEqual(["repealed"]);
    const inForce = (await office.get("/api/regulations?status=inForce")).json<ListJson>().items;
    expect(inForce.map((r) => r.seed)).toEqual([true, false]);
    const found = (await office.get(`/api/regulations?q=${encodeURIComponent("涉密计算机")}`)).json<ListJson>().items;
    expect(found.map((r) => r.id)).toEqual([ruleId]);
    const file = await office.get("/api/regulations/export?status=inForce");
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("spreadsheetml");
    expect(file.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const answered = await office.get("/api/higher-regulations?answered=true");
    expect(answered.json<{ items: { answeredBy: { regulationId: string } | null }[] }>().items).toEqual([
      expect.objectContaining({ answeredBy: expect.objectContaining({ regulationId: ruleId }) as unknown }),
    ]);
  });
});
