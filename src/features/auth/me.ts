/** The presenter of GET /api/me: who the user is, what they hold, and what they may do. */
import { type FastifyRequest } from "fastify";
import { scopesFor } from "../../domain/access.js";
import { PERMISSIONS, type Permission } from "../../domain/permissions.js";
import { type RequestAuth } from "../../platform/access/request-auth.js";
import { idleExpiry } from "../../platform/auth/sessions.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Me } from "./contract.js";

/** Builds the Me response for an authenticated request. */
export async function presentMe(request: FastifyRequest, auth: RequestAuth): Promise<Me> {
  const db = request.server.db.kysely;
  const { account, actor, session } = auth;
  const person = account.person_id
    ? await db
        .selectFrom("person")
        .select(["id", "name", "unit_id"])
        .where("id", "=", account.person_id)
        .executeTakeFirst()
    : undefined;
  const abilities = Object.fromEntries(
    PERMISSIONS.map((permission: Permission) => {
      const scopes = scopesFor(actor, permission);
      return [permission, scopes === "all" || scopes.length > 0];
    }),
  ) as Record<Permission, boolean>;
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
    person: person ? { id: person.id, name: person.name, unitId: person.unit_id } : null,
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
