/** Requests and responses of sign-in, sessions and each user's own security settings. Shared with the web. */
import { z } from "zod";
import { PERMISSIONS } from "../../domain/permissions.js";
import { ADMIN_ROLES, BUSINESS_ROLES } from "../../domain/roles.js";
import { PENDING_STEPS } from "../../domain/sign-in.js";

export { PENDING_STEPS, type PendingStep } from "../../domain/sign-in.js";
export const PendingStepSchema = z.enum(PENDING_STEPS);

export const LoginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** The answer to every step of sign-in: what is still pending, and the CSRF token to send with unsafe requests. */
export const SessionStateSchema = z.object({
  pending: z.array(PendingStepSchema),
  csrfToken: z.string(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

/** A 6-digit TOTP code, or a recovery code (xxxx-xxxx-xxxx). */
export const TotpRequestSchema = z.strictObject({
  code: z.string().trim().min(6).max(20),
});

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const PasswordConfirmRequestSchema = z.strictObject({
  password: z.string().min(1).max(128),
});

export const TotpSetupSchema = z.object({
  secret: z.string().describe("base32, for manual entry"),
  uri: z.string().describe("otpauth:// URI, for a QR code"),
});

export const RecoveryCodesSchema = z.object({
  codes: z.array(z.string()).describe("shown once; each works once"),
});

export const MeSchema = z.object({
  account: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    adminRole: z.enum(ADMIN_ROLES).nullable(),
    totpEnabled: z.boolean(),
    totpRequired: z.boolean(),
    passwordChangedAt: z.string().nullable(),
  }),
  person: z.object({ id: z.string(), name: z.string(), unitId: z.string().nullable() }).nullable(),
  roles: z.array(
    z.object({
      grantId: z.string(),
      role: z.enum(BUSINESS_ROLES),
      unitId: z.string(),
      unitName: z.string(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
  /** What the actor may do somewhere (lists, menus); per-resource abilities come with each resource. */
  abilities: z.record(z.enum(PERMISSIONS), z.boolean()),
  pending: z.array(PendingStepSchema),
  csrfToken: z.string(),
  session: z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string(), idleExpiresAt: z.string() }),
});
export type Me = z.infer<typeof MeSchema>;

export const OwnSessionSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const OwnSessionListSchema = z.object({ items: z.array(OwnSessionSchema) });
export type OwnSession = z.infer<typeof OwnSessionSchema>;

export const SessionIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });
