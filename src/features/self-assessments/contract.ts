/** Self-assessment (自查自评, 实施条例（2024）第五十八条): request and response schemas, shared with the web. */
import { z } from "zod";
import { CalendarDateSchema } from "../../domain/paging.js";
import { RUBRIC_ITEM_KINDS } from "../../domain/rubric.js";
import { SELF_ASSESSMENT_LIST_STATUSES, SELF_ASSESSMENT_STATUSES } from "../../domain/self-assessment.js";
import { FindingSummarySchema } from "../inspections/contract.js";

const IdSchema = z.string().min(1).max(64);
const YearSchema = z.number().int().min(2000).max(2100);
const Named = z.object({ id: z.string(), name: z.string() });
const Localized = z.object({ zh: z.string(), en: z.string() });
const BandSchema = z.object({ min: z.number(), key: z.string(), zh: z.string(), en: z.string() });

export const ListQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  institutionId: IdSchema.optional().describe("defaults to the one institution in the actor's scope"),
});

export const StartRequestSchema = z.strictObject({
  unitId: IdSchema.describe("被评单位：院校的二级单位，或院校本身（院校自查自评）"),
  year: YearSchema,
});

/** One item's answer: a score, 不适用, or for a veto item whether it was hit; a note describes any problem. */
export const AnswerInputSchema = z.strictObject({
  score: z.number().min(-1000).max(1000).optional(),
  excluded: z.boolean().optional(),
  vetoed: z.boolean().optional(),
  note: z.string().trim().max(2000, "说明不超过 2000 字").optional(),
});

export const SaveAnswersRequestSchema = z.strictObject({
  /** Item id → its answer, merged into the draft item by item; `{}` clears an item's answer. */
  answers: z
    .record(z.string().min(1).max(80), AnswerInputSchema)
    .refine((answers) => Object.keys(answers).length <= 500, "一次最多保存 500 项"),
});

export const SubmitRequestSchema = z.strictObject({
  deadline: CalendarDateSchema.describe("发现问题的整改期限（默认提交后 60 天）").optional(),
});

export const RubricViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: Localized,
  article: z.string(),
  total: z.number().optional(),
  bands: z.array(BandSchema),
  sections: z.array(
    z.object({
      id: z.string(),
      title: Localized,
      items: z.array(
        z.object({
          id: z.string(),
          title: Localized,
          guidance: Localized.optional(),
          kind: z.enum(RUBRIC_ITEM_KINDS),
          points: z.number(),
          step: z.number(),
          canExclude: z.boolean(),
          articles: z.array(z.string()),
          law: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type RubricView = z.infer<typeof RubricViewSchema>;

/** The committee's year-end score of the unit (督查考核), shown beside the unit's own to those who read supervision. */
export const CommitteeScoreSchema = z
  .object({
    status: z.enum(["draft", "approved"]),
    earned: z.number(),
    possible: z.number(),
    percent: z.number().nullable(),
    band: z.string(),
    bandName: z.string(),
    vetoed: z.boolean(),
  })
  .nullable();

export const SelfAssessmentRowSchema = z.object({
  unit: Named,
  /** The institution's own self-assessment (its unit is the institution). */
  own: z.boolean(),
  id: z.string().nullable(),
  status: z.enum(SELF_ASSESSMENT_LIST_STATUSES),
  statusName: z.string(),
  answered: z.number().int(),
  itemCount: z.number().int(),
  /** Stored on submission: points earned after deductions, points possible, percentage, band, veto. */
  score: z.number().nullable(),
  possible: z.number().nullable(),
  percent: z.number().nullable(),
  band: z.string().nullable(),
  bandName: z.string().nullable(),
  vetoed: z.boolean(),
  submittedAt: z.string().nullable(),
  findingCount: z.number().int(),
  committee: CommitteeScoreSchema,
  /** start: the actor may begin it (none yet); fill: may answer and submit it (a draft). */
  abilities: z.object({ start: z.boolean(), fill: z.boolean() }),
});
export type SelfAssessmentRow = z.infer<typeof SelfAssessmentRowSchema>;

export const SelfAssessmentListSchema = z.object({
  year: z.number().int(),
  /** Null when the actor reaches no institution (nothing to list). */
  institution: Named.nullable(),
  /** The bands of the units' rubric, best first, for colouring. */
  bands: z.array(BandSchema),
  items: z.array(SelfAssessmentRowSchema),
});
export type SelfAssessmentList = z.infer<typeof SelfAssessmentListSchema>;

export const AnswerViewSchema = z.object({
  score: z.number().optional(),
  excluded: z.boolean().optional(),
  vetoed: z.boolean().optional(),
  note: z.string().optional(),
});

export const SelfAssessmentSchema = z.object({
  id: z.string(),
  institution: Named,
  unit: Named,
  own: z.boolean(),
  year: z.number().int(),
  status: z.enum(SELF_ASSESSMENT_STATUSES),
  statusName: z.string(),
  rubric: RubricViewSchema,
  /** The Chinese citation of each article the rubric's items check (art6.3 → 第六条第（三）项). */
  citations: z.record(z.string(), z.string()),
  answers: z.record(z.string(), AnswerViewSchema),
  /** The score as answered so far (a draft's unanswered items count as possible with nothing earned). */
  result: z.object({
    earned: z.number(),
    possible: z.number(),
    deducted: z.number(),
    percent: z.number().nullable(),
    band: z.object({ key: z.string(), zh: z.string(), en: z.string() }).nullable(),
    vetoedBy: z.array(z.string()),
    excluded: z.array(z.string()),
    unanswered: z.array(z.string()),
  }),
  /** The answers that reveal a problem, in rubric order: each becomes a finding on submission. */
  problems: z.array(z.object({ itemId: z.string(), kind: z.enum(["lost", "deducted", "vetoed"]) })),
  submittedAt: z.string().nullable(),
  submittedBy: Named.nullable(),
  findings: z.array(FindingSummarySchema),
  committee: CommitteeScoreSchema,
  abilities: z.object({ fill: z.boolean(), submit: z.boolean() }),
});
export type SelfAssessmentView = z.infer<typeof SelfAssessmentSchema>;
