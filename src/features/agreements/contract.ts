/** Responsibility agreements (保密责任书): issue a year's batch, list, sign, void, progress. Shared with the web. */
import { z } from "zod";
import { AGREEMENT_STATUSES } from "../../domain/agreement.js";
import { pageOf, PageQuerySchema } from "../../domain/paging.js";

const YearSchema = z.coerce.number().int().min(2000).max(2100);
const IdSchema = z.string().min(1).max(64);

export const IssueBatchRequestSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** A `documents:` entry of the policy in force, of kind responsibilityAgreement. */
  templateId: z.string().min(3).max(80),
  /** Defaults to the institution at the root of the tree. */
  institutionId: IdSchema.optional(),
});

const Named = z.object({ id: z.string(), name: z.string() });

export const BatchSchema = z.object({
  id: z.string(),
  institution: Named,
  year: z.number().int(),
  templateId: z.string(),
  title: z.string(),
  policySha256: z.string(),
  issuedAt: z.string(),
});

export const IssueBatchResultSchema = z.object({
  batch: BatchSchema,
  /** Agreements this call issued; a repeated call issues only to those who have none yet. */
  issued: z.array(z.object({ id: z.string(), unit: Named, person: Named, acting: z.boolean() })),
  /** Units (or, for leaders' templates, the institution) that already had a live agreement in this batch. */
  alreadyIssued: z.number().int(),
  /** Where the role was vacant on the issue date: nobody to sign, reported rather than guessed. */
  vacancies: z.array(z.object({ unit: Named, role: z.string(), roleName: z.string() })),
  citation: z.string(),
});

export const AgreementSummarySchema = z.object({
  id: z.string(),
  batchId: z.string(),
  year: z.number().int(),
  templateId: z.string(),
  unit: Named,
  person: Named,
  role: z.string(),
  roleName: z.string(),
  acting: z.boolean(),
  title: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  statusName: z.string(),
  issuedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  signature: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  abilities: z.object({ sign: z.boolean(), void: z.boolean() }),
});
export type AgreementSummary = z.infer<typeof AgreementSummarySchema>;

export const AgreementSchema = AgreementSummarySchema.extend({
  /** The text as issued and signed, paragraph by paragraph. */
  paragraphs: z.array(z.string()),
  /** The articles the template cites (第六条, …). */
  citations: z.array(z.string()),
});
export type AgreementView = z.infer<typeof AgreementSchema>;

export const AgreementListQuerySchema = PageQuerySchema.extend({
  year: YearSchema.optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  unitId: IdSchema.optional().describe("this unit's agreements only"),
  templateId: z.string().min(3).max(80).optional(),
});
export const AgreementListSchema = pageOf(AgreementSummarySchema);

export const ProgressQuerySchema = z.strictObject({
  year: YearSchema,
  templateId: z.string().min(3).max(80).optional(),
});

const Counts = z.object({
  /** Live agreements: issued and not voided. */
  issued: z.number().int(),
  signed: z.number().int(),
  outstanding: z.number().int(),
  /** Signed ÷ issued, in percent with one decimal; 0 when nothing is issued. */
  percentSigned: z.number(),
});

export const ProgressSchema = z.object({
  year: z.number().int(),
  units: z.array(Counts.extend({ unit: Named })),
  totals: Counts,
});

export const SignRequestSchema = z.strictObject({
  /** The signer's own password, re-entered as the act of signing. */
  password: z.string().min(1).max(256),
});

export const VoidRequestSchema = z.strictObject({ reason: z.string().trim().min(2).max(500) });

export const AgreementIdParamsSchema = z.strictObject({ id: IdSchema });
