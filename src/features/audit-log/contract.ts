/** The auditor's view of the audit log. Shared with the web. */
import { z } from "zod";
import { pageOf } from "../../domain/paging.js";

export const AUDIT_RESULTS = ["success", "failure", "denied"] as const;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorAccountId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  unitId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  sourceIp: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

const instantFilter = z.iso.datetime({ offset: true }).optional();

/** Filters shared by the list and the export; the list pages backwards from the newest entry. */
export const AuditFilterSchema = z.strictObject({
  from: instantFilter.describe("inclusive, ISO 8601"),
  to: instantFilter.describe("exclusive, ISO 8601"),
  actor: z.string().trim().max(64).optional().describe("username"),
  action: z.string().trim().max(64).optional().describe("exact action, or a prefix ending in '.' such as 'auth.'"),
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(64).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
});

export const AuditListQuerySchema = AuditFilterSchema.extend({
  cursor: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional()
    .describe("seq of the last entry of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditListSchema = pageOf(AuditEntrySchema);

export const AuditExportQuerySchema = AuditFilterSchema.extend({
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
});
