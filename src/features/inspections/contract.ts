/** Inspections and rectification (第十一条第（四）项、第十三条第（六）项): request and response schemas, shared with the web. */
import { z } from "zod";
import {
  FINDING_CATEGORIES,
  FINDING_SOURCES,
  TemplateDraftSchema,
  FINDING_STATUSES,
  INSPECTION_STATUSES,
  ITEM_OUTCOMES,
  PLAN_KINDS,
  SEVERITIES,
  TEMPLATE_ITEM_KINDS,
  TEMPLATE_SUBJECTS,
} from "../../domain/inspection.js";
import { CalendarDateSchema, pageOf, PageQuerySchema } from "../../domain/paging.js";
import { DischargeSchema } from "../obligations/contract.js";

const IdSchema = z.string().min(1).max(64);
const Named = z.object({ id: z.string(), name: z.string() });
const Localized = z.object({ zh: z.string(), en: z.string() });
const dateOf = (what: string) => CalendarDateSchema.describe(what);
const text = (what: string, min: number, max: number) =>
  z.string().trim().min(min, `请填写${what}（至少 ${min} 个字）`).max(max, `${what}不超过 ${max} 字`);

/** A file sent inline (base64): a photo or document ≤ 10 MB, as meeting materials. */
export const AttachmentUploadSchema = z.strictObject({
  name: z.string().trim().min(1, "请填写文件名").max(200, "文件名不超过 200 字"),
  type: z.string().max(200),
  contentBase64: z.string().min(1, "文件为空").max(14_000_000, "文件不超过 10 MB"),
  itemId: z.string().max(80).optional().describe("检查条目"),
});

export const TemplateSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: Localized,
  subject: z.enum(TEMPLATE_SUBJECTS),
  article: z.string(),
  sections: z.array(
    z.object({
      id: z.string(),
      title: Localized,
      items: z.array(
        z.object({
          id: z.string(),
          text: Localized,
          kind: z.enum(TEMPLATE_ITEM_KINDS),
          points: z.number(),
          canExclude: z.boolean(),
          article: z.string(),
        }),
      ),
    }),
  ),
});
/** A template version as the institution sees it: shipped, or saved by its office (when, by whom, why). */
export const TemplateVersionSchema = TemplateSchema.extend({
  origin: z.enum(["shipped", "institution"]),
  originName: z.string(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export const TemplateListSchema = z.object({
  items: z.array(TemplateVersionSchema),
  /** The institution whose own versions are included (null: only the shipped ones). */
  institutionId: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export const TemplateQuerySchema = z.strictObject({ institutionId: IdSchema.optional() });
export const TemplateIdParamsSchema = z.strictObject({
  templateId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/, "须为小写字母、数字和连字符"),
});
export const TemplateVersionListSchema = z.object({ items: z.array(TemplateVersionSchema) });
export const SaveTemplateRequestSchema = z.strictObject({
  institutionId: IdSchema.optional(),
  template: TemplateDraftSchema,
  note: z.string().trim().max(500, "修订说明不超过 500 字").optional(),
});

export const CreatePlanRequestSchema = z.strictObject({
  institutionId: IdSchema.optional(),
  kind: z.enum(PLAN_KINDS),
  title: text("检查计划名称", 4, 200),
  year: z.number().int().min(2000).max(2100),
  half: z
    .union([z.literal(1), z.literal(2)])
    .optional()
    .describe("半年（委员半年检查必填）"),
  leadPersonId: IdSchema.describe("检查组组长（委员半年检查为该委员）"),
  teamIds: z.array(IdSchema).max(20, "检查组成员不超过 20 人").default([]),
  unitIds: z.array(IdSchema).min(1, "请选择至少一个被检查单位").max(100, "被检查单位不超过 100 个"),
  startsOn: dateOf("检查开始日期"),
  endsOn: dateOf("检查结束日期"),
  templateId: z.string().max(64).describe("检查表"),
});

export const PlanListQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(PLAN_KINDS).optional(),
});

const PersonRef = z.object({ id: z.string(), name: z.string() });

export const PlanSummarySchema = z.object({
  id: z.string(),
  institution: Named,
  kind: z.enum(PLAN_KINDS),
  kindName: z.string(),
  title: z.string(),
  year: z.number().int(),
  half: z.number().int().nullable(),
  lead: PersonRef,
  startsOn: z.string(),
  endsOn: z.string(),
  template: z.object({ id: z.string(), version: z.number().int(), title: z.string() }),
  unitCount: z.number().int(),
  closedCount: z.number().int(),
});
export const PlanListSchema = pageOf(PlanSummarySchema);

/** The actor's own portfolio for a half-yearly inspection (第十一条第（四）项): empty when they hold no member's seat. */
export const MyPortfolioQuerySchema = z.strictObject({ on: dateOf("日期").optional() });
export const MyPortfolioSchema = z.object({
  member: z.boolean(),
  institution: Named.nullable(),
  units: z.array(Named),
});

/** The units the actor heads on the day, for their own inspection (第六条第（三）项): empty when they head none. */
export const MyUnitsSchema = z.object({
  head: z.boolean(),
  institution: Named.nullable(),
  units: z.array(Named),
});

export const InspectionSummarySchema = z.object({
  id: z.string(),
  unit: Named,
  status: z.enum(INSPECTION_STATUSES),
  statusName: z.string(),
  recorded: z.number().int(),
  itemCount: z.number().int(),
  findingCount: z.number().int(),
  closedOn: z.string().nullable(),
});

export const PlanSchema = PlanSummarySchema.extend({
  article: z.object({ id: z.string(), citation: z.string() }),
  team: z.array(PersonRef),
  inspections: z.array(InspectionSummarySchema),
  obligations: z.array(DischargeSchema),
  /** record: the actor records the plan's inspections (the office, or an inspector on its team). */
  abilities: z.object({ record: z.boolean() }),
});
export type PlanView = z.infer<typeof PlanSchema>;
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const ResultInputSchema = z.strictObject({
  itemId: z.string().min(1).max(80),
  outcome: z.enum(ITEM_OUTCOMES),
  score: z.number().min(-1000).max(1000).nullable().optional(),
  note: z.string().trim().max(2000, "说明不超过 2000 字").optional(),
});
export const SaveResultsRequestSchema = z.strictObject({
  results: z.array(ResultInputSchema).max(500),
  summary: z.string().trim().max(5000, "检查小结不超过 5000 字").optional(),
});

export const CreateFindingRequestSchema = z.strictObject({
  itemId: z.string().min(1).max(80).describe("检查条目"),
  category: z.enum(FINDING_CATEGORIES),
  severity: z.enum(SEVERITIES),
  description: text("问题描述", 4, 2000),
  deadline: dateOf("整改期限"),
});

export const CloseInspectionRequestSchema = z.strictObject({
  closedOn: dateOf("检查结束日期").optional(),
});

const ResultSchema = z.object({
  itemId: z.string(),
  outcome: z.enum(ITEM_OUTCOMES),
  score: z.number().nullable(),
  note: z.string().nullable(),
});

export const AttachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  itemId: z.string().nullable(),
  findingId: z.string().nullable(),
  uploadedAt: z.string(),
});

