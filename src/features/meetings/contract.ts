/**
 * Committee meetings and tracked tasks (实施细则第十二条第（一）项, 第九条第（三）项, 第十条第（二）项): request and response
 * schemas, shared with the web.
 */
import { z } from "zod";
import {
  ATTENDANCE_KINDS,
  MEETING_KINDS,
  MEETING_STATUSES,
  PROPOSAL_STATUSES,
  TASK_STATUSES,
} from "../../domain/meeting.js";
import { CalendarDateSchema, pageOf, PageQuerySchema } from "../../domain/paging.js";
import { DischargeSchema } from "../obligations/contract.js";

const IdSchema = z.string().min(1).max(64);
const InstantInput = z.iso.datetime({ offset: true, message: "须为带时区的日期时间，如 2027-03-10T09:00:00+08:00" });
const Named = z.object({ id: z.string(), name: z.string() });

/** A file sent inline (base64), as the evidence upload does: ≤ 10 MB, of an office or image type. */
export const UploadSchema = z.strictObject({
  name: z.string().trim().min(1, "请填写文件名").max(200, "文件名不超过 200 字"),
  type: z.string().max(200),
  contentBase64: z.string().min(1, "文件为空").max(14_000_000, "文件不超过 10 MB"),
});

export const CreateMeetingRequestSchema = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  title: z.string().trim().min(2, "请填写会议名称（至少 2 个字）").max(200, "会议名称不超过 200 字"),
  plannedAt: InstantInput,
  place: z.string().trim().min(1, "请填写会议地点").max(200, "会议地点不超过 200 字"),
  /** Defaults to the institution of the actor's scope. */
  institutionId: IdSchema.optional(),
  /** Why an extraordinary meeting is called (recorded as the event that raises its obligation). */
  reason: z.string().trim().max(1000, "召开事由不超过 1000 字").optional(),
});

export const AgendaCallRequestSchema = z.strictObject({
  deadline: InstantInput,
  note: z.string().trim().max(2000, "征集说明不超过 2000 字").optional(),
});

export const ProposeRequestSchema = z.strictObject({
  unitId: IdSchema,
  title: z.string().trim().min(2, "请填写议题名称（至少 2 个字）").max(200, "议题名称不超过 200 字"),
  summary: z.string().trim().min(2, "请填写议题说明（至少 2 个字）").max(4000, "议题说明不超过 4000 字"),
});

/** The agenda the office settles: accepted proposals in order, items of its own, and the reasons for the rest. */
export const SetAgendaRequestSchema = z.strictObject({
  items: z
    .array(
      z.union([
        z.strictObject({ proposalId: IdSchema }),
        z.strictObject({
          title: z.string().trim().min(2, "请填写议题名称").max(200, "议题名称不超过 200 字"),
          unitId: IdSchema,
        }),
      ]),
    )
    .min(1, "议程至少包含一项议题")
    .max(50, "议程不超过 50 项"),
  declined: z
    .array(
      z.strictObject({
        proposalId: IdSchema,
        reason: z.string().trim().min(2, "请填写未列入议程的理由").max(500, "理由不超过 500 字"),
      }),
    )
    .max(200)
    .default([]),
});

export const AttendanceRequestSchema = z.strictObject({
  heldAt: InstantInput.optional(),
  entries: z
    .array(
      z.strictObject({
        personId: IdSchema,
        kind: z.enum(ATTENDANCE_KINDS),
        note: z.string().trim().max(200, "备注不超过 200 字").optional(),
      }),
    )
    .min(1, "请至少登记一人的出席情况")
    .max(500),
});

export const MinutesRequestSchema = z.strictObject({
  text: z.string().trim().min(10, "纪要正文至少 10 个字").max(50_000, "纪要正文不超过 5 万字"),
  decisions: z
    .array(
      z.strictObject({
        text: z.string().trim().min(2, "请填写议定事项").max(1000, "议定事项不超过 1000 字"),
        ownerUnitId: IdSchema,
        dueOn: CalendarDateSchema,
      }),
    )
    .max(100, "议定事项不超过 100 项")
    .default([]),
});

/** Signing re-enters the signer's password, as signing an agreement does. */
export const SignRequestSchema = z.strictObject({
  password: z.string().min(1, "请输入密码以确认签发").max(1024),
});

export const AddendumRequestSchema = z.strictObject({
  text: z.string().trim().min(10, "补充纪要至少 10 个字").max(20_000, "补充纪要不超过 2 万字"),
});

export const CancelRequestSchema = z.strictObject({
  reason: z.string().trim().min(2, "请填写取消理由").max(1000, "理由不超过 1000 字"),
});

export const MeetingParamsSchema = z.strictObject({ id: IdSchema });
export const MeetingChildParamsSchema = z.strictObject({ id: IdSchema, childId: IdSchema });

export const MeetingListQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
});

