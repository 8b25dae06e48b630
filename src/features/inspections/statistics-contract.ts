/**
 * Findings statistics (检查整改统计, 第十一条第（四）项、第十三条第（六）项): how many findings, how many rectified and how
 * fast, where and of what kind — each figure a count of findings the actor may read. Shared with the web.
 */
import { z } from "zod";

const IdSchema = z.string().min(1).max(64);

const isYearOrAll = (value: string) =>
  value === "all" || (/^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100);

export const FindingStatisticsQuerySchema = z.strictObject({
  year: z
    .string()
    .refine(isYearOrAll, "年度须为 2000–2100 之间的四位年份，或 all（历年合计）")
    .optional()
    .describe("年度（默认今年；all 为历年合计）"),
  institutionId: IdSchema.optional().describe("院校"),
  unitId: IdSchema.optional().describe("单位（含其下级单位）"),
});
export type FindingStatisticsQuery = z.infer<typeof FindingStatisticsQuerySchema>;

/** The findings of one group (a category, a severity, a unit, a year): how many, in which state, how rectified. */
export const FindingTallySchema = z.object({
  key: z.string(),
  name: z.string(),
  total: z.number().int(),
  /** 整改中 */
  open: z.number().int(),
  /** 待验证 */
  submitted: z.number().int(),
  /** 已销号 */
  closed: z.number().int(),
  /** Not closed and past the deadline. */
  overdue: z.number().int(),
  /** Closed on or before the deadline (Beijing time). */
  closedOnTime: z.number().int(),
  /** Of the same unit and item as an earlier finding. */
  repeats: z.number().int(),
  /** Rectification rate: closed ÷ total, 0–1; null when there is no finding. */
  rate: z.number().nullable(),
});
export type FindingTally = z.infer<typeof FindingTallySchema>;

/** A member's half-yearly inspections (plans of kind `member` the member leads) and the findings they raised. */
export const MemberTallySchema = z.object({
  personId: z.string(),
  name: z.string(),
  plans: z.number().int(),
  inspections: z.number().int(),
  inspectionsClosed: z.number().int(),
  findings: z.number().int(),
  closed: z.number().int(),
});
export type MemberTally = z.infer<typeof MemberTallySchema>;

export const FindingStatisticsSchema = z.object({
  /** The year counted; null: every year. */
  year: z.number().int().nullable(),
  today: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  totals: FindingTallySchema.extend({
    /** Closed on time ÷ closed, 0–1; null when none is closed. */
    onTimeRate: z.number().nullable(),
    /** Repeats ÷ total, 0–1; null when there is no finding. */
    repeatRate: z.number().nullable(),
    /** Days from recording to closing (销号), of the closed ones; null when none is closed. */
    daysToClose: z.object({ median: z.number().nullable(), mean: z.number().nullable() }),
  }),
  byCategory: z.array(FindingTallySchema),
  bySeverity: z.array(FindingTallySchema),
  /** The units with most overdue, then most unclosed findings; `unitCount` says how many units have any. */
  byUnit: z.array(FindingTallySchema),
  unitCount: z.number().int(),
  /** Every year the actor sees (the year filter does not apply). */
  byYear: z.array(FindingTallySchema),
  byMember: z.array(MemberTallySchema),
});
export type FindingStatistics = z.infer<typeof FindingStatisticsSchema>;