export const FindingSummarySchema = z.object({
  id: z.string(),
  /** The inspection that found it; null when a self-check or a self-assessment did (`source`, `sourceId`). */
  inspectionId: z.string().nullable(),
  source: z.enum(FINDING_SOURCES),
  sourceId: z.string(),
  sourceName: z.string(),
  unit: Named,
  year: z.number().int(),
  itemId: z.string(),
  itemText: z.string(),
  category: z.enum(FINDING_CATEGORIES),
  categoryName: z.string(),
  severity: z.enum(SEVERITIES),
  severityName: z.string(),
  description: z.string(),
  deadline: z.string(),
  status: z.enum(FINDING_STATUSES),
  statusName: z.string(),
  overdue: z.boolean(),
  repeated: z.boolean(),
  owner: PersonRef.nullable(),
});
export const FindingListSchema = pageOf(FindingSummarySchema);
export type FindingSummary = z.infer<typeof FindingSummarySchema>;

export const FindingListQuerySchema = PageQuerySchema.extend({
  status: z.enum(FINDING_STATUSES).optional(),
  unitId: IdSchema.optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: z.enum(FINDING_CATEGORIES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  inspectionId: IdSchema.optional(),
  source: z.enum(FINDING_SOURCES).optional(),
});

export const InspectionSchema = InspectionSummarySchema.extend({
  plan: PlanSummarySchema.pick({ id: true, kind: true, kindName: true, title: true, year: true, half: true }),
  institution: Named,
  template: TemplateSchema,
  /** The Chinese citation of each article the template's items check (art6.3 → 第六条第（三）项). */
  citations: z.record(z.string(), z.string()),
  results: z.array(ResultSchema),
  summary: z.string().nullable(),
  score: z.object({ earned: z.number(), possible: z.number(), vetoed: z.boolean() }),
  findings: z.array(FindingSummarySchema),
  attachments: z.array(AttachmentSchema),
  obligations: z.array(DischargeSchema),
  abilities: z.object({ record: z.boolean(), close: z.boolean(), opinion: z.boolean() }),
});
export type InspectionView = z.infer<typeof InspectionSchema>;

export const RectificationRequestSchema = z.strictObject({
  plan: text("整改措施", 4, 5000),
  progress: z.string().trim().max(5000, "整改进展不超过 5000 字").optional(),
  evidence: z.string().trim().max(5000, "整改佐证说明不超过 5000 字").optional(),
});
export const VerifyFindingRequestSchema = z.strictObject({ note: text("验证意见", 2, 2000) });
export const ReturnFindingRequestSchema = z.strictObject({ reason: text("退回原因", 2, 2000) });

export const FindingSchema = FindingSummarySchema.extend({
  institution: Named,
  plan: z.object({ id: z.string(), title: z.string() }).nullable(),
  repeatOf: z.object({ id: z.string(), inspectionId: z.string().nullable(), year: z.number().int() }).nullable(),
  rectification: z.object({
    plan: z.string().nullable(),
    progress: z.string().nullable(),
    evidence: z.string().nullable(),
    submittedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    verificationNote: z.string().nullable(),
  }),
  attachments: z.array(AttachmentSchema),
  abilities: z.object({ rectify: z.boolean(), submit: z.boolean(), verify: z.boolean(), sendBack: z.boolean() }),
});
export type FindingView = z.infer<typeof FindingSchema>;
