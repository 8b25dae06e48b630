/** What an authenticated request carries, and how its actor is described in the audit log. */
import { type FastifyRequest } from "fastify";
import { type Actor } from "../../domain/access.js";
import { type AppError } from "../../domain/errors.js";
import { type PendingStep } from "../../domain/sign-in.js";
import { type AuditEvent } from "../audit/audit-log.js";
import { type AuthPerson } from "../auth/auth-cache.js";
import { type AccountTable, type SessionTable } from "../db/schema.js";
import { actingRole } from "./actor.js";

/** Shared between requests of a session while nothing it came from changes (auth-cache.ts): read-only. */
export interface RequestAuth {
  readonly session: Readonly<SessionTable>;
  readonly account: Readonly<AccountTable>;
  readonly actor: Actor;
  readonly person: AuthPerson | null;
  pending: PendingStep[];
  totpRequired: boolean;
}

/** Who and where, for an audit entry about this request. */
export function auditContext(request: FastifyRequest): Pick<AuditEvent, "actor" | "sourceIp" | "requestId"> {
  const auth = request.auth;
  return {
    actor: auth
      ? {
          accountId: auth.account.id,
          username: auth.account.username,
          role: actingRole(auth.actor),
          unitId: auth.actor.grants[0]?.unitId ?? null,
        }
      : { accountId: null, username: null, role: null, unitId: null },
    sourceIp: request.ip,
    requestId: request.id,
  };
}

/** The authenticated state of a request whose route requires it; the guard guarantees it is there. */
export function authOf(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new Error("route reached without authentication: check its access config");
  return request.auth;
}

/** Records a refusal in the audit log, then throws it. Every denial is audited (DESIGN.md §5). */
export async function deny(
  request: FastifyRequest,
  error: AppError,
  what: { action: string; object?: { type: string; id: string | null } | null },
): Promise<never> {
  await request.server.audit.record({
    ...auditContext(request),
    action: what.action,
    object: what.object ?? null,
    result: "denied",
    details: { code: error.code, method: request.method, route: request.routeOptions.url ?? request.url },
  });
  throw error;
}
