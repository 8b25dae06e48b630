/**
 * Discharging obligations: evidence submitted by the bearer and decided by the bearer's superior (or the policy's
 * approver; the secrecy office where that is vacant), waivers with a reason, and records — a signed responsibility
 * agreement fulfils the unit's agreement duty. Who was responsible is frozen when an obligation closes.
 */
import { createHash } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { testDialects } from "../databases.js";
import { type DetailJson, type ErrorJson, obligationWorld, type ObligationWorld } from "./fixtures.js";
import { openObligationRow } from "./open-obligation.js";

/** An open obligation of a unit head's duty for a half of 2027, as the engine would hold one. */
async function unitObligation(w: ObligationWorld, dutyId: string, unitId: string, periodId: "2027-H1" | "2027-H2") {
  const { sha256 } = await activePolicy(w.app.db.kysely);
  const at = toInstant(w.clock());
  const id = uuidv7();
  await w.app.db.kysely
    .insertInto("obligation")
    .values(
      openObligationRow({
        id,
        institutionId: w.units.root.id,
        dutyId,
        policyVersion: sha256,
        bearerRole: "unitHead",
        bearerUnitId: unitId,
        bearerName: "计算机科学学院",
        period: {
          id: periodId,
          kind: "half",
          startsOn: periodId === "2027-H1" ? "2027-01-01" : "2027-07-01",
          dueOn: periodId === "2027-H1" ? "2027-06-30" : "2027-12-31",
        },
        year: 2027,
        at,
      }),
    )
    .execute();
  return id;
}

const FILE = Buffer.from("2027年上半年保密检查记录\n检查范围：计算机科学学院\n结论：未发现问题\n", "utf8");
const upload = (content: Buffer = FILE, name = "检查记录.txt") => ({
  name,
  type: "text/plain",
  contentBase64: content.toString("base64"),
});

