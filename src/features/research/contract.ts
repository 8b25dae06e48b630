/** Research topics (实施细则第十二条第（三）项 调研制度): request and response schemas, shared with the web. */
import { z } from "zod";
import { CalendarDateSchema, pageOf, PageQuerySchema } from "../../domain/paging.js";
import { RESEARCH_STATUSES, RESEARCH_TEAM_ROLES } from "../../domain/research.js";
import { DischargeSchema } from "../obligations/contract.js";

const IdSchema = z.string().min(1).max(64);
const Named = z.object({ id: z.string(), name: z.string() });
/** A calendar date; the field's name is in the validation message (body.plan.startsOn：…). */
const dateOf = (what: string) => CalendarDateSchema.describe(what);

const MilestoneSchema = z.strictObject({
  title: z.string().trim().min(2, "请填写节点名称").max(200, "节点名称不超过 200 字"),
  dueOn: dateOf("节点完成日期"),
});

const PlanSchema = z.strictObject({
  text: z.string().trim().min(10, "调研计划至少 10 个字").max(10_000, "调研计划不超过 1 万字"),
  startsOn: dateOf("计划开始日期"),
  endsOn: dateOf("计划结束日期"),
  milestones: z.array(MilestoneSchema).max(20, "进度节点不超过 20 个").default([]),
});

/** What the office writes when it proposes a topic, and may change until it is approved. */
export const ResearchProposalSchema = z.strictObject({
  title: z.string().trim().min(4, "请填写课题名称（至少 4 个字）").max(200, "课题名称不超过 200 字"),
  question: z
    .string()
    .trim()
    .min(10, "请填写研究问题和背景（至少 10 个字）")
    .max(10_000, "研究问题和背景不超过 1 万字"),
  leadPersonId: IdSchema.describe("课题负责人"),
  memberIds: z.array(IdSchema).max(30, "课题组成员不超过 30 人").default([]),
  plan: PlanSchema,
});

export const CreateResearchRequestSchema = ResearchProposalSchema.extend({ institutionId: IdSchema.optional() });
export const UpdateResearchRequestSchema = ResearchProposalSchema;

export const ApproveResearchRequestSchema = z.strictObject({
  approvedOn: dateOf("立项日期"),
  note: z.string().trim().min(4, "请填写立项依据，如“经保密委员会例会研究同意”").max(500, "立项依据不超过 500 字"),
});
export const StartResearchRequestSchema = z.strictObject({
  startedOn: dateOf("开始调研日期").optional(),
});
export const FindingRequestSchema = z.strictObject({
  text: z.string().trim().min(10, "调研发现至少 10 个字").max(5_000, "每条调研发现不超过 5000 字"),
});
export const ResearchReportRequestSchema = z.strictObject({
  report: z.string().trim().min(20, "调研报告至少 20 个字").max(50_000, "调研报告不超过 5 万字"),
});
export const ConcludeResearchRequestSchema = z.strictObject({
  concludedOn: dateOf("结题日期").optional(),
  note: z.string().trim().min(4, "请填写结题意见").max(2_000, "结题意见不超过 2000 字"),
});
export const CancelResearchRequestSchema = z.strictObject({
  reason: z.string().trim().min(2, "请填写撤销原因").max(500, "撤销原因不超过 500 字"),
});

export const ResearchListQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(RESEARCH_STATUSES).optional(),
  leadUnitId: IdSchema.optional().describe("负责人所在单位（含下级单位）"),
  q: z.string().trim().max(100, "关键词不超过 100 字").optional().describe("课题名称或研究问题中的关键词"),
});

const PersonRef = z.object({ id: z.string(), name: z.string(), unitName: z.string().nullable() });

export const ResearchSummarySchema = z.object({
  id: z.string(),
  institution: Named,
  year: z.number().int(),
  title: z.string(),
  status: z.enum(RESEARCH_STATUSES),
  statusName: z.string(),
  lead: PersonRef,
  planStartsOn: z.string(),
  planEndsOn: z.string(),
  findingCount: z.number().int(),
  approvedOn: z.string().nullable(),
  concludedOn: z.string().nullable(),
});
export const ResearchListSchema = pageOf(ResearchSummarySchema);

export const ResearchSchema = ResearchSummarySchema.extend({
  question: z.string(),
  team: z.array(z.object({ person: PersonRef, role: z.enum(RESEARCH_TEAM_ROLES), roleName: z.string() })),
  plan: z.object({
    text: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    milestones: z.array(z.object({ title: z.string(), dueOn: z.string() })),
  }),
  approval: z.object({ approvedOn: z.string(), note: z.string() }).nullable(),
  startedOn: z.string().nullable(),
  findings: z.array(z.object({ id: z.string(), seq: z.number().int(), text: z.string(), recordedAt: z.string() })),
  report: z.string().nullable(),
  reportedAt: z.string().nullable(),
  conclusion: z.object({ concludedOn: z.string(), note: z.string(), concludedAt: z.string() }).nullable(),
  cancelReason: z.string().nullable(),
  /** The article the topic serves, with its text from the active policy. */
  article: z.object({ id: z.string(), citation: z.string(), text: z.string() }),
  /** The obligations its 结题 discharged (or, before, the open ones of the duty it will discharge). */
  obligations: z.array(DischargeSchema),
  abilities: z.object({
    edit: z.boolean(),
    approve: z.boolean(),
    start: z.boolean(),
    recordFinding: z.boolean(),
    writeReport: z.boolean(),
    conclude: z.boolean(),
    cancel: z.boolean(),
  }),
});
export type ResearchView = z.infer<typeof ResearchSchema>;
export type ResearchSummary = z.infer<typeof ResearchSummarySchema>;
