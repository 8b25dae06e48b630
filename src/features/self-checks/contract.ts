/** Personal self-checks (第七条第（二）项): request and response schemas, shared with the web. */
import { z } from "zod";
import { ITEM_OUTCOMES } from "../../domain/inspection.js";
import { OBLIGATION_STATUSES } from "../../domain/obligation.js";
import { CalendarDateSchema, pageOf, PageQuerySchema } from "../../domain/paging.js";
import { SELF_CHECK_STATUSES } from "../../domain/self-check.js";
import { FindingSummarySchema, TemplateSchema } from "../inspections/contract.js";
import { DischargeSchema } from "../obligations/contract.js";

const IdSchema = z.string().min(1).max(64);
const Named = z.object({ id: z.string(), name: z.string() });

export const StartSelfCheckRequestSchema = z.strictObject({
  periodId: z.string().min(1).max(64).describe("自查周期（本人自查事项的周期编号，如 2027-06-P6）"),
});

export const AnswerInputSchema = z.strictObject({
  itemId: z.string().min(1).max(80),
  outcome: z.enum(ITEM_OUTCOMES),
  score: z.number().min(-1000).max(1000).nullable().optional(),
  note: z.string().trim().max(2000, "说明不超过 2000 字").optional(),
});
export const SaveAnswersRequestSchema = z.strictObject({
  answers: z.array(AnswerInputSchema).max(500),
});

export const ConfirmRequestSchema = z.strictObject({
  deadline: CalendarDateSchema.describe("自查发现问题的整改期限（默认确认后 30 天）").optional(),
});
export const ReturnRequestSchema = z.strictObject({
  reason: z.string().trim().min(2, "请填写退回原因（至少 2 个字）").max(2000, "退回原因不超过 2000 字"),
});

export const SelfCheckListQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: IdSchema.optional(),
  status: z.enum(SELF_CHECK_STATUSES).optional(),
});

export const SelfCheckSummarySchema = z.object({
  id: z.string(),
  institution: Named,
  person: Named,
  unit: Named,
  periodId: z.string(),
  period: z.string(),
  periodStartsOn: z.string(),
  dueOn: z.string().nullable(),
  year: z.number().int(),
  status: z.enum(SELF_CHECK_STATUSES),
  statusName: z.string(),
  answered: z.number().int(),
  itemCount: z.number().int(),
  failed: z.number().int(),
  submittedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type SelfCheckSummary = z.infer<typeof SelfCheckSummarySchema>;
export const SelfCheckListSchema = pageOf(SelfCheckSummarySchema);

/** A slot the person owes (an open obligation of the self-check duty), with the self-check started for it, if any. */
export const OwedPeriodSchema = z.object({
  obligationId: z.string(),
  periodId: z.string(),
  period: z.string(),
  startsOn: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(OBLIGATION_STATUSES),
  /** Whether the slot has begun: a self-check is of a slot that is running or past. */
  started: z.boolean(),
  selfCheck: z.object({ id: z.string(), status: z.enum(SELF_CHECK_STATUSES), statusName: z.string() }).nullable(),
});
export type OwedPeriod = z.infer<typeof OwedPeriodSchema>;

export const MySelfChecksSchema = z.object({
  owed: z.array(OwedPeriodSchema),
  items: z.array(SelfCheckSummarySchema),
});
export type MySelfChecks = z.infer<typeof MySelfChecksSchema>;

export const ToConfirmSchema = z.object({ items: z.array(SelfCheckSummarySchema) });

const AnswerSchema = z.object({
  itemId: z.string(),
  outcome: z.enum(ITEM_OUTCOMES),
  score: z.number().nullable(),
  note: z.string().nullable(),
});

const PersonRef = z.object({ id: z.string(), name: z.string() });

export const SelfCheckSchema = SelfCheckSummarySchema.extend({
  template: TemplateSchema,
  /** The Chinese citation of each article the form's items cite (art7.3 → 第七条第（三）项). */
  citations: z.record(z.string(), z.string()),
  answers: z.array(AnswerSchema),
  returnReason: z.string().nullable(),
  /** Who confirms it today (the person's superior from the resolver); who confirmed it once confirmed. */
  confirmers: z.array(PersonRef),
  confirmedBy: PersonRef.nullable(),
  findings: z.array(FindingSummarySchema),
  obligations: z.array(DischargeSchema),
  abilities: z.object({ answer: z.boolean(), submit: z.boolean(), confirm: z.boolean(), return: z.boolean() }),
});
export type SelfCheckView = z.infer<typeof SelfCheckSchema>;
