/**
 * Research topics through the API (实施细则第十二条第（三）项 调研制度): the office proposes a topic, records the
 * committee's approval, starts it, records findings, writes the report and concludes it, which discharges the open
 * obligation of the duty to research with the lead as responsible; steps out of order are 409s naming the status; bad
 * input is a 400 naming the field and changes nothing; marked text is refused; a concluded topic is final; the list
 * filters and exports.
 */
import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";
import { openObligationRow } from "../obligations/open-obligation.js";

interface TopicJson {
  id: string;
  status: string;
  statusName: string;
  title: string;
  year: number;
  lead: { id: string; name: string; unitName: string | null };
  team: { person: { name: string }; role: string; roleName: string }[];
  plan: { startsOn: string; endsOn: string; milestones: { title: string; dueOn: string }[] };
  approval: { approvedOn: string; note: string } | null;
  findings: { seq: number; text: string }[];
  findingCount: number;
  report: string | null;
  conclusion: { concludedOn: string; note: string } | null;
  cancelReason: string | null;
  article: { id: string; citation: string; text: string };
  obligations: { obligationId: string; dutyId: string; status: string }[];
  abilities: Record<string, boolean>;
}
interface ErrorJson {
  message: string;
  details?: { issues?: { field: string; message: string }[]; state?: string };
}
interface ListJson {
  items: { id: string; title: string; status: string }[];
}

const proposal = (w: ObligationWorld, overrides: Record<string, unknown> = {}) => ({
  title: "高校科研项目保密管理的新情况新问题研究",
  question: "近年来涉密科研项目增多，项目组人员流动频繁，保密管理存在薄弱环节，需要调查研究并提出改进措施。",
  leadPersonId: w.people.headA,
  memberIds: [w.people.core],
  plan: {
    text: "三月至四月走访各学院科研管理人员，五月汇总分析，六月形成调研报告。",
    startsOn: "2027-03-01",
    endsOn: "2027-06-30",
    milestones: [
      { title: "完成走访座谈", dueOn: "2027-04-30" },
      { title: "形成调研报告", dueOn: "2027-06-20" },
    ],
  },
  ...overrides,
});

