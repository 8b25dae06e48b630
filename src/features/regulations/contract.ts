/**
 * The regulations library (规章制度库, 实施细则第十三条第（四）项、第六条第（一）项): request and response schemas, shared
 * with the web.
 */
import { z } from "zod";
import { CalendarDateSchema, pageOf, PageQuerySchema } from "../../domain/paging.js";
import { DischargeSchema } from "../obligations/contract.js";

export const REGULATION_CATEGORIES = [
  "responsibility",
  "personnel",
  "carrier",
  "network",
  "publicity",
  "activity",
  "general",
] as const;
export type RegulationCategory = (typeof REGULATION_CATEGORIES)[number];
export const REGULATION_STATUSES = ["draft", "inForce", "repealed"] as const;
export type RegulationStatus = (typeof REGULATION_STATUSES)[number];
export const REGULATION_LEVELS = ["institution", "unit"] as const;
export type RegulationLevel = (typeof REGULATION_LEVELS)[number];

export const CATEGORY_NAMES: Record<RegulationCategory, { zh: string; en: string }> = {
  responsibility: { zh: "保密工作责任制", en: "Responsibility system" },
  personnel: { zh: "涉密人员管理", en: "Cleared persons" },
  carrier: { zh: "国家秘密载体管理", en: "Classified carriers" },
  network: { zh: "信息系统与网络保密", en: "Systems and networks" },
  publicity: { zh: "宣传报道与信息公开", en: "Publicity and disclosure" },
  activity: { zh: "涉密会议与活动", en: "Classified meetings and activities" },
  general: { zh: "综合管理", en: "General" },
};
export const REGULATION_STATUS_NAMES: Record<RegulationStatus, { zh: string; en: string }> = {
  draft: { zh: "草拟中", en: "Draft" },
  inForce: { zh: "现行有效", en: "In force" },
  repealed: { zh: "已废止", en: "Repealed" },
};
export const VERSION_KIND_NAMES = {
  adopt: { zh: "制定", en: "Adopted" },
  revise: { zh: "修订", en: "Revised" },
} as const;

const IdSchema = z.string().min(1).max(64);
const Named = z.object({ id: z.string(), name: z.string() });

/** An attached file instead of a text: the same kinds, size limit and marking guard as meeting materials. */
export const RegulationFileSchema = z.strictObject({
  name: z.string().trim().min(1, "请填写文件名").max(200, "文件名不超过 200 字"),
  type: z.string().max(200),
  contentBase64: z.string().min(1, "文件为空").max(14_000_000, "文件不超过 10 MB"),
});
const TextSchema = z.string().trim().min(10, "制度正文至少 10 个字").max(100_000, "制度正文不超过 10 万字");
const TitleSchema = z.string().trim().min(4, "请填写制度名称（至少 4 个字）").max(200, "制度名称不超过 200 字");
const DocumentNoSchema = z.string().trim().min(2, "请填写发文字号").max(60, "发文字号不超过 60 字");

export const CreateRegulationRequestSchema = z.strictObject({
  title: TitleSchema,
  documentNo: DocumentNoSchema.optional(),
  category: z.enum(REGULATION_CATEGORIES),
  /** The issuing unit: a unit for its own rules (第六条第（一）项); the institution when omitted. */
  unitId: IdSchema.optional(),
  text: TextSchema.optional(),
  file: RegulationFileSchema.optional(),
  institutionId: IdSchema.optional(),
});

export const UpdateRegulationRequestSchema = z.strictObject({
  title: TitleSchema,
  documentNo: DocumentNoSchema.nullable().optional(),
  category: z.enum(REGULATION_CATEGORIES),
  text: TextSchema.optional(),
  file: RegulationFileSchema.optional(),
});

const AnswersSchema = z.array(IdSchema).max(20, "一次最多回应 20 件上级法规").default([]);

export const AdoptRegulationRequestSchema = z.strictObject({
  effectiveOn: CalendarDateSchema,
  documentNo: DocumentNoSchema.optional(),
  /** The higher regulations (上级法规、文件) this adoption answers (第十三条第（四）项). */
  answers: AnswersSchema,
});

