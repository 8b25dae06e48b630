/** Meetings, materials, addenda and tracked tasks inserted directly, for the authorization matrix's rows. */
import { type FastifyInstance } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { type MeetingStatus, type TaskStatus } from "../../src/domain/meeting.js";
import { toInstant } from "../../src/platform/db/instants.js";

export interface MeetingFixtures {
  /** A regular meeting of the institution in this status (an agenda call open until far ahead). */
  meeting(status: MeetingStatus): Promise<string>;
  /** A meeting with one material; returns both ids. */
  material(): Promise<{ meetingId: string; materialId: string }>;
  /** Signed minutes with an unsigned addendum; returns both ids. */
  addendum(): Promise<{ meetingId: string; addendumId: string }>;
  /** A tracked task owned by the unit, in this status. */
  task(ownerUnitId: string, status: TaskStatus): Promise<string>;
  /** A plan report to the Party committee, in this status. */
  report(status: "draft" | "signed"): Promise<string>;
}

export function meetingFixtures(app: FastifyInstance, institutionId: string, personId: string): MeetingFixtures {
  const db = app.db.kysely;
  const at = toInstant(app.clock());
  let sequence = 0;
  const meeting = async (status: MeetingStatus) => {
    const id = uuidv7();
    const signed = status === "signed";
    await db
      .insertInto("meeting")
      .values({
        id,
        institution_id: institutionId,
        kind: "regular",
        title: "矩阵测试例会",
        status,
        year: 2027,
        planned_at: "2027-02-27T01:00:00.000Z",
        place: "会议室",
        agenda_call_deadline: "2099-01-01T00:00:00.000Z",
        agenda_call_note: null,
        held_at: ["held", "minutesDrafted", "signed"].includes(status) ? "2027-02-27T01:00:00.000Z" : null,
        minutes_text: ["minutesDrafted", "signed"].includes(status) ? "会议纪要正文，供矩阵测试使用。" : null,
        minutes_drafted_by: null,
        minutes_drafted_at: null,
        minutes_sequence: signed ? ++sequence + 100 : null,
        signed_by_account: null,
        signed_by_person: signed ? personId : null,
        signed_as: signed ? "director" : null,
        delegation_id: null,
        signed_at: signed ? at : null,
        signature: signed ? "0".repeat(64) : null,
        cancel_reason: null,
        event_id: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  };
  return {
    meeting,
    material: async () => {
      const meetingId = await meeting("agendaSet");
      const materialId = uuidv7();
      await db
        .insertInto("meeting_material")
        .values({
          id: materialId,
          meeting_id: meetingId,
          name: "议程.txt",
          type: "text/plain; charset=utf-8",
          size: 6,
          sha256: "0".repeat(64),
          content: Buffer.from("议程"),
          uploaded_by: null,
          uploaded_at: at,
        })
        .execute();
      return { meetingId, materialId };
    },
    addendum: async () => {
      const meetingId = await meeting("signed");
      const addendumId = uuidv7();
      await db
        .insertInto("meeting_addendum")
        .values({
          id: addendumId,
          meeting_id: meetingId,
          text: "补充纪要正文，供矩阵测试使用。",
          drafted_by: null,
          drafted_at: at,
          signed_by_account: null,
          signed_by_person: null,
          signed_as: null,
          delegation_id: null,
          signed_at: null,
          signature: null,
        })
        .execute();
      return { meetingId, addendumId };
    },
    report: async (status) => {
      const id = uuidv7();
      const signed = status === "signed";
      await db
        .insertInto("report")
        .values({
          id,
          institution_id: institutionId,
          year: 2027,
          kind: "planReport",
          recipient: "partyCommittee",
          status,
          title: "关于报送2027年度保密工作计划的报告",
          body: "报告正文，供矩阵测试使用。",
          attachments: "[]",
          contact: null,
          number_prefix: "保委",
          number_sequence: signed ? ++sequence + 100 : null,
          event_id: null,
          signed_by_account: null,
          signed_by_person: signed ? personId : null,
          signed_as: signed ? "director" : null,
          delegation_id: null,
          signed_at: signed ? at : null,
          signature: signed ? "0".repeat(64) : null,
          submitted_by: null,
          submitted_at: null,
          submitted_note: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    },
    task: async (ownerUnitId, status) => {
      const id = uuidv7();
      await db
        .insertInto("tracked_task")
        .values({
          id,
          institution_id: institutionId,
          meeting_id: null,
          decision_id: null,
          title: "矩阵测试督办事项",
          owner_unit_id: ownerUnitId,
          due_on: "2027-06-30",
          status,
          report_summary: status === "open" ? null : "已办结",
          reported_by: null,
          reported_at: status === "open" ? null : at,
          closed_by: null,
          closed_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    },
  };
}
