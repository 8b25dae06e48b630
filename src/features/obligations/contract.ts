/**
 * Obligations (履职事项): the list, one obligation with its evidence, discharge and waiver, the dashboard
 * (责任落实总览), the inbox (待办), the academic calendar and events. Shared with the web.
 */
import { z } from "zod";
import { OBLIGATION_STATUSES } from "../../domain/obligation.js";
import { CalendarDateSchema, pageOf, PageQuerySchema } from "../../domain/paging.js";
import { WEBHOOK_FORMATS } from "../../platform/webhooks/formats.js";
import { WebhookTargetSchema } from "../../platform/webhooks/target.js";

const YearSchema = z.coerce.number().int().min(2000).max(2100);
const IdSchema = z.string().min(1).max(64);
const Named = z.object({ id: z.string(), name: z.string() });

export const ObligationFiltersSchema = z.strictObject({
  year: YearSchema.optional(),
  /** An article (`art12`) or an item (`art12.1`). */
  article: z
    .string()
    .regex(/^art\d{1,3}(\.\d{1,2})?$/, "须为 artN 或 artN.M 形式的条款编号")
    .optional(),
  dutyId: z.string().min(3).max(80).optional(),
  bearerRole: z.string().min(2).max(40).optional(),
  /** Obligations borne in this unit or any unit below it. */
  unitId: IdSchema.optional(),
  personId: IdSchema.optional(),
  status: z.enum(OBLIGATION_STATUSES).optional(),
  periodId: z.string().min(1).max(64).optional(),
  dueFrom: CalendarDateSchema.optional(),
  dueTo: CalendarDateSchema.optional(),
  /** Only obligations the signed-in person bears or answers for. */
  mine: z.enum(["true", "false"]).optional(),
});
export type ObligationFilters = z.infer<typeof ObligationFiltersSchema>;

export const ObligationListQuerySchema = PageQuerySchema.extend(ObligationFiltersSchema.shape);

export const ObligationSummarySchema = z.object({
  id: z.string(),
  dutyId: z.string(),
  duty: z.string(),
  article: z.string(),
  /** 第十二条第（一）项 */
  citation: z.string(),
  bearerRole: z.string(),
  bearerRoleName: z.string(),
  bearer: z.string(),
  unit: Named,
  personId: z.string().nullable(),
  periodId: z.string(),
  period: z.string(),
  year: z.number().int(),
  startsOn: z.string(),
  dueOn: z.string().nullable(),
  dueAt: z.string().nullable(),
  status: z.enum(OBLIGATION_STATUSES),
  statusName: z.string(),
  escalationLevel: z.number().int(),
  closedAt: z.string().nullable(),
});
export type ObligationSummary = z.infer<typeof ObligationSummarySchema>;
export const ObligationListSchema = pageOf(ObligationSummarySchema);

const HolderViewSchema = z.object({ personId: z.string(), name: z.string(), role: z.string(), acting: z.boolean() });