export const ReviseRegulationRequestSchema = z.strictObject({
  effectiveOn: CalendarDateSchema,
  changeSummary: z.string().trim().min(4, "请填写修订说明（至少 4 个字）").max(1000, "修订说明不超过 1000 字"),
  documentNo: DocumentNoSchema.optional(),
  text: TextSchema.optional(),
  file: RegulationFileSchema.optional(),
  answers: AnswersSchema,
});

export const RepealRegulationRequestSchema = z.strictObject({
  repealedOn: CalendarDateSchema,
  reason: z.string().trim().min(4, "请填写废止理由（至少 4 个字）").max(500, "废止理由不超过 500 字"),
});

export const RegulationListQuerySchema = PageQuerySchema.extend({
  status: z.enum(REGULATION_STATUSES).optional(),
  category: z.enum(REGULATION_CATEGORIES).optional(),
  level: z.enum(REGULATION_LEVELS).optional(),
  /** Regulations issued by this unit. */
  unitId: IdSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

export const VersionParamsSchema = z.strictObject({ id: IdSchema, childId: IdSchema });

export const RegulationSummarySchema = z.object({
  id: z.string(),
  institution: Named,
  /** The issuing unit: the institution itself, or a unit for its own rules. */
  unit: Named,
  level: z.enum(REGULATION_LEVELS),
  title: z.string(),
  documentNo: z.string().nullable(),
  category: z.enum(REGULATION_CATEGORIES),
  categoryName: z.string(),
  status: z.enum(REGULATION_STATUSES),
  statusName: z.string(),
  /** The version in force (or the draft's), and its effective date once adopted. */
  versionNo: z.number().int().nullable(),
  effectiveOn: z.string().nullable(),
  repealedOn: z.string().nullable(),
  /** The implementing rules themselves: each institution's first entry. */
  seed: z.boolean(),
  /** The article it serves: 第十三条第（四）项 (the institution's rules) or 第六条第（一）项 (a unit's own). */
  citation: z.string(),
});
export const RegulationListSchema = pageOf(RegulationSummarySchema);

export const RegulationVersionSchema = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  kind: z.enum(["adopt", "revise"]),
  kindName: z.string(),
  effectiveOn: z.string().nullable(),
  adoptedAt: z.string().nullable(),
  adoptedBy: z.string().nullable(),
  changeSummary: z.string().nullable(),
  /** Replaced by a later revision (the text stays as it was). */
  superseded: z.boolean(),
  supersededAt: z.string().nullable(),
  /** The version in force now (or the draft being prepared). */
  current: z.boolean(),
  text: z.string().nullable(),
  file: z.object({ name: z.string(), type: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
});

export const HigherRegulationSummarySchema = z.object({
  id: z.string(),
  issuer: z.string(),
  documentNo: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  summary: z.string().nullable(),
  recordedAt: z.string(),
  answeredBy: z
    .object({ regulationId: z.string(), title: z.string(), versionNo: z.number().int(), answeredAt: z.string() })
    .nullable(),
  citation: z.string(),
  obligations: z.array(DischargeSchema),
});
export const HigherRegulationListSchema = pageOf(HigherRegulationSummarySchema);
export type HigherRegulationView = z.infer<typeof HigherRegulationSummarySchema>;

export const HigherRegulationListQuerySchema = PageQuerySchema.extend({
  answered: z.enum(["true", "false"]).optional(),
});

export const RecordHigherRegulationRequestSchema = z.strictObject({
  issuer: z.string().trim().min(2, "请填写制发机关").max(100, "制发机关不超过 100 字"),
  documentNo: z.string().trim().min(2, "请填写文号").max(60, "文号不超过 60 字"),
  title: z.string().trim().min(4, "请填写法规或文件名称（至少 4 个字）").max(200, "名称不超过 200 字"),
  issuedOn: CalendarDateSchema,
  summary: z.string().trim().max(2000, "要点不超过 2000 字").optional(),
  institutionId: IdSchema.optional(),
});

export const RegulationSchema = RegulationSummarySchema.extend({
  repealReason: z.string().nullable(),
  versions: z.array(RegulationVersionSchema),
  /** The higher regulations its versions answered. */
  answers: z.array(z.object({ id: z.string(), issuer: z.string(), documentNo: z.string(), title: z.string() })),
  discharges: z.array(DischargeSchema),
  abilities: z.object({ edit: z.boolean(), adopt: z.boolean(), revise: z.boolean(), repeal: z.boolean() }),
});
export type RegulationView = z.infer<typeof RegulationSchema>;