const SignerSchema = z.object({
  person: Named,
  signedAs: z.enum(["director", "delegate"]),
  /** The delegation a deputy signed under (第十条第（二）项). */
  delegation: z.object({ id: z.string(), purpose: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable(),
  signedAt: z.string(),
  signature: z.string(),
});

export const MeetingSummarySchema = z.object({
  id: z.string(),
  institution: Named,
  kind: z.enum(MEETING_KINDS),
  kindName: z.string(),
  title: z.string(),
  status: z.enum(MEETING_STATUSES),
  statusName: z.string(),
  plannedAt: z.string(),
  place: z.string(),
  heldAt: z.string().nullable(),
  minutesNumber: z.string().nullable(),
  signedAt: z.string().nullable(),
  /** 第十二条第（一）项 / 第九条第（三）项. */
  citation: z.string(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;
export const MeetingListSchema = pageOf(MeetingSummarySchema);

export const ProposalSchema = z.object({
  id: z.string(),
  unit: Named,
  title: z.string(),
  summary: z.string(),
  proposedBy: z.string().nullable(),
  proposedAt: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  statusName: z.string(),
  position: z.number().int().nullable(),
  declineReason: z.string().nullable(),
});

export const MaterialSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const AttendanceSchema = z.object({
  person: Named,
  /** The committee seat the person held on the meeting day, if any (director / deputyDirector / member). */
  seat: z.string().nullable(),
  kind: z.enum(ATTENDANCE_KINDS),
  kindName: z.string(),
  note: z.string().nullable(),
});

export const DecisionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  text: z.string(),
  ownerUnit: Named,
  dueOn: z.string(),
  /** The tracked task it became at sign-off. */
  taskId: z.string().nullable(),
});

export const AddendumSchema = z.object({
  id: z.string(),
  text: z.string(),
  draftedAt: z.string(),
  signer: SignerSchema.nullable(),
  abilities: z.object({ sign: z.boolean() }),
});

/** An obligation the meeting discharges (or will, once signed). */

export const MeetingSchema = MeetingSummarySchema.extend({
  agendaCall: z.object({ deadline: z.string(), note: z.string().nullable() }).nullable(),
  proposals: z.array(ProposalSchema),
  materials: z.array(MaterialSchema),
  /** The committee on the meeting day, each seat with its attendance when recorded. */
  attendance: z.array(AttendanceSchema),
  minutes: z
    .object({ text: z.string(), draftedAt: z.string().nullable(), decisions: z.array(DecisionSchema) })
    .nullable(),
  signer: SignerSchema.nullable(),
  addenda: z.array(AddendumSchema),
  cancelReason: z.string().nullable(),
  obligations: z.array(DischargeSchema),
  abilities: z.object({
    openAgendaCall: z.boolean(),
    propose: z.boolean(),
    setAgenda: z.boolean(),
    attachMaterial: z.boolean(),
    recordAttendance: z.boolean(),
    draftMinutes: z.boolean(),
    signOff: z.boolean(),
    addAddendum: z.boolean(),
    cancel: z.boolean(),
  }),
});
export type MeetingView = z.infer<typeof MeetingSchema>;

export const CommitteeCandidatesSchema = z.object({
  /** Who sits on the committee on the meeting day, for the attendance form. */
  seats: z.array(z.object({ person: Named, seat: z.string(), seatName: z.string() })),
});

// ── Tracked tasks (督办) ─────────────────────────────────────────────────────────────────────────────────────

export const TaskListQuerySchema = PageQuerySchema.extend({
  status: z.enum(TASK_STATUSES).optional(),
  unitId: IdSchema.optional().describe("tasks owned by this unit's subtree"),
  meetingId: IdSchema.optional(),
  overdue: z.enum(["true", "false"]).optional(),
});

/**
 * A task assigned from above (上级交办, 第九条第（五）项) or to the secrecy office by the committee or the leaders
 * (第十三条第（十）项): recorded by the office, followed like any tracked task.
 */
export const AssignTaskRequestSchema = z.strictObject({
  origin: z.enum(["higher", "committee"]),
  assignedBy: z.string().trim().min(2, "请填写交办机关或交办人").max(100, "交办机关不超过 100 字"),
  documentNo: z.string().trim().max(100, "文号不超过 100 字").optional(),
  title: z.string().trim().min(2, "请填写交办任务").max(500, "交办任务不超过 500 字"),
  /** Defaults to the secrecy office. */
  ownerUnitId: IdSchema.optional(),
  dueOn: CalendarDateSchema,
  institutionId: IdSchema.optional(),
});

export const TaskSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** 交办机关 and 文号, for a task assigned rather than decided at a meeting or planned. */
  assignedBy: z.string().nullable(),
  documentNo: z.string().nullable(),
  ownerUnit: Named,
  dueOn: z.string(),
  status: z.enum(TASK_STATUSES),
  statusName: z.string(),
  overdue: z.boolean(),
  percent: z.number().int(),
  meeting: z.object({ id: z.string(), title: z.string(), minutesNumber: z.string().nullable() }).nullable(),
});
export const TaskListSchema = pageOf(TaskSummarySchema);

export const TaskSchema = TaskSummarySchema.extend({
  reportSummary: z.string().nullable(),
  reportedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  history: z.array(
    z.object({
      kind: z.enum(["progress", "report", "close", "reopen"]),
      note: z.string(),
      percent: z.number().int().nullable(),
      by: z.string().nullable(),
      at: z.string(),
    }),
  ),
  abilities: z.object({ progress: z.boolean(), report: z.boolean(), close: z.boolean(), reopen: z.boolean() }),
});
export type TaskView = z.infer<typeof TaskSchema>;

export const TaskProgressRequestSchema = z.strictObject({
  note: z.string().trim().min(2, "请填写进展情况").max(2000, "进展情况不超过 2000 字"),
  percent: z.number().int().min(0, "完成比例须在 0–100 之间").max(100, "完成比例须在 0–100 之间"),
});

export const TaskReportRequestSchema = z.strictObject({
  summary: z.string().trim().min(4, "请填写办结情况（至少 4 个字）").max(4000, "办结情况不超过 4000 字"),
});

export const TaskDecisionRequestSchema = z.strictObject({
  note: z.string().trim().min(2, "请填写核销或退回意见").max(1000, "意见不超过 1000 字"),
});
