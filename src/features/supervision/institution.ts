/** Which institution a supervision request is about, and whether the actor reads or keeps its supervision. */
import { type FastifyRequest } from "fastify";
import { AppError } from "../../domain/errors.js";
import { authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { coversInstitution, reachesInstitution } from "../meetings/policy.js";

export interface Institution {
  id: string;
  name: string;
  path: string;
}

export const SUPERVISION_READ = "supervision.read" as const;
export const SUPERVISION_MANAGE = "supervision.manage" as const;

/**
 * The institution named, or the only one the actor reaches: an audited 404 for one out of reach, a 400 asking to
 * name it when the actor reaches several (a provincial office).
 */
export async function institutionOf(request: FastifyRequest, institutionId?: string): Promise<Institution> {
  const actor = authOf(request).actor;
  const all = await request.server.db.kysely
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("kind", "=", "institution")
    .$if(institutionId !== undefined, (q) => q.where("id", "=", institutionId ?? ""))
    .execute();
  const reached = all.filter((unit) => reachesInstitution(actor, SUPERVISION_READ, unit.path));
  if (reached.length === 0)
    return notVisible(request, SUPERVISION_READ, { type: "institution", id: institutionId ?? null });
  if (reached.length > 1)
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "请指明院校", en: "Name the institution" },
      { issues: [{ field: "query.institutionId", message: "请指明院校" }] },
    );
  return reached[0]!;
}

/** The institution, if the actor keeps its supervision (the secrecy office over it); otherwise an audited 403. */
export async function managedInstitution(request: FastifyRequest, institutionId?: string): Promise<Institution> {
  const institution = await institutionOf(request, institutionId);
  if (!coversInstitution(authOf(request).actor, SUPERVISION_MANAGE, institution.path))
    await deny(request, FORBIDDEN, { action: SUPERVISION_MANAGE, object: { type: "institution", id: institution.id } });
  return institution;
}