export const EvidenceSchema = z.object({
  id: z.string(),
  summary: z.string(),
  documentNo: z.string().nullable(),
  file: z.object({ name: z.string(), type: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  decision: z.enum(["pending", "approved", "rejected"]),
  decisionName: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type EvidenceView = z.infer<typeof EvidenceSchema>;

export const ObligationSchema = ObligationSummarySchema.extend({
  /** What discharges it, in words: the record and its condition, or evidence approved by whom. */
  discharge: z.string(),
  cadence: z.string(),
  /** The article's own words, so the bearer reads what is asked of them. */
  provision: z.string(),
  record: z.object({ kind: z.string(), id: z.string() }).nullable(),
  waiveReason: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** Who was responsible: frozen when fulfilled or waived, else who is responsible today. */
  responsible: z.array(HolderViewSchema),
  responsibleFrozen: z.boolean(),
  /** Whom an overdue obligation escalates to, in order (Art. 3–6 chain). */
  chain: z.array(z.object({ level: z.string(), levelName: z.string(), holders: z.array(HolderViewSchema) })),
  /** Who may approve evidence for it. */
  approvers: z.array(HolderViewSchema),
  evidence: z.array(EvidenceSchema),
  abilities: z.object({ submitEvidence: z.boolean(), decide: z.boolean(), waive: z.boolean() }),
});
export type ObligationView = z.infer<typeof ObligationSchema>;

/** Evidence: a summary (required), a document number, and optionally one file (base64, ≤ 5 MB). */
export const SubmitEvidenceRequestSchema = z.strictObject({
  summary: z.string().trim().min(2, "请填写落实情况说明（至少 2 个字）").max(2000, "说明不超过 2000 字"),
  documentNo: z.string().trim().max(100, "文号不超过 100 字").optional(),
  file: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      type: z.string().max(200),
      contentBase64: z.string().min(1).max(7_000_000, "附件不超过 5 MB"),
    })
    .optional(),
});
export type SubmitEvidenceRequest = z.infer<typeof SubmitEvidenceRequestSchema>;

export const DecideEvidenceRequestSchema = z.strictObject({
  decision: z.enum(["approved", "rejected"]),
  note: z.string().trim().max(1000, "意见不超过 1000 字").optional(),
});

export const WaiveRequestSchema = z.strictObject({
  reason: z.string().trim().min(4, "请填写豁免理由（至少 4 个字）").max(1000, "理由不超过 1000 字"),
});

export const EvidenceParamsSchema = z.strictObject({ id: IdSchema, evidenceId: IdSchema });

/** One bar of the dashboard: how many obligations, how many fulfilled, waived, overdue. */
const TallySchema = z.object({
  key: z.string(),
  name: z.string(),
  total: z.number().int(),
  fulfilled: z.number().int(),
  waived: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  /** (fulfilled + waived) / total, 0–1; 1 when there is nothing. */
  rate: z.number(),
});
export type Tally = z.infer<typeof TallySchema>;

export const DashboardQuerySchema = z.strictObject({ year: YearSchema.optional(), unitId: IdSchema.optional() });

export const DashboardSchema = z.object({
  year: z.number().int(),
  today: z.string(),
  totals: TallySchema,
  byUnit: z.array(TallySchema),
  byLeader: z.array(TallySchema),
  byArticle: z.array(TallySchema),
  byStatus: z.array(z.object({ status: z.enum(OBLIGATION_STATUSES), name: z.string(), count: z.number().int() })),
  trend: z.array(TallySchema),
  overdue: z.array(ObligationSummarySchema),
});
export type DashboardView = z.infer<typeof DashboardSchema>;

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  obligationId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const InboxQuerySchema = PageQuerySchema.extend({ unread: z.enum(["true", "false"]).optional() });
export const InboxSchema = pageOf(NotificationSchema).extend({ unread: z.number().int() });
export type NotificationView = z.infer<typeof NotificationSchema>;

export const TermSchema = z.object({
  /** `2026-2027-2`: academic year 2026–2027, second semester. */
  id: z.string(),
  academicYear: z.number().int(),
  ordinal: z.union([z.literal(1), z.literal(2)]),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** False while the platform's default dates stand in for the institution's own. */
  stored: z.boolean(),
});
export type TermView = z.infer<typeof TermSchema>;

export const CalendarQuerySchema = z.strictObject({
  from: YearSchema.optional(),
  to: YearSchema.optional(),
  institutionId: IdSchema.optional(),
});
export const CalendarSchema = z.object({
  institution: Named,
  terms: z.array(TermSchema),
  windows: z.array(z.object({ id: z.string(), name: z.string(), from: z.string(), to: z.string() })),
  timings: z.object({ dueSoonDays: z.number().int(), escalationDays: z.number().int() }),
});

export const SaveTermRequestSchema = z
  .strictObject({
    academicYear: z.number().int().min(2000).max(2100),
    ordinal: z.union([z.literal(1), z.literal(2)]),
    startsOn: CalendarDateSchema,
    endsOn: CalendarDateSchema,
    institutionId: IdSchema.optional(),
  })
  .refine((t) => t.endsOn > t.startsOn, { path: ["endsOn"], message: "结束日期须晚于开始日期" });

export const RaiseEventRequestSchema = z.strictObject({
  event: z.string().min(3).max(80),
  unitId: IdSchema,
  /** The person the event concerns, for a person's duty (a cleared person taking up the post signs the pledge). */
  personId: IdSchema.optional(),
  occurredAt: z.iso.datetime({ offset: true, message: "须为带时区的时间，如 2027-03-01T09:00:00+08:00" }),
  summary: z.string().trim().min(2, "请填写事由（至少 2 个字）").max(500, "事由不超过 500 字"),
});
export const RaiseEventResultSchema = z.object({
  id: z.string(),
  event: z.string(),
  eventName: z.string(),
  obligations: z.array(ObligationSummarySchema),
});

export const MaterializeRequestSchema = z.strictObject({ year: z.number().int().min(2000).max(2100) });
export const MaterializeResultSchema = z.object({
  year: z.number().int(),
  created: z.number().int(),
  removed: z.number().int(),
  kept: z.number().int(),
  fulfilledByRecords: z.number().int(),
});

/** Days in each month of a common year: a window recurs every year, so 02-29 is not a date it can use. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MonthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "须为 MM-DD 格式，如 03-31")
  .refine(
    (md) => Number(md.slice(3)) <= (MONTH_DAYS[Number(md.slice(0, 2)) - 1] ?? 0),
    "每年都有的日期才可作为时间窗（如 02-28，不可为 02-29、04-31）",
  );
const WindowSchema = z
  .strictObject({ from: MonthDaySchema, to: MonthDaySchema })
  .refine((w) => w.to >= w.from, { path: ["to"], message: "结束不能早于开始" });

/** The year windows (年初/年中/年底) and the timings of reminders and escalation. */
export const ScheduleSettingsSchema = z.strictObject({
  windows: z.strictObject({ start: WindowSchema, mid: WindowSchema, end: WindowSchema }),
  timings: z.strictObject({
    dueSoonDays: z.number().int().min(1, "至少提前 1 天").max(90, "最多提前 90 天"),
    escalationDays: z.number().int().min(1, "至少 1 天").max(60, "最多 60 天"),
  }),
});

/** A webhook target as the settings screen shows it: the secret never leaves the server. */
export const WebhookViewSchema = z.object({
  name: z.string().nullable(),
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  hasSecret: z.boolean(),
});

export const ObligationSettingsSchema = ScheduleSettingsSchema.extend({ webhooks: z.array(WebhookViewSchema) });

/** The webhook list as saved; a target saved without `secret` keeps the one it had (same URL), `null` clears it. */
export const SaveWebhooksRequestSchema = z.strictObject({
  webhooks: z
    .array(
      // `secret: null` removes a target's secret; leaving it out keeps the one it had.
      WebhookTargetSchema.extend({ secret: z.string().trim().min(1).max(200).nullable().optional() }),
    )
    .max(20)
    .superRefine((targets, ctx) =>
      targets.forEach((t, i) => {
        if (targets.findIndex((o) => o.url === t.url) !== i)
          ctx.addIssue({ code: "custom", path: [i, "url"], message: "推送地址重复" });
      }),
    ),
});

export const WebhookTestResultSchema = z.object({
  results: z.array(z.object({ url: z.string(), ok: z.boolean(), error: z.string().nullable() })),
});

/**
 * An obligation a record discharges (or will, once the record is final), as every record's page shows it: the duty
 * and its article, the period, and the status of the day — an open duty past its day reads 已逾期, not 未开始.
 */
export const DischargeSchema = z.object({
  obligationId: z.string(),
  dutyId: z.string(),
  title: z.string(),
  citation: z.string(),
  period: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(OBLIGATION_STATUSES),
});
export type Discharge = z.infer<typeof DischargeSchema>;
