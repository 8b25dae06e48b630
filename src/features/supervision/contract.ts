/**
 * Supervision (实施细则第十二条第（二）项 督查制度): the year's plan, mid-year supervision, year-end assessment and summary
 * of an institution, on one page per year. Shared with the web.
 */
import { z } from "zod";
import { CalendarDateSchema } from "../../domain/paging.js";
import { DischargeSchema } from "../obligations/contract.js";

const IdSchema = z.string().min(1).max(64);
const Named = z.object({ id: z.string(), name: z.string() });

export const YearParamsSchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const YearUnitParamsSchema = YearParamsSchema.extend({ unitId: IdSchema });
export const InstitutionQuerySchema = z.strictObject({
  institutionId: IdSchema.optional().describe("defaults to the one institution in the actor's scope"),
});

export const PlanRequestSchema = z.strictObject({
  title: z.string().trim().min(2, "请填写计划标题").max(200, "标题不超过 200 字"),
  body: z.string().trim().min(10, "计划正文至少 10 个字").max(50_000, "计划正文不超过 5 万字"),
  items: z
    .array(
      z.strictObject({
        title: z.string().trim().min(2, "请填写工作任务").max(500, "工作任务不超过 500 字"),
        ownerUnitId: IdSchema,
        dueOn: CalendarDateSchema,
      }),
    )
    .min(1, "计划至少包含一项工作任务")
    .max(200, "工作任务不超过 200 项"),
});

export const SignRequestSchema = z.strictObject({
  password: z.string().min(1, "请输入密码以确认审定").max(1024),
});

export const NoteRequestSchema = z.strictObject({
  unitId: IdSchema,
  text: z.string().trim().min(4, "督查意见至少 4 个字").max(5000, "督查意见不超过 5000 字"),
});

export const CompleteSupervisionRequestSchema = z.strictObject({
  report: z.string().trim().min(10, "督查报告至少 10 个字").max(50_000, "督查报告不超过 5 万字"),
});

export const ScoreRequestSchema = z.strictObject({
  /** Item id → the answer: a score, an exclusion (不适用), or for a veto item whether it was triggered. */
  answers: z.record(
    z.string().min(1).max(100),
    z.strictObject({
      score: z.number().min(0).max(1000).optional(),
      excluded: z.boolean().optional(),
      vetoed: z.boolean().optional(),
      note: z.string().trim().max(500, "说明不超过 500 字").optional(),
    }),
  ),
});

export const SummaryRequestSchema = z.strictObject({
  text: z.string().trim().min(20, "年度总结至少 20 个字").max(50_000, "年度总结不超过 5 万字"),
});

export const ApprovalSchema = z
  .object({
    person: Named,
    approvedAs: z.enum(["director", "delegate"]),
    delegationPurpose: z.string().nullable(),
    approvedAt: z.string(),
    signature: z.string(),
  })
  .nullable();

export const ScoreViewSchema = z.object({
  unit: Named,
  earned: z.number(),
  possible: z.number(),
  percent: z.number().nullable(),
  band: z.string(),
  bandName: z.string(),
  vetoed: z.boolean(),
  rank: z.number().int().nullable(),
  answers: z.record(z.string(), z.unknown()),
  scoredAt: z.string(),
});

export const SupervisionYearSchema = z.object({
  institution: Named,
  year: z.number().int(),
  citation: z.string(),
  plan: z
    .object({
      id: z.string(),
      status: z.enum(["draft", "approved"]),
      title: z.string(),
      body: z.string(),
      items: z.array(
        z.object({
          id: z.string(),
          position: z.number().int(),
          title: z.string(),
          ownerUnit: Named,
          dueOn: z.string(),
          /** The tracked task it became on approval, with its progress (for the mid-year supervision). */
          task: z
            .object({ id: z.string(), status: z.string(), statusName: z.string(), percent: z.number() })
            .nullable(),
        }),
      ),
      approval: ApprovalSchema,
    })
    .nullable(),
  supervision: z
    .object({
      status: z.enum(["open", "completed"]),
      report: z.string().nullable(),
      completedAt: z.string().nullable(),
      notes: z.array(z.object({ id: z.string(), unit: Named, text: z.string(), createdAt: z.string() })),
    })
    .nullable(),
  assessment: z
    .object({
      status: z.enum(["draft", "approved"]),
      rubric: z.unknown(),
      scores: z.array(ScoreViewSchema),
      /** Units of the institution not scored yet (its direct units, open). */
      unscored: z.array(Named),
      approval: ApprovalSchema,
    })
    .nullable(),
  summary: z.object({ status: z.enum(["draft", "approved"]), text: z.string(), approval: ApprovalSchema }).nullable(),
  obligations: z.array(DischargeSchema),
  abilities: z.object({ manage: z.boolean(), approve: z.boolean() }),
});
export type SupervisionYear = z.infer<typeof SupervisionYearSchema>;
export type Approval = z.infer<typeof ApprovalSchema>;

export const RollForwardResultSchema = z.object({
  /** What changed from last year's plan: items carried over (due dates a year on), and those left out. */
  carried: z.number().int(),
  differences: z.array(
    z.object({ kind: z.enum(["added", "removed", "changed"]), item: z.string(), detail: z.string() }),
  ),
  year: SupervisionYearSchema,
});
