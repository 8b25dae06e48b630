/** Accounts, as the system administrator manages them. Shared with the web. */
import { z } from "zod";
import { pageOf, PageQuerySchema } from "../../domain/paging.js";
import { ADMIN_ROLES } from "../../domain/roles.js";

export const ACCOUNT_STATUSES = ["active", "disabled"] as const;

export const AccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  adminRole: z.enum(ADMIN_ROLES).nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  person: z
    .object({ id: z.string(), name: z.string(), unitId: z.string().nullable(), unitName: z.string().nullable() })
    .nullable(),
  abilities: z.object({ manage: z.boolean() }),
});
export type Account = z.infer<typeof AccountSchema>;

export const AccountListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(64).optional().describe("part of the username or name"),
  status: z.enum(ACCOUNT_STATUSES).optional(),
});
export const AccountListSchema = pageOf(AccountSchema);

/** Usernames: letters, digits, dot, underscore, hyphen; 3–64; case-insensitive. */
export const UsernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "只能包含字母、数字、点、下划线和连字符");

export const CreateAccountRequestSchema = z.strictObject({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(64).describe("the person's name; a person record is created with it"),
  unitId: z.string().min(1).max(64).describe("the person's unit"),
});

export const UpdateAccountRequestSchema = z.strictObject({
  status: z.enum(ACCOUNT_STATUSES).optional(),
  displayName: z.string().trim().min(1).max(64).optional(),
});

export const OneTimePasswordSchema = z.object({
  account: AccountSchema,
  oneTimePassword: z.string().describe("shown once; must be changed at first sign-in"),
});

export { IdParamsSchema as AccountIdParamsSchema } from "../../domain/paging.js";