describe.each(testDialects)("research topics on %s", (dialect) => {
  let w: ObligationWorld;
  let topicId = "";
  let obligationId = "";

  const count = async () =>
    Number(
      (
        await w.app.db.kysely
          .selectFrom("research_topic")
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    w.setDay("2027-03-01");
    // The duty is continuous (not materialized each year): an open obligation of it, as the engine would hold one.
    const { sha256 } = await activePolicy(w.app.db.kysely);
    const at = toInstant(w.clock());
    obligationId = uuidv7();
    await w.app.db.kysely
      .insertInto("obligation")
      .values(
        openObligationRow({
          id: obligationId,
          institutionId: w.units.root.id,
          dutyId: "art12.3.research",
          policyVersion: sha256,
          bearerRole: "committee",
          bearerKey: "committee",
          bearerUnitId: w.units.root.id,
          bearerName: "保密委员会",
          year: 2027,
          at,
        }),
      )
      .execute();
  }, 120_000);
  afterAll(() => w.t.close());

  it("runs a topic from proposal to 结题, refusing steps out of order, and discharges the open duty", async () => {
    let office = await w.as("office");
    const created = await office.post("/api/research", proposal(w));
    expect(created.statusCode).toBe(201);
    const topic = created.json<TopicJson>();
    topicId = topic.id;
    expect(topic).toMatchObject({
      status: "draft",
      statusName: "立项中",
      year: 2027,
      lead: { name: "吴院长", unitName: "计算机科学学院" },
      article: { id: "art12.3", citation: "第十二条第（三）项" },
      approval: null,
    });
    expect(topic.article.text).toContain("调研制度");
    expect(topic.team.map((m) => [m.person.name, m.roleName])).toEqual([
      ["吴院长", "负责人"],
      ["陈核心", "成员"],
    ]);
    expect(topic.plan.milestones).toHaveLength(2);
    expect(topic.abilities).toMatchObject({ edit: true, approve: true, start: false, conclude: false });
    // While it runs, the topic shows the open duty it will discharge.
    expect(topic.obligations).toEqual([expect.objectContaining({ obligationId, dutyId: "art12.3.research" })]);

    // Out of order: a 409 naming the status it is in, and nothing changes.
    const early = await office.post(`/api/research/${topicId}/conclude`, { note: "同意结题" });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorJson>().message).toContain("立项中");
    expect(early.json<ErrorJson>().details?.state).toBe("draft");
    expect(
      (await office.post(`/api/research/${topicId}/findings`, { text: "发现一项管理漏洞需要整改。" })).statusCode,
    ).toBe(409);

    const edited = await office.request("PUT", `/api/research/${topicId}`, proposal(w, { memberIds: [] }));
    expect(edited.statusCode).toBe(200);
    expect(edited.json<TopicJson>().team).toHaveLength(1);

    const approved = await office.post(`/api/research/${topicId}/approve`, {
      approvedOn: "2027-03-05",
      note: "经保密委员会2027年第1次例会研究同意立项",
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<TopicJson>()).toMatchObject({
      status: "approved",
      approval: { approvedOn: "2027-03-05" },
    });
    const late = await office.request("PUT", `/api/research/${topicId}`, proposal(w));
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorJson>().message).toContain("已立项");

    w.setDay("2027-03-10");
    office = await w.as("office");
    const started = await office.post(`/api/research/${topicId}/start`, {});
    expect(started.json<TopicJson>()).toMatchObject({ status: "inProgress" });
    const early2 = await office.request("PUT", `/api/research/${topicId}/report`, {
      report: "调研报告正文内容，调研报告正文内容，调研报告正文内容。",
    });
    expect(early2.statusCode).toBe(409);
    expect(early2.json<ErrorJson>().message).toContain("须先登记调研发现");

    for (const text of [
      "部分学院涉密科研项目组人员变动后未及时办理保密审查和脱密手续。",
      "科研人员对涉密科研成果发表前的保密审查程序了解不足。",
    ])
      expect((await office.post(`/api/research/${topicId}/findings`, { text })).statusCode).toBe(200);
    const report = await office.request("PUT", `/api/research/${topicId}/report`, {
      report: "一、基本情况。二、存在问题。三、对策建议：建立项目组人员变动报告制度，加强成果发表前的保密审查。",
    });
    expect(report.statusCode).toBe(200);
    expect(report.json<TopicJson>()).toMatchObject({
      status: "reported",
      findingCount: 2,
      findings: [{ seq: 1 }, { seq: 2 }],
    });

    w.setDay("2027-06-28");
    office = await w.as("office");
    const future = await office.post(`/api/research/${topicId}/conclude`, {
      concludedOn: "2027-07-30",
      note: "同意结题",
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.concludedOn");
    const concluded = await office.post(`/api/research/${topicId}/conclude`, {
      note: "经保密委员会审议，同意结题，调研报告提出的措施由保密办公室组织落实。",
    });
    expect(concluded.statusCode).toBe(200);
    const done = concluded.json<TopicJson>();
    expect(done).toMatchObject({
      status: "concluded",
      statusName: "已结题",
      conclusion: { concludedOn: "2027-06-28" },
    });
    expect(done.obligations).toEqual([
      expect.objectContaining({ obligationId, dutyId: "art12.3.research", status: "fulfilled" }),
    ]);
    expect(Object.values(done.abilities).every((a) => !a)).toBe(true);
    const obligation = await w.app.db.kysely
      .selectFrom("obligation")
      .select(["state", "record_kind", "record_id", "responsible"])
      .where("id", "=", obligationId)
      .executeTakeFirstOrThrow();
    expect(obligation).toMatchObject({
      state: "fulfilled",
      record_kind: "researchTopic.concluded",
      record_id: topicId,
    });
    expect(JSON.parse(obligation.responsible ?? "[]")).toEqual([
      expect.objectContaining({ personId: w.people.headA, name: "吴院长" }),
    ]);

    // Concluded is final: in the API and in the database.
    const cancel = await office.post(`/api/research/${topicId}/cancel`, { reason: "重复立项" });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json<ErrorJson>().message).toContain("已结题");
    await expect(
      sql`update research_topic set title = 'tampered' where id = ${topicId}`.execute(w.app.db.kysely),
    ).rejects.toThrow();
    await expect(sql`update research_finding set text = 'tampered'`.execute(w.app.db.kysely)).rejects.toThrow();
  });

  it("answers bad input with a 400 naming the field and changes nothing; refuses marked text", async () => {
    const office = await w.as("office");
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [proposal(w, { title: "" }), "body.title"],
      [proposal(w, { leadPersonId: uuidv7() }), "body.leadPersonId"],
      [proposal(w, { memberIds: [w.people.headA] }), "body.memberIds.0"],
      [
        proposal(w, { plan: { text: "计划内容足够长的一段文字。", startsOn: "2027-06-01", endsOn: "2027-03-01" } }),
        "body.plan.endsOn",
      ],
      [
        proposal(w, {
          plan: {
            text: "计划内容足够长的一段文字。",
            startsOn: "2027-03-01",
            endsOn: "2027-06-30",
            milestones: [{ title: "节点", dueOn: "2027-08-01" }],
          },
        }),
        "body.plan.milestones.0.dueOn",
      ],
      [proposal(w, { plan: { text: "短", startsOn: "2027-02-30", endsOn: "2027-06-30" } }), "body.plan"],
      [{ ...proposal(w), extra: 1 }, "body.extra"],
    ];
    for (const [body, field] of cases) {
      const res = await office.post("/api/research", body);
      expect(res.statusCode, field).toBe(400);
      const error = res.json<ErrorJson>();
      expect(error.details?.issues?.[0]?.field.startsWith(field), `${field}: ${JSON.stringify(error)}`).toBe(true);
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const marked = await office.post(
      "/api/research",
      proposal(w, { question: "研究涉及机密★10年的科研项目管理问题，需要调查研究。" }),
    );
    expect(marked.statusCode).toBe(400);
    expect(marked.json<ErrorJson>().message).toContain("机密★");
    expect(await count()).toBe(before);

    // A step's text goes through the guard as well; the topic stays where it was.
    const topic = (await office.post("/api/research", proposal(w))).json<TopicJson>();
    await office.post(`/api/research/${topic.id}/approve`, { approvedOn: "2027-03-05", note: "委员会同意立项" });
    await office.post(`/api/research/${topic.id}/start`, { startedOn: "2027-03-06" });
    const finding = await office.post(`/api/research/${topic.id}/findings`, {
      text: "某课题组将秘密★5年的材料存放在普通计算机上。",
    });
    expect(finding.statusCode).toBe(400);
    const after = (await office.get(`/api/research/${topic.id}`)).json<TopicJson>();
    expect(after).toMatchObject({ status: "inProgress", findingCount: 0 });
    const cancelled = await office.post(`/api/research/${topic.id}/cancel`, { reason: "与上级部署的专项调研重复" });
    expect(cancelled.json<TopicJson>()).toMatchObject({
      status: "cancelled",
      cancelReason: "与上级部署的专项调研重复",
    });
    expect(cancelled.json<TopicJson>().obligations).toEqual([]);
  });

  it("lists with filters and exports; a unit head reads but may not change; no grant sees nothing", async () => {
    const office = await w.as("office");
    await office.post(
      "/api/research",
      proposal(w, {
        title: "外语学院对外交流活动保密管理调研",
        leadPersonId: w.people.headB,
        memberIds: [],
        plan: { text: "走访外国语学院，了解对外交流中的保密管理。", startsOn: "2028-01-10", endsOn: "2028-05-30" },
      }),
    );
    const titles = async (query: string) =>
      (await office.get(`/api/research${query}`)).json<ListJson>().items.map((i) => i.title);
    expect(await titles("")).toHaveLength(3);
    expect(await titles("?year=2028")).toEqual(["外语学院对外交流活动保密管理调研"]);
    expect(await titles("?status=concluded")).toEqual(["高校科研项目保密管理的新情况新问题研究"]);
    expect(await titles(`?leadUnitId=${w.units.b.id}`)).toEqual(["外语学院对外交流活动保密管理调研"]);
    expect(await titles(`?q=${encodeURIComponent("对外交流")}`)).toEqual(["外语学院对外交流活动保密管理调研"]);
    expect(await titles(`?q=${encodeURIComponent("100%")}`)).toEqual([]);
    expect((await office.get("/api/research?limit=2")).json<{ nextCursor: string | null }>().nextCursor).not.toBeNull();

    const exported = await office.get(`/api/research/export?status=concluded`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("spreadsheetml");
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const { loadExcel } = await import("../../src/platform/documents/xlsx.js");
    const ExcelJS = await loadExcel();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe("课题名称");
    expect(sheet?.getRow(3).getCell(1).value).toBe("高校科研项目保密管理的新情况新问题研究");
    expect(sheet?.rowCount).toBe(3);

    const headA = await w.as("headA");
    expect((await headA.get(`/api/research/${topicId}`)).statusCode).toBe(200);
    expect((await headA.get("/api/research")).json<ListJson>().items).toHaveLength(3);
    const draft = (await headA.get("/api/research?status=draft")).json<ListJson>().items[0];
    const denied = await headA.request("PUT", `/api/research/${draft?.id}`, proposal(w));
    expect(denied.statusCode).toBe(403);
    expect((await headA.post("/api/research", proposal(w))).statusCode).toBe(403);
    const core = await w.as("core");
    expect((await core.get("/api/research")).json<ListJson>().items).toEqual([]);
    expect((await core.get(`/api/research/${topicId}`)).statusCode).toBe(404);
  });
});