describe.each(testDialects)("discharging obligations on %s", (dialect) => {
  let w: ObligationWorld;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await obligationWorld(dialect);
    await w.materialize(2027);
    // Evidence decided by the bearer's superior: the unit head of A's duty to resolve its problems (continuous, so not
    // materialized: two obligations of it, as the engine would hold them). The member's half-yearly inspection is
    // discharged by a closed inspection since inspections landed (test/inspections).
    ids.h1 = await unitObligation(w, "art6.2.resolve-unit-issues", w.units.a.id, "2027-H1");
    ids.h2 = await unitObligation(w, "art6.2.resolve-unit-issues", w.units.a.id, "2027-H2");
    ids.plan = await w.obligation("art12.2.annual-plan");
    ids.midYear = await w.obligation("art12.2.mid-year-supervision");
    ids.agreementA = await w.obligation("art6.responsibility-agreement", { unitId: w.units.a.id });
    ids.agreementB = await w.obligation("art6.responsibility-agreement", { unitId: w.units.b.id });
  });
  afterAll(() => w.t.close());

  const db = () => w.app.db.kysely;
  const evidenceCount = async () =>
    Number(
      (
        await db()
          .selectFrom("obligation_evidence")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const row = (id: string | undefined) =>
    db()
      .selectFrom("obligation")
      .selectAll()
      .where("id", "=", id ?? "")
      .executeTakeFirstOrThrow();
  const detail = async (who: Parameters<ObligationWorld["as"]>[0], id: string | undefined) => {
    const res = await (await w.as(who)).get(`/api/obligations/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DetailJson>();
  };
  let evidenceId = "";

  it("lets the bearer submit evidence with a file; it waits for the bearer's superior", async () => {
    const before = await detail("headA", ids.h1);
    expect(before.responsible.map((h) => h.personId)).toEqual([w.people.headA]);
    // A unit head's superior is the first level above them: the leader whose business portfolio covers A.
    expect(before.approvers.map((h) => h.personId)).toEqual([w.people.bizLeader]);
    expect(before.abilities).toEqual({ submitEvidence: true, decide: false, waive: false });

    const res = await (
      await w.as("headA")
    ).post(`/api/obligations/${ids.h1}/evidence`, {
      summary: "已组织上半年分管范围保密检查",
      documentNo: "计院保〔2027〕3号",
      file: upload(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<DetailJson>();
    expect(view.status).toBe("open");
    expect(view.evidence).toMatchObject([
      {
        summary: "已组织上半年分管范围保密检查",
        documentNo: "计院保〔2027〕3号",
        decision: "pending",
        file: {
          name: "检查记录.txt",
          type: "text/plain",
          size: FILE.length,
          sha256: createHash("sha256").update(FILE).digest("hex"),
        },
      },
    ]);
    expect(view.abilities.submitEvidence).toBe(false);
    evidenceId = view.evidence[0]?.id ?? "";
    expect((await detail("bizLeader", ids.h1)).abilities).toEqual({ submitEvidence: false, decide: true, waive: true });
  });

  it("refuses a second submission while one is pending with 409", async () => {
    const res = await (await w.as("headA")).post(`/api/obligations/${ids.h1}/evidence`, { summary: "再次提交" });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorJson>().message).toContain("待审核");
    expect(await evidenceCount()).toBe(1);
  });

  it("lets only an approver decide: 403 to the office, 404 to another unit's head", async () => {
    const url = `/api/obligations/${ids.h1}/evidence/${evidenceId}/decision`;
    const byOffice = await (await w.as("office")).post(url, { decision: "approved" });
    expect(byOffice.statusCode).toBe(403);
    expect((await (await w.as("headB")).post(url, { decision: "approved" })).statusCode).toBe(404);
    expect((await (await w.as("headB")).get(`/api/obligations/${ids.h1}`)).statusCode).toBe(404);
    // The bearer may not approve their own evidence either.
    expect((await (await w.as("headA")).post(url, { decision: "approved" })).statusCode).toBe(403);
    expect((await row(ids.h1)).state).toBe("open");
    const denied = await db()
      .selectFrom("audit_entry")
      .select("result")
      .where("action", "=", "obligation.decide")
      .execute();
    expect(denied.map((d) => d.result)).toEqual(["denied", "denied"]);
  });

  it("serves the file byte-identical to whoever may read the obligation, 404 to others", async () => {
    const url = `/api/obligations/${ids.h1}/evidence/${evidenceId}/file`;
    for (const who of ["headA", "bizLeader", "office"] as const) {
      const res = await (await w.as(who)).get(url);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(FILE)).toBe(true);
      expect(res.headers["content-type"]).toContain("text/plain");
      expect(String(res.headers["content-disposition"])).toContain(encodeURIComponent("检查记录.txt"));
    }
    expect((await (await w.as("headB")).get(url)).statusCode).toBe(404);
    expect((await (await w.as("headA")).get(`/api/obligations/${ids.h1}/evidence/nope/file`)).statusCode).toBe(404);
  });

  it("returns evidence on rejection, then fulfils on approval and freezes who was responsible", async () => {
    const biz = await w.as("bizLeader");
    const rejected = await biz.post(`/api/obligations/${ids.h1}/evidence/${evidenceId}/decision`, {
      decision: "rejected",
      note: "请补充检查发现的问题清单",
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json<DetailJson>()).toMatchObject({
      status: "open",
      record: null,
      responsibleFrozen: false,
      evidence: [{ decision: "rejected", decisionNote: "请补充检查发现的问题清单", decidedBy: "赵副院长" }],
    });
    const again = await (
      await w.as("headA")
    ).post(`/api/obligations/${ids.h1}/evidence`, { summary: "已补充问题清单" });
    expect(again.statusCode, again.body).toBe(200);
    const second = again.json<DetailJson>().evidence.find((e) => e.decision === "pending")?.id ?? "";
    // A decision on evidence that is no longer pending is not found.
    const stale = await biz.post(`/api/obligations/${ids.h1}/evidence/${evidenceId}/decision`, {
      decision: "approved",
    });
    expect(stale.statusCode).toBe(404);

    const approved = await biz.post(`/api/obligations/${ids.h1}/evidence/${second}/decision`, { decision: "approved" });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<DetailJson>()).toMatchObject({
      status: "fulfilled",
      record: { kind: "evidence", id: second },
      closedBy: "赵副院长",
      responsibleFrozen: true,
      responsible: [{ personId: w.people.headA, name: "吴院长" }],
      abilities: { submitEvidence: false, decide: false, waive: false },
    });
    const stored = await row(ids.h1);
    expect(stored).toMatchObject({ state: "fulfilled", record_kind: "evidence", record_id: second });
    expect(JSON.parse(stored.responsible ?? "null")).toEqual([
      { personId: w.people.headA, name: "吴院长", role: "unitHead", acting: false },
    ]);
    const late = await (await w.as("headA")).post(`/api/obligations/${ids.h1}/evidence`, { summary: "迟到的材料" });
    expect(late.statusCode).toBe(409);
    expect(
      (await (await w.as("office")).post(`/api/obligations/${ids.h1}/waiver`, { reason: "无需再查" })).statusCode,
    ).toBe(409);
  });

  it("refuses a secrecy marking in the summary or the file with 400, storing nothing", async () => {
    const headA = await w.as("headA");
    const count = await evidenceCount();
    const inSummary = await headA.post(`/api/obligations/${ids.h2}/evidence`, { summary: "检查发现机密★5年文件一份" });
    expect(inSummary.statusCode).toBe(400);
    expect(inSummary.json<ErrorJson>()).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(inSummary.json<ErrorJson>().message).toContain("机密★5年");
    const inFile = await headA.post(`/api/obligations/${ids.h2}/evidence`, {
      summary: "检查记录见附件",
      file: upload(Buffer.from("第一行\n绝密★长期\n", "utf8"), "记录.txt"),
    });
    expect(inFile.statusCode).toBe(400);
    expect(await evidenceCount()).toBe(count);
    expect(
      await db()
        .selectFrom("evidence_file")
        .select("evidence_id")
        .execute()
        .then((r) => r.length),
    ).toBe(1);
    const refused = await db()
      .selectFrom("audit_entry")
      .select(["result", "object_id"])
      .where("action", "=", "marking.refused")
      .execute();
    expect(refused).toEqual([
      { result: "denied", object_id: ids.h2 },
      { result: "denied", object_id: ids.h2 },
    ]);
  });

  it("answers bad input with 400 naming the field, and changes nothing", async () => {
    const headA = await w.as("headA");
    const office = await w.as("office");
    const before = await row(ids.h2);
    const count = await evidenceCount();
    const cases: [string, Awaited<ReturnType<typeof headA.post>>][] = [
      ["body.summary", await headA.post(`/api/obligations/${ids.h2}/evidence`, { summary: "" })],
      ["body.summary", await headA.post(`/api/obligations/${ids.h2}/evidence`, { summary: "   " })],
      ["body.summary", await headA.post(`/api/obligations/${ids.h2}/evidence`, {})],
      [
        "body.file.contentBase64",
        await headA.post(`/api/obligations/${ids.h2}/evidence`, {
          summary: "见附件",
          file: { name: "a.txt", type: "text/plain", contentBase64: "" },
        }),
      ],
      ["body.reason", await office.post(`/api/obligations/${ids.h2}/waiver`, {})],
      ["body.reason", await office.post(`/api/obligations/${ids.h2}/waiver`, { reason: "短" })],
      [
        "body.decision",
        await (await w.as("bizLeader")).post(`/api/obligations/${ids.h2}/evidence/x/decision`, { decision: "ok" }),
      ],
    ];
    for (const [field, res] of cases) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<ErrorJson>().details.issues?.map((i) => i.field)).toContain(field);
    }
    const unknown = await headA.post(`/api/obligations/${ids.h2}/evidence`, { summary: "正常说明", extra: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(await row(ids.h2)).toEqual(before);
    expect(await evidenceCount()).toBe(count);
  });

  it("lets the secrecy office waive with a reason; a unit head may not", async () => {
    expect(
      (await (await w.as("headA")).post(`/api/obligations/${ids.h2}/waiver`, { reason: "下半年合并检查" })).statusCode,
    ).toBe(403);
    const res = await (
      await w.as("office")
    ).post(`/api/obligations/${ids.h2}/waiver`, { reason: "下半年并入全院检查" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DetailJson>()).toMatchObject({
      status: "waived",
      waiveReason: "下半年并入全院检查",
      closedBy: "王主任",
      responsibleFrozen: true,
      responsible: [{ personId: w.people.headA }],
    });
    expect(
      (await (await w.as("office")).post(`/api/obligations/${ids.h2}/waiver`, { reason: "再次豁免一次" })).statusCode,
    ).toBe(409);
  });

  it("fulfils the committee's plan duty by the director approving the plan, not by evidence", async () => {
    const view = await detail("office", ids.plan);
    expect(view.responsible.map((h) => h.personId)).toEqual([w.people.secretary]);
    // A duty a checked record discharges has no evidence path, hence no evidence approver.
    expect(view.approvers).toEqual([]);
    const byEvidence = await (
      await w.as("office")
    ).post(`/api/obligations/${ids.plan}/evidence`, { summary: "2027年度保密工作计划已经委员会研究通过" });
    expect(byEvidence.statusCode).toBe(403);
    const office = await w.as("office");
    const drafted = await office.request("PUT", "/api/supervision/2027/plan", {
      title: "2027年度保密工作计划",
      body: "一、加强保密宣传教育。二、开展保密检查。",
      items: [{ title: "开展全员保密教育培训", ownerUnitId: w.units.a.id, dueOn: "2027-09-30" }],
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const approved = await (
      await w.as("secretary")
    ).post("/api/supervision/2027/plan/approve", { password: w.accounts.secretary.password });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await detail("office", ids.plan)).toMatchObject({
      status: "fulfilled",
      record: { kind: "annualPlan.approved" },
      responsibleFrozen: true,
      responsible: [{ personId: w.people.secretary, name: "李书记" }],
    });
  });

  it("fulfils the unit's agreement duty when its head signs the year's agreement, at the next materialize", async () => {
    // A duty a checked record discharges takes no evidence.
    const byEvidence = await (
      await w.as("headB")
    ).post(`/api/obligations/${ids.agreementB}/evidence`, { summary: "已签订责任书" });
    expect(byEvidence.statusCode).toBe(403);
    const issued = await (
      await w.as("office")
    ).post("/api/agreements/batches", { year: 2027, templateId: "agreement.unit-head" });
    expect(issued.statusCode, issued.body).toBe(201);
    const forB = issued
      .json<{ issued: { id: string; unit: { id: string } }[] }>()
      .issued.find((i) => i.unit.id === w.units.b.id);
    expect(forB).toBeDefined();
    expect((await w.materialize()).fulfilledByRecords).toBe(0);
    const signed = await (
      await w.as("headB")
    ).post(`/api/agreements/${forB?.id}/sign`, { password: w.accounts.headB.password });
    expect(signed.statusCode, signed.body).toBe(200);
    const signedAt = signed.json<{ signedAt: string }>().signedAt;

    expect((await w.materialize()).fulfilledByRecords).toBe(1);
    const stored = await row(ids.agreementB);
    expect(stored).toMatchObject({
      state: "fulfilled",
      record_kind: "agreement.signed",
      record_id: forB?.id,
      closed_at: signedAt,
    });
    expect(await detail("headB", ids.agreementB)).toMatchObject({
      status: "fulfilled",
      record: { kind: "agreement.signed", id: forB?.id },
      responsibleFrozen: true,
      responsible: [{ personId: w.people.headB, name: "周院长" }],
    });
    expect((await row(ids.agreementA)).state).toBe("open");
    expect((await w.materialize()).fulfilledByRecords).toBe(0);
  });

  it("keeps who was responsible frozen after the unit head and the Party secretary change", async () => {
    const newHead = await w.addPerson("钱主任", w.units.b.id);
    const newSecretary = await w.addPerson("郑书记", w.units.root.id);
    const end = (personId: string, position: string, day: string) =>
      db()
        .updateTable("appointment")
        .set({ ends_on: day })
        .where("person_id", "=", personId)
        .where("position", "=", position)
        .execute();
    await end(w.people.headB, "UNIT_HEAD", "2027-03-01");
    await end(w.people.secretary, "PARTY_SECRETARY", "2027-03-01");
    await w.appoint(newHead, w.units.b.id, "UNIT_HEAD", "2027-03-02");
    await w.appoint(newSecretary, w.units.root.id, "PARTY_SECRETARY", "2027-03-02");
    w.setDay("2027-03-02");

    expect(await detail("office", ids.agreementB)).toMatchObject({
      responsibleFrozen: true,
      responsible: [{ personId: w.people.headB, name: "周院长" }],
    });
    expect(await detail("office", ids.plan)).toMatchObject({
      responsibleFrozen: true,
      responsible: [{ personId: w.people.secretary, name: "李书记" }],
    });
    // Open obligations answer to whoever holds the post today.
    expect(await detail("office", ids.midYear)).toMatchObject({
      responsibleFrozen: false,
      responsible: [{ personId: newSecretary, name: "郑书记" }],
      approvers: [],
    });
    // A cleared person's pledge (no record kept yet): the evidence goes to their unit's head of the day.
    const appointed = await (
      await w.as("office")
    ).post("/api/obligation-events", {
      event: "clearedPerson.appointed",
      unitId: w.units.b.id,
      personId: w.people.important,
      occurredAt: "2027-03-02T09:00:00+08:00",
      summary: "林重要到涉密岗位任职",
    });
    const pledge =
      appointed
        .json<{ obligations: { id: string; dutyId: string }[] }>()
        .obligations.find((o) => o.dutyId === "art7.pledge")?.id ?? "";
    expect((await detail("office", pledge)).approvers.map((h) => h.personId)).toEqual([newHead]);

    // With the director's seat vacant, the secrecy office decides on the committee's evidence (Art. 13.6): a committee
    // duty no record checks yet — the penalty opinion after an investigation (第九条第（四）项).
    await end(newSecretary, "PARTY_SECRETARY", "2027-03-02");
    w.setDay("2027-03-03");
    const office = await w.as("office");
    const raised = await office.post("/api/obligation-events", {
      event: "investigation.concluded",
      unitId: w.units.root.id,
      occurredAt: "2027-03-03T09:00:00+08:00",
      summary: "违规外发事件调查结束",
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const penalty =
      raised
        .json<{ obligations: { id: string; dutyId: string }[] }>()
        .obligations.find((o) => o.dutyId === "art9.4.penalty-opinion")?.id ?? "";
    const vacant = await detail("office", penalty);
    expect(vacant.approvers.map((h) => h.personId)).toEqual([w.people.office]);
    const submitted = await office.post(`/api/obligations/${penalty}/evidence`, { summary: "处理意见已提出" });
    const id = submitted.json<DetailJson>().evidence[0]?.id ?? "";
    // Four eyes: whoever submitted the evidence does not decide on it, approver or not.
    const own = await office.post(`/api/obligations/${penalty}/evidence/${id}/decision`, { decision: "approved" });
    expect(own.statusCode, own.body).toBe(403);
    // A secrecy officer joins the office: now someone other than the submitter can decide.
    await w.appoint(w.people.headB, w.units.office.id, "SECRECY_OFFICER", "2027-03-03");
    const officer = await w.as("headB");
    const approved = await officer.post(`/api/obligations/${penalty}/evidence/${id}/decision`, {
      decision: "approved",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<DetailJson>()).toMatchObject({ status: "fulfilled", responsible: [] });
  });
});
