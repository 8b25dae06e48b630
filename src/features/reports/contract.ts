/** Reports and requests upward (实施细则第十二条第（四）项): request and response schemas, shared with the web. */
import { z } from "zod";
import { pageOf, PageQuerySchema } from "../../domain/paging.js";
import { DischargeSchema } from "../obligations/contract.js";
import { REPORT_KINDS, REPORT_RECIPIENTS, REPORT_STATUSES } from "./kinds.js";

const IdSchema = z.string().min(1).max(64);
const Named = z.object({ id: z.string(), name: z.string() });
const ContactSchema = z.strictObject({
  name: z.string().trim().min(1, "请填写联系人").max(50, "联系人不超过 50 字"),
  phone: z
    .string()
    .trim()
    .regex(/^[\d\-+() ]{5,30}$/, "请填写有效的联系电话"),
});

export const CreateReportRequestSchema = z.strictObject({
  kind: z.enum(REPORT_KINDS),
  recipient: z.enum(REPORT_RECIPIENTS),
  year: z.number().int().min(2000).max(2100),
  /** For a major-matter report or a request: the office writes it; plan and summary reports are compiled. */
  title: z.string().trim().min(4, "请填写标题").max(200, "标题不超过 200 字").optional(),
  body: z.string().trim().min(10, "正文至少 10 个字").max(50_000, "正文不超过 5 万字").optional(),
  contact: ContactSchema.optional(),
  institutionId: IdSchema.optional(),
});

export const UpdateReportRequestSchema = z.strictObject({
  title: z.string().trim().min(4, "请填写标题").max(200, "标题不超过 200 字"),
  body: z.string().trim().min(10, "正文至少 10 个字").max(50_000, "正文不超过 5 万字"),
  attachments: z.array(z.string().trim().min(1).max(200, "附件名称不超过 200 字")).max(20).default([]),
  contact: ContactSchema.nullable().optional(),
});

export const SignReportRequestSchema = z.strictObject({
  password: z.string().min(1, "请输入密码以确认签发").max(1024),
});
export const SubmitReportRequestSchema = z.strictObject({
  note: z.string().trim().min(2, "请填写报送方式，如“机要交换”").max(500, "报送说明不超过 500 字"),
});

export const ReportListQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
});

export const ReportSummarySchema = z.object({
  id: z.string(),
  institution: Named,
  year: z.number().int(),
  kind: z.enum(REPORT_KINDS),
  kindName: z.string(),
  recipient: z.enum(REPORT_RECIPIENTS),
  recipientName: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusName: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  signedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export const ReportListSchema = pageOf(ReportSummarySchema);

export const ReportSchema = ReportSummarySchema.extend({
  body: z.string(),
  attachments: z.array(z.string()),
  contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
  signer: z
    .object({
      person: Named,
      signedAs: z.enum(["director", "delegate"]),
      delegationPurpose: z.string().nullable(),
      signedAt: z.string(),
      signature: z.string(),
    })
    .nullable(),
  submittedNote: z.string().nullable(),
  citation: z.string(),
  obligations: z.array(DischargeSchema),
  abilities: z.object({ edit: z.boolean(), sign: z.boolean(), submit: z.boolean() }),
});
export type ReportView = z.infer<typeof ReportSchema>;
