/** The presenter of GET /api/me: who the user is, what they hold, and what they may do. */
import { type FastifyRequest } from "fastify";
import { type Actor, scopesFor } from "../../domain/access.js";
import { PERMISSIONS, type Permission } from "../../domain/permissions.js";
import { type RequestAuth } from "../../platform/access/request-auth.js";
import { idleExpiry } from "../../platform/auth/sessions.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Me } from "./contract.js";

/**
 * Per actor object: a session's actor is shared by its requests while nothing it came from changes
 * (platform/auth/auth-cache.ts), so this is worked out once per session rather than per request.
 */
const abilitiesByActor = new WeakMap<Actor, Record<Permission, boolean>>();

function abilitiesOf(actor: Actor): Record<Permission, boolean> {
  let abilities = abilitiesByActor.get(actor);
  if (!abilities) {
    abilities = Object.fromEntries(
      PERMISSIONS.map((permission: Permission) => {
        const scopes = scopesFor(actor, permission);
        return [permission, scopes === "all" || scopes.length > 0];
      }),
    ) as Record<Permission, boolean>;
    abilitiesByActor.set(actor, abilities);
  }
  return abilities;
}

/** Builds the Me response for an authenticated request. */
export function presentMe(request: FastifyRequest, auth: RequestAuth): Me {
  const { account, actor, session, person } = auth;
  const abilities = abilitiesOf(actor);
  return {
    account: {
      id: account.id,
      username: account.username,
      displayName: account.display_name,
      adminRole: account.admin_role,
      totpEnabled: account.totp_secret !== null,
      totpRequired: auth.totpRequired,
      passwordChangedAt: account.password_changed_at,
    },
    person,
    roles: actor.grants.map((g) => ({
      grantId: g.id,
      role: g.role,
      unitId: g.unitId,
      unitName: g.unitName,
      startsOn: g.startsOn,
      endsOn: g.endsOn,
    })),
    abilities,
    pending: auth.pending,
    csrfToken: session.csrf_token,
    session: {
      id: session.public_id,
      createdAt: session.created_at,
      expiresAt: session.expires_at,
      idleExpiresAt: toInstant(idleExpiry(session, request.server.config)),
    },
  };
}
