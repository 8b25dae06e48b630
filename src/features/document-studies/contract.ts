/**
 * Documents received from higher authorities and their briefing and study (上级来文与传达学习, 实施细则第四条第（一）项、
 * 第十三条第（一）项): request and response schemas, shared with the web.
 */
import { z } from "zod";
import { CalendarDateSchema, pageOf, PageQuerySchema } from "../../domain/paging.js";
import { DischargeSchema } from "../obligations/contract.js";

export const DOCUMENT_AUDIENCES = ["allStaff", "cadres", "unitHeads", "clearedPersons", "other"] as const;
export type DocumentAudience = (typeof DOCUMENT_AUDIENCES)[number];
export const DOCUMENT_STATUSES = ["open", "closed"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const STUDY_FORMS = ["meeting", "collective", "lecture", "selfStudy", "online"] as const;
export type StudyForm = (typeof STUDY_FORMS)[number];
export const STUDY_ATTENDANCE_KINDS = ["present", "onLeave", "absent"] as const;
export type StudyAttendanceKind = (typeof STUDY_ATTENDANCE_KINDS)[number];

/** 传达范围: to whom the document is to be relayed. */
export const AUDIENCE_NAMES: Record<DocumentAudience, { zh: string; en: string }> = {
  allStaff: { zh: "传达至全体教职工", en: "All staff" },
  cadres: { zh: "传达至处级以上干部", en: "Cadres at division level and above" },
  unitHeads: { zh: "传达至各单位负责人", en: "Unit heads" },
  clearedPersons: { zh: "传达至涉密人员", en: "Cleared persons" },
  other: { zh: "其他（见传达要求）", en: "Other (see the requirement)" },
};
export const DOCUMENT_STATUS_NAMES: Record<DocumentStatus, { zh: string; en: string }> = {
  open: { zh: "传达学习中", en: "Being studied" },
  closed: { zh: "已办结", en: "Closed" },
};
export const STUDY_FORM_NAMES: Record<StudyForm, { zh: string; en: string }> = {
  meeting: { zh: "会议传达", en: "Briefing at a meeting" },
  collective: { zh: "集中学习", en: "Group study" },
  lecture: { zh: "专题辅导", en: "Lecture" },
  selfStudy: { zh: "自学", en: "Self-study" },
  online: { zh: "网络学习", en: "Online study" },
};
export const STUDY_ATTENDANCE_NAMES: Record<StudyAttendanceKind, { zh: string; en: string }> = {
  present: { zh: "出席", en: "Present" },
  onLeave: { zh: "请假", en: "On leave" },
  absent: { zh: "缺席", en: "Absent" },
};

const IdSchema = z.string().min(1).max(64);
const Named = z.object({ id: z.string(), name: z.string() });

export const RegisterDocumentRequestSchema = z.strictObject({
  issuer: z.string().trim().min(2, "请填写来文单位").max(100, "来文单位不超过 100 字"),
  documentNo: z.string().trim().min(2, "请填写来文文号").max(60, "文号不超过 60 字"),
  title: z.string().trim().min(4, "请填写文件标题（至少 4 个字）").max(200, "文件标题不超过 200 字"),
  receivedOn: CalendarDateSchema,
  audience: z.enum(DOCUMENT_AUDIENCES),
  requirement: z.string().trim().max(500, "传达要求不超过 500 字").optional(),
  /** A summary free of classified content: what the document is about, never its text (DESIGN.md §1). */
  summary: z.string().trim().max(2000, "内容摘要不超过 2000 字").optional(),
  unitIds: z.array(IdSchema).min(1, "请至少选择一个须组织传达学习的单位").max(500, "单位不超过 500 个"),
  dueOn: CalendarDateSchema,
  institutionId: IdSchema.optional(),
});

export const RecordSessionRequestSchema = z.strictObject({
  unitId: IdSchema,
  heldOn: CalendarDateSchema,
  place: z.string().trim().min(2, "请填写学习地点").max(100, "地点不超过 100 字"),
  form: z.enum(STUDY_FORMS),
  presidedBy: IdSchema,
  notes: z.string().trim().max(2000, "学习情况不超过 2000 字").optional(),
  attendance: z
    .array(
      z.strictObject({
        personId: IdSchema,
        kind: z.enum(STUDY_ATTENDANCE_KINDS),
        note: z.string().trim().max(200, "备注不超过 200 字").optional(),
      }),
    )
    .min(1, "请至少登记一人的参加情况")
    .max(1000, "参加人员不超过 1000 人"),
});

export const CloseDocumentRequestSchema = z.strictObject({
  note: z.string().trim().min(2, "请填写办结说明").max(500, "办结说明不超过 500 字"),
});

export const DocumentListQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  /** Documents a unit must study. */
  unitId: IdSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

export const RosterQuerySchema = z.strictObject({ unitId: IdSchema });
export const RosterSchema = z.object({
  unit: Named,
  people: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string().nullable() })),
});

export const DocumentSummarySchema = z.object({
  id: z.string(),
  institution: Named,
  issuer: z.string(),
  documentNo: z.string(),
  title: z.string(),
  receivedOn: z.string(),
  audience: z.enum(DOCUMENT_AUDIENCES),
  audienceName: z.string(),
  dueOn: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  statusName: z.string(),
  /** Past its deadline with a required unit still to study it. */
  overdue: z.boolean(),
  /** Required units, and how many of them have held a session. */
  completion: z.object({ required: z.number().int(), held: z.number().int() }),
  /** The articles it serves (第四条第（一）项、第十三条第（一）项). */
  citation: z.string(),
  obligations: z.object({ total: z.number().int(), fulfilled: z.number().int() }),
});
export const DocumentListSchema = pageOf(DocumentSummarySchema);

const AttendanceCountsSchema = z.object({
  present: z.number().int(),
  onLeave: z.number().int(),
  absent: z.number().int(),
});

export const StudySessionSchema = z.object({
  id: z.string(),
  unit: Named,
  /** A session of the institution itself or of the secrecy office (院级传达): it discharges Art. 4(1). */
  institutionLevel: z.boolean(),
  heldOn: z.string(),
  place: z.string(),
  form: z.enum(STUDY_FORMS),
  formName: z.string(),
  presidedBy: Named,
  notes: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  counts: AttendanceCountsSchema,
  attendance: z.array(
    z.object({
      person: Named,
      kind: z.enum(STUDY_ATTENDANCE_KINDS),
      kindName: z.string(),
      note: z.string().nullable(),
    }),
  ),
});

export const DocumentSchema = DocumentSummarySchema.extend({
  requirement: z.string().nullable(),
  summary: z.string().nullable(),
  registeredAt: z.string(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  /** Each required unit: whether it has held its session, with attendance summed over its sessions. */
  units: z.array(
    z.object({
      unit: Named,
      held: z.boolean(),
      sessions: z.number().int(),
      lastHeldOn: z.string().nullable(),
      counts: AttendanceCountsSchema,
    }),
  ),
  /** The institution-level briefing (院级传达) the leader in charge organizes: the first such session, if held. */
  institutionBriefing: z.object({ heldOn: z.string(), presidedBy: Named, sessionId: z.string() }).nullable(),
  sessions: z.array(StudySessionSchema),
  citations: z.array(z.object({ ref: z.string(), citation: z.string() })),
  discharges: z.array(DischargeSchema),
  /** The units the actor may record a session for (required units in scope, and the institution level for the office). */
  recordableUnits: z.array(Named.extend({ institutionLevel: z.boolean() })),
  abilities: z.object({ record: z.boolean(), close: z.boolean() }),
});
export type DocumentView = z.infer<typeof DocumentSchema>;
