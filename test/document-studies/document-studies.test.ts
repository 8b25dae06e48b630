/**
 * Documents received from above and their briefing and study through the API (实施细则第四条第（一）项、第十三条第（一）项):
 * the office registers a document for units A and B, raising the leader's obligation; A's head records A's session with
 * attendance (and only A's); the office records the institution-level briefing, which discharges the event's
 * obligation (and an open one of Art. 13(1)) with who presided frozen as responsible; closing ends recording (409);
 * bad input and markings change nothing; recorded sessions are final; the list exports as .xlsx.
 */
import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { testDialects } from "../databases.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";
import { openObligationRow } from "../obligations/open-obligation.js";

interface DocumentJson {
  id: string;
  status: string;
  completion: { required: number; held: number };
  units: {
    unit: { id: string; name: string };
    held: boolean;
    counts: { present: number; onLeave: number; absent: number };
  }[];
  institutionBriefing: { presidedBy: { name: string } } | null;
  sessions: { id: string; unit: { id: string }; counts: { present: number } }[];
  discharges: { dutyId: string; citation: string; status: string }[];
  citations: { citation: string }[];
  recordableUnits: { id: string; institutionLevel: boolean }[];
  abilities: { record: boolean; close: boolean };
}
interface ErrorJson {
  message: string;
  details?: { issues?: { field: string }[]; state?: string };
}
interface ListJson {
  items: { id: string; completion: { held: number }; citation: string; obligations: { fulfilled: number } }[];
}

