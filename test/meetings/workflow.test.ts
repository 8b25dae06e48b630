/**
 * A committee meeting through the API, from agenda call to signed minutes (实施细则第十二条第（一）项), with the rules:
 * only the director or a deputy under a delegation signs (第十条第（二）项); signed minutes are final; illegal steps are
 * 409s naming the status; concurrent sign-offs end as exactly one success; markings, wrong types and oversize files are
 * refused; decisions become tracked tasks; the semester's 例会 obligation is fulfilled, its signer frozen.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExcel } from "../../src/platform/documents/xlsx.js";
import { testDialects } from "../databases.js";
import { grantRole, PASSWORD } from "../factories.js";
import { obligationWorld, type ObligationWorld } from "../obligations/fixtures.js";

interface MeetingJson {
  id: string;
  status: string;
  statusName: string;
  minutesNumber: string | null;
  proposals: { id: string; title: string; status: string; position: number | null }[];
  materials: { id: string; name: string; size: number }[];
  attendance: { person: { name: string }; seat: string | null; kind: string }[];
  minutes: { decisions: { id: string; taskId: string | null }[] } | null;
  signer: { person: { name: string }; signedAs: string; delegation: { purpose: string } | null } | null;
  addenda: { id: string; signer: unknown }[];
  obligations: { dutyId: string; status: string }[];
  abilities: Record<string, boolean>;
}
interface ErrorJson {
  code: string;
  message: string;
  details?: { issues?: { field: string }[]; state?: string };
}

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe.each(testDialects)("committee meetings on %s", (dialect) => {
  let w: ObligationWorld;
  let meetingId: string;

  beforeAll(async () => {
    w = await obligationWorld(dialect);
    // The president sits as a deputy director (第八条); the grant lets them see the committee's meetings.
    await grantRole(w.app, w.accounts.president.id, "deputyDirector", w.units.root.id, w.admin.id);
    w.setDay("2027-03-01");
    await w.materialize(2027);
  }, 120_000);
  afterAll(() => w.t.close());

  const meeting = async (id = meetingId) => {
    const res = await (await w.as("office")).get(`/api/meetings/${id}`);
    expect(res.statusCode).toBe(200);
    return res.json<MeetingJson>();
  };

  it("runs a regular meeting from agenda call to signed minutes, and the semester's obligation is fulfilled", async () => {
    const office = await w.as("office");
    const created = await office.post("/api/meetings", {
      kind: "regular",
      title: "2027年春季学期保密委员会例会",
      plannedAt: "2027-03-20T09:00:00+08:00",
      place: "行政楼第一会议室",
    });
    expect(created.statusCode).toBe(201);
    meetingId = created.json<MeetingJson>().id;
    expect(created.json<MeetingJson>().obligations.map((o) => o.dutyId)).toContain("art12.1.regular-meeting");

    const call = await office.post(`/api/meetings/${meetingId}/agenda-call`, {
      deadline: "2027-03-10T17:00:00+08:00",
      note: "请各单位于3月10日前报送议题",
    });
    expect(call.json<MeetingJson>().status).toBe("agendaCall");

    const headA = await w.as("headA");
    const proposed = await headA.post(`/api/meetings/${meetingId}/proposals`, {
      unitId: w.units.a.id,
      title: "计算机学院涉密科研项目保密管理",
      summary: "汇报学院涉密科研项目保密管理情况",
    });
    expect(proposed.statusCode).toBe(201);
    // Another unit's head cannot propose for A.
    const foreign = await (
      await w.as("headB")
    ).post(`/api/meetings/${meetingId}/proposals`, {
      unitId: w.units.a.id,
      title: "代报议题",
      summary: "不应被接受",
    });
    expect(foreign.statusCode).toBe(403);
    const proposal = proposed.json<MeetingJson>().proposals[0]!;

    // Every proposal must be screened: leaving it out is refused, naming it.
    const unscreened = await office.request("PUT", `/api/meetings/${meetingId}/agenda`, {
      items: [{ title: "传达上级保密工作会议精神", unitId: w.units.office.id }],
    });
    expect(unscreened.statusCode).toBe(400);
    expect(unscreened.json<ErrorJson>().message).toContain("计算机学院涉密科研项目保密管理");
    const agenda = await office.request("PUT", `/api/meetings/${meetingId}/agenda`, {
      items: [{ title: "传达上级保密工作会议精神", unitId: w.units.office.id }, { proposalId: proposal.id }],
    });
    expect(agenda.statusCode).toBe(200);
    const set = agenda.json<MeetingJson>();
    expect(set.status).toBe("agendaSet");
    expect(set.proposals.find((p) => p.id === proposal.id)).toMatchObject({ status: "accepted", position: 2 });

    const material = await office.post(`/api/meetings/${meetingId}/materials`, {
      name: "会议议程.txt",
      type: "text/plain",
      contentBase64: b64("一、传达上级会议精神\n二、计算机学院汇报"),
    });
    expect(material.statusCode).toBe(201);
    const stored = material.json<MeetingJson>().materials[0]!;
    const download = await office.get(`/api/meetings/${meetingId}/materials/${stored.id}`);
    expect(download.body).toContain("计算机学院汇报");

    // Too early: the meeting has not taken place.
    const early = await office.request("PUT", `/api/meetings/${meetingId}/attendance`, {
      entries: [{ personId: w.people.secretary, kind: "present" }],
    });
    expect(early.statusCode).toBe(400);
    w.setDay("2027-03-20");
    const office2 = await w.as("office"); // a new session: the day moved past the idle limit
    const attended = await office2.request("PUT", `/api/meetings/${meetingId}/attendance`, {
      heldAt: "2027-03-20T09:00:00+08:00",
      entries: [
        { personId: w.people.secretary, kind: "present" },
        { personId: w.people.president, kind: "onLeave", note: "出差" },
        { personId: w.people.headA, kind: "present" },
        { personId: w.people.office, kind: "nonVoting" },
      ],
    });
    expect(attended.statusCode).toBe(200);
    const held = attended.json<MeetingJson>();
    expect(held.status).toBe("held");
    expect(held.attendance.find((a) => a.person.name === "李书记")).toMatchObject({
      seat: "director",
      kind: "present",
    });

    const minutes = await office2.request("PUT", `/api/meetings/${meetingId}/minutes`, {
      text: "会议传达了上级保密工作会议精神，听取了计算机学院涉密科研项目保密管理情况汇报。",
      decisions: [{ text: "计算机学院于6月底前完成涉密科研项目自查", ownerUnitId: w.units.a.id, dueOn: "2027-06-30" }],
    });
    expect(minutes.json<MeetingJson>().status).toBe("minutesDrafted");
    expect(minutes.json<MeetingJson>().abilities.signOff).toBe(false);
    const forDirector = await (await w.as("secretary")).get(`/api/meetings/${meetingId}`);
    expect(forDirector.json<MeetingJson>().abilities.signOff).toBe(true);

    // Only the director signs: the office, a unit head and a deputy without delegation are refused.
    for (const name of ["office", "headA", "president"] as const) {
      const refused = await (await w.as(name)).post(`/api/meetings/${meetingId}/sign`, { password: PASSWORD });
      expect(refused.statusCode, name).toBe(403);
    }
    const wrong = await (await w.as("secretary")).post(`/api/meetings/${meetingId}/sign`, { password: "错误的密码" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.password");

    // Two sign-offs at once: exactly one succeeds, the other is told the minutes are signed.
    const secretary = await w.as("secretary");
    const [first, second] = await Promise.all([
      secretary.post(`/api/meetings/${meetingId}/sign`, { password: PASSWORD }),
      secretary.post(`/api/meetings/${meetingId}/sign`, { password: PASSWORD }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const conflict = [first, second].find((r) => r.statusCode === 409)!;
    expect(conflict.json<ErrorJson>().message).toContain("纪要已签发");

    const signed = await meeting();
    expect(signed.status).toBe("signed");
    expect(signed.minutesNumber).toBe("保委纪〔2027〕1号");
    expect(signed.signer).toMatchObject({ person: { name: "李书记" }, signedAs: "director", delegation: null });
    expect(signed.minutes?.decisions[0]?.taskId).toBeTruthy();
    expect(signed.obligations).toEqual([
      expect.objectContaining({ dutyId: "art12.1.regular-meeting", status: "fulfilled" }),
    ]);

    const obligation = await w.app.db.kysely
      .selectFrom("obligation")
      .select(["state", "record_kind", "record_id", "responsible"])
      .where("duty_id", "=", "art12.1.regular-meeting")
      .where("state", "=", "fulfilled")
      .executeTakeFirstOrThrow();
    expect(obligation).toMatchObject({ record_kind: "meeting.minutesSigned", record_id: meetingId });
    expect(JSON.parse(obligation.responsible ?? "[]")).toEqual([
      expect.objectContaining({ name: "李书记", role: "director" }),
    ]);
  });

  it("keeps signed minutes final: edits are 409s naming the status, and the database refuses raw changes", async () => {
    const office = await w.as("office");
    const edit = await office.request("PUT", `/api/meetings/${meetingId}/minutes`, {
      text: "试图修改已签发的纪要正文内容。",
      decisions: [],
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json<ErrorJson>()).toMatchObject({ details: { state: "signed" } });
    expect(edit.json<ErrorJson>().message).toContain("纪要已签发");
    await expect(
      sql`update meeting set minutes_text = 'tampered' where id = ${meetingId}`.execute(w.app.db.kysely),
    ).rejects.toThrow();
    const again = await (await w.as("secretary")).post(`/api/meetings/${meetingId}/sign`, { password: PASSWORD });
    expect(again.statusCode).toBe(409);
  });

  it("corrects signed minutes by an addendum that a deputy signs under the director's delegation", async () => {
    const office = await w.as("office");
    const drafted = await office.post(`/api/meetings/${meetingId}/addenda`, {
      text: "更正：计算机学院自查完成时限调整为7月10日。",
    });
    expect(drafted.statusCode).toBe(201);
    const addendum = drafted.json<MeetingJson>().addenda[0]!;
    const refused = await (
      await w.as("president")
    ).post(`/api/meetings/${meetingId}/addenda/${addendum.id}/sign`, {
      password: PASSWORD,
    });
    expect(refused.statusCode).toBe(403);
    const delegation = await office.post("/api/committee/delegations", {
      institutionId: w.units.root.id,
      delegatePersonId: w.people.president,
      purpose: "主任出差期间审定签发会议纪要",
      startsOn: "2027-03-20",
      endsOn: "2027-03-31",
    });
    expect(delegation.statusCode).toBe(201);
    const signed = await (
      await w.as("president")
    ).post(`/api/meetings/${meetingId}/addenda/${addendum.id}/sign`, {
      password: PASSWORD,
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json<MeetingJson>().addenda[0]?.signer).toMatchObject({
      person: { name: "钱院长" },
      signedAs: "delegate",
      delegation: { purpose: "主任出差期间审定签发会议纪要" },
    });
  });

  it("follows a decision as a tracked task: progress, report, and a close by someone else", async () => {
    const headA = await w.as("headA");
    const list = await headA.get(`/api/tasks?meetingId=${meetingId}`);
    const [task] = list.json<{ items: { id: string; status: string; overdue: boolean }[] }>().items;
    expect(task).toMatchObject({ status: "open", overdue: false });
    // The decision is the school head's obligation (第六条第（一）项), due when the minutes say.
    const obligationOf = () =>
      w.app.db.kysely
        .selectFrom("obligation")
        .select(["state", "due_on", "bearer_role", "bearer_unit_id", "record_kind", "responsible"])
        .where("duty_id", "=", "art6.1.decision-task")
        .execute();
    expect(await obligationOf()).toEqual([
      expect.objectContaining({
        state: "open",
        due_on: "2027-06-30",
        bearer_role: "unitHead",
        bearer_unit_id: w.units.a.id,
      }),
    ]);
    expect((await headA.post(`/api/tasks/${task!.id}/progress`, { note: "已部署自查", percent: 40 })).statusCode).toBe(
      200,
    );
    expect(
      (await (await w.as("headB")).post(`/api/tasks/${task!.id}/progress`, { note: "越权", percent: 1 })).statusCode,
    ).toBe(403);
    const bad = await headA.post(`/api/tasks/${task!.id}/progress`, { note: "超出范围", percent: 140 });
    expect(bad.statusCode).toBe(400);
    expect((await headA.post(`/api/tasks/${task!.id}/report`, { summary: "自查已完成，未发现问题" })).statusCode).toBe(
      200,
    );
    const office = await w.as("office");
    const closed = await office.post(`/api/tasks/${task!.id}/close`, { note: "核查属实，予以办结" });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<{ status: string; history: unknown[] }>()).toMatchObject({ status: "closed" });
    const twice = await office.post(`/api/tasks/${task!.id}/close`, { note: "再次核销" });
    expect(twice.statusCode).toBe(409);
    const [fulfilled] = await obligationOf();
    expect(fulfilled).toMatchObject({ state: "fulfilled", record_kind: "assignedTask.completed" });
    // Who answered for it is the head who reported it done, not the office that closed it.
    expect(JSON.parse(fulfilled?.responsible ?? "[]")).toEqual([
      expect.objectContaining({ name: "吴院长", role: "unitHead" }),
    ]);
  });

  it("refuses markings, disallowed types and oversized files, changing nothing", async () => {
    const office = await w.as("office");
    const created = await office.post("/api/meetings", {
      kind: "extraordinary",
      title: "保密委员会临时会议",
      plannedAt: "2027-03-25T15:00:00+08:00",
      place: "行政楼第二会议室",
      reason: "研究处理一起违规外发事件",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<MeetingJson>().id;
    expect(created.json<MeetingJson>().obligations.map((o) => o.dutyId)).toContain("art12.1.extraordinary-meeting");
    const marked = await office.post(`/api/meetings/${id}/materials`, {
      name: "通报.txt",
      type: "text/plain",
      contentBase64: b64("机密★10年 某项目资料"),
    });
    expect(marked.statusCode).toBe(400);
    const exe = await office.post(`/api/meetings/${id}/materials`, {
      name: "tool.exe",
      type: "application/octet-stream",
      contentBase64: b64("MZ binary"),
    });
    expect(exe.statusCode).toBe(400);
    expect(exe.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.name");
    const disguised = await office.post(`/api/meetings/${id}/materials`, {
      name: "报告.pdf",
      type: "application/pdf",
      contentBase64: b64("not a pdf at all"),
    });
    expect(disguised.statusCode).toBe(400);
    const huge = await office.post(`/api/meetings/${id}/materials`, {
      name: "大文件.txt",
      type: "text/plain",
      contentBase64: Buffer.alloc(11 * 1024 * 1024, 0x41).toString("base64"),
    });
    expect([413, 400]).toContain(huge.statusCode);
    expect((await meeting(id)).materials).toEqual([]);
    const noReason = await office.post("/api/meetings", {
      kind: "extraordinary",
      title: "无事由的临时会议",
      plannedAt: "2027-03-26T15:00:00+08:00",
      place: "会议室",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorJson>().details?.issues?.[0]?.field).toBe("body.reason");
    // Out of order: minutes before the meeting was held.
    const early = await office.request("PUT", `/api/meetings/${id}/minutes`, { text: "尚未召开会议就起草纪要。" });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorJson>().message).toContain("筹备中");
  });

  it("shows meetings to those on the institution's branch, and not to an administrator", async () => {
    const headB = await w.as("headB");
    const list = await headB.get("/api/meetings");
    expect(list.json<{ items: unknown[] }>().items.length).toBeGreaterThanOrEqual(2);
    for (const [url, title] of [
      ["/api/meetings/export", "委员会会议"],
      ["/api/tasks/export", "督办事项"],
    ] as const) {
      const file = await (await w.as("office")).get(url);
      expect(file.headers["content-type"]).toContain("spreadsheetml");
      const workbook = new (await loadExcel()).Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getCell("A1").text).toContain(title);
      expect(sheet.rowCount).toBeGreaterThanOrEqual(3);
    }
    const detail = await headB.get(`/api/meetings/${meetingId}`);
    expect(detail.json<MeetingJson>().abilities).toMatchObject({ draftMinutes: false, addAddendum: false });
  });
});
