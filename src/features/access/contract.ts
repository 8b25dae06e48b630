/** Grants, clearances and security settings, as the security administrator manages them. Shared with the web. */
import { z } from "zod";
import { CalendarDateSchema, pageOf, PageQuerySchema } from "../../domain/paging.js";
import { BUSINESS_ROLES, TIERS } from "../../domain/roles.js";

export const GrantSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(BUSINESS_ROLES),
  unitId: z.string(),
  unitName: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type GrantView = z.infer<typeof GrantSchema>;

export const GrantListQuerySchema = PageQuerySchema.extend({
  accountId: z.string().max(64).optional(),
  role: z.enum(BUSINESS_ROLES).optional(),
  includeRevoked: z.enum(["true", "false"]).default("false"),
});
export const GrantListSchema = pageOf(GrantSchema);

export const CreateGrantRequestSchema = z.strictObject({
  accountId: z.string().min(1).max(64),
  role: z.enum(BUSINESS_ROLES),
  unitId: z.string().min(1).max(64),
  startsOn: CalendarDateSchema,
  endsOn: CalendarDateSchema.nullable().optional(),
});

export const ClearanceSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitName: z.string().nullable(),
  tier: z.enum(TIERS),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type ClearanceView = z.infer<typeof ClearanceSchema>;

export const ClearanceListQuerySchema = PageQuerySchema.extend({
  personId: z.string().max(64).optional(),
  tier: z.enum(TIERS).optional(),
});
export const ClearanceListSchema = pageOf(ClearanceSchema);

export const CreateClearanceRequestSchema = z.strictObject({
  personId: z.string().min(1).max(64),
  tier: z.enum(TIERS),
  startsOn: CalendarDateSchema,
  endsOn: CalendarDateSchema.nullable().optional(),
});

export const EndClearanceRequestSchema = z.strictObject({ endsOn: CalendarDateSchema });

export const SecuritySettingsSchema = z.strictObject({
  /** Business roles whose holders must use a second factor (the three administrators always must). */
  totpRequiredRoles: z.array(z.enum(BUSINESS_ROLES)).max(BUSINESS_ROLES.length),
  /** Days after which a password must be changed; null = no rotation (the default). */
  passwordRotationDays: z.number().int().min(30).max(365).nullable(),
});
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;

export { IdParamsSchema } from "../../domain/paging.js";