describe.each(testDialects)("document studies on %s", (dialect) => {
  let w: ObligationWorld;
  let documentId = "";

  const register = (extra: Record<string, unknown> = {}) => ({
    issuer: "省国家保密局",
    documentNo: "粤保发〔2027〕3号",
    title: "关于做好2027年度保密宣传教育工作的通知",
    receivedOn: "2027-03-08",
    audience: "allStaff",
    requirement: "传达至全体教职工，并组织专题学习",
    summary: "部署本年度保密宣传教育月活动",
    unitIds: [w.units.a.id, w.units.b.id],
    dueOn: "2027-04-30",
    ...extra,
  });

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    w.setDay("2027-03-10");
  }, 120_000);
  afterAll(() => w.t.close());

  it("registers a document, raising the leader's obligation to organize its briefing; refuses bad input and markings", async () => {
    const office = await w.as("office");
    const missing = await office.post("/api/document-studies", register({ issuer: "" }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorJson>().message).toContain("body.issuer");
    expect(missing.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.issuer");
    const late = await office.post("/api/document-studies", register({ dueOn: "2027-03-01" }));
    expect(late.statusCode).toBe(400);
    expect(late.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.dueOn");
    const marked = await office.post("/api/document-studies", register({ summary: "附件为机密★10年文件" }));
    expect(marked.statusCode).toBe(400);
    expect(marked.json<ErrorJson>().message).toContain("机密★");
    expect((await (await w.as("headA")).post("/api/document-studies", register())).statusCode).toBe(403);
    expect((await office.get("/api/document-studies")).json<ListJson>().items).toEqual([]);
    expect(await w.app.db.kysely.selectFrom("obligation_event").select("id").execute()).toEqual([]);

    const created = await office.post("/api/document-studies", register());
    expect(created.statusCode).toBe(201);
    const doc = created.json<DocumentJson>();
    documentId = doc.id;
    expect(doc.completion).toEqual({ required: 2, held: 0 });
    expect(doc.citations.map((c) => c.citation)).toEqual(["第四条第（一）项", "第十三条第（一）项"]);
    expect(doc.discharges).toEqual([
      expect.objectContaining({ dutyId: "art4.1.document-briefing", citation: "第四条第（一）项", status: "open" }),
    ]);
    expect(doc.abilities).toEqual({ record: true, close: true });
    const again = await office.post("/api/document-studies", register());
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorJson>().message).toContain("已登记");
  });

  it("lets a unit head record only their own unit's session, with the unit's people as attendance", async () => {
    const headA = await w.as("headA");
    const seen = (await headA.get(`/api/document-studies/${documentId}`)).json<DocumentJson>();
    expect(seen.recordableUnits.map((u) => u.id)).toEqual([w.units.a.id]);
    expect(seen.abilities).toEqual({ record: true, close: false });
    const roster = await headA.get(`/api/document-studies/${documentId}/roster?unitId=${w.units.a.id}`);
    expect(roster.statusCode).toBe(200);
    expect(
      roster
        .json<{ people: { name: string }[] }>()
        .people.map((p) => p.name)
        .sort(),
    ).toEqual(["吴院长", "陈核心", "黄一般"].sort());
    expect((await headA.get(`/api/document-studies/${documentId}/roster?unitId=${w.units.b.id}`)).statusCode).toBe(403);

    const session = (unitId: string, extra: Record<string, unknown> = {}) => ({
      unitId,
      heldOn: "2027-03-09",
      place: "学院会议室",
      form: "collective",
      presidedBy: w.people.headA,
      attendance: [
        { personId: w.people.headA, kind: "present" },
        { personId: w.people.core, kind: "present" },
        { personId: w.people.general, kind: "onLeave", note: "外出培训" },
      ],
      ...extra,
    });
    expect((await headA.post(`/api/document-studies/${documentId}/sessions`, session(w.units.b.id))).statusCode).toBe(
      403,
    );
    expect(
      (await headA.post(`/api/document-studies/${documentId}/sessions`, session(w.units.root.id))).statusCode,
    ).toBe(403);
    const stranger = await headA.post(
      `/api/document-studies/${documentId}/sessions`,
      session(w.units.a.id, {
        attendance: [
          { personId: w.people.headA, kind: "present" },
          { personId: w.people.important, kind: "present" },
        ],
      }),
    );
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.attendance.1.personId");
    const early = await headA.post(
      `/api/document-studies/${documentId}/sessions`,
      session(w.units.a.id, { heldOn: "2027-03-01" }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.json<ErrorJson>().message).toContain("学习日期");
    const marked = await headA.post(
      `/api/document-studies/${documentId}/sessions`,
      session(w.units.a.id, { notes: "学习了秘密★5年的附件" }),
    );
    expect(marked.statusCode).toBe(400);
    expect(await w.app.db.kysely.selectFrom("document_study_session").select("id").execute()).toEqual([]);

    const done = await headA.post(`/api/document-studies/${documentId}/sessions`, session(w.units.a.id));
    expect(done.statusCode).toBe(201);
    const doc = done.json<DocumentJson>();
    expect(doc.completion).toEqual({ required: 2, held: 1 });
    expect(doc.units.find((u) => u.unit.id === w.units.a.id)).toMatchObject({
      held: true,
      counts: { present: 2, onLeave: 1, absent: 0 },
    });
    expect(doc.units.find((u) => u.unit.id === w.units.b.id)?.held).toBe(false);
    // A unit's own session is the completion the office follows, not the leader's briefing.
    expect(doc.discharges[0]?.status).toBe("open");
    expect(doc.institutionBriefing).toBeNull();
    await expect(
      sql`update document_study_session set place = 'x' where id = ${doc.sessions[0]?.id ?? ""}`.execute(
        w.app.db.kysely,
      ),
    ).rejects.toThrow();
  });

  it("discharges the leader's obligation, and an open one of Art. 13(1), by the institution-level briefing", async () => {
    const db = w.app.db.kysely;
    const { sha256 } = await activePolicy(db);
    const at = new Date().toISOString();
    const relayId = uuidv7();
    // Art. 13(1) is continuous: an institution that dates it has an open obligation of the office for the year.
    await db
      .insertInto("obligation")
      .values(
        openObligationRow({
          id: relayId,
          institutionId: w.units.root.id,
          dutyId: "art13.1.relay-and-measures",
          policyVersion: sha256,
          bearerRole: "secrecyOfficeUnit",
          bearerKey: `office:${w.units.root.id}`,
          bearerUnitId: w.units.office.id,
          bearerName: "保密办公室",
          year: 2027,
          at,
        }),
      )
      .execute();
    const office = await w.as("office");
    const res = await office.post(`/api/document-studies/${documentId}/sessions`, {
      unitId: w.units.root.id,
      heldOn: "2027-03-10",
      place: "行政楼第一会议室",
      form: "meeting",
      presidedBy: w.people.secLeader,
      notes: "分管保密工作的院领导传达文件精神，部署全院学习",
      attendance: [
        { personId: w.people.secLeader, kind: "present" },
        { personId: w.people.office, kind: "present" },
        { personId: w.people.headB, kind: "absent" },
      ],
    });
    expect(res.statusCode).toBe(201);
    const doc = res.json<DocumentJson>();
    expect(doc.institutionBriefing?.presidedBy.name).toBe("孙副书记");
    expect(doc.discharges.map((d) => [d.dutyId, d.status]).sort()).toEqual([
      ["art13.1.relay-and-measures", "fulfilled"],
      ["art4.1.document-briefing", "fulfilled"],
    ]);
    const briefing = await db
      .selectFrom("obligation")
      .select(["responsible", "record_kind"])
      .where("duty_id", "=", "art4.1.document-briefing")
      .executeTakeFirstOrThrow();
    expect(briefing.record_kind).toBe("documentStudy.held");
    expect(JSON.parse(briefing.responsible ?? "[]")).toEqual([
      expect.objectContaining({ name: "孙副书记", role: "secrecyLeader" }),
    ]);
    // The institution level is not a required unit: completion still counts A and B.
    expect(doc.completion).toEqual({ required: 2, held: 1 });
  });

  it("filters and exports the list; closing ends recording with a 409 naming the state", async () => {
    const headB = await w.as("headB");
    const list = await headB.get(`/api/document-studies?unitId=${w.units.b.id}&q=${encodeURIComponent("宣传教育")}`);
    expect(list.json<ListJson>().items).toEqual([
      expect.objectContaining({ id: documentId, completion: expect.objectContaining({ held: 1 }) as unknown }),
    ]);
    expect(list.json<ListJson>().items[0]?.citation).toBe("第四条第（一）项、第十三条第（一）项");
    expect((await headB.get("/api/document-studies?status=closed")).json<ListJson>().items).toEqual([]);
    expect((await (await w.as("core")).get(`/api/document-studies/${documentId}`)).statusCode).toBe(404);

    const office = await w.as("office");
    const file = await office.get("/api/document-studies/export?year=2027");
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("spreadsheetml");
    expect(file.rawPayload.subarray(0, 2).toString()).toBe("PK");

    expect((await headB.post(`/api/document-studies/${documentId}/close`, { note: "已全部传达" })).statusCode).toBe(
      403,
    );
    const closed = await office.post(`/api/document-studies/${documentId}/close`, { note: "各单位已传达学习" });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<DocumentJson>()).toMatchObject({ status: "closed", abilities: { record: false, close: false } });
    const twice = await office.post(`/api/document-studies/${documentId}/close`, { note: "再次办结" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorJson>().message).toContain("已办结");
    const late = await headB.post(`/api/document-studies/${documentId}/sessions`, {
      unitId: w.units.b.id,
      heldOn: "2027-03-10",
      place: "外国语学院会议室",
      form: "meeting",
      presidedBy: w.people.headB,
      attendance: [{ personId: w.people.headB, kind: "present" }],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorJson>()).toMatchObject({ details: { state: "closed" } });
    expect(late.json<ErrorJson>().message).toContain("已办结");
  });
});
