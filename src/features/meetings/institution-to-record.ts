/**
 * The institution a new committee record is made for (a tracked task, a report, a research topic, a register entry):
 * the one the request names, or the only one the actor's scope covers for the permission. A named one that does not
 * exist is a 400; none covered is an audited 403; more than one (a provincial authority's office) is a 400 asking for `institutionId`, which the web's institution picker
 * supplies (components/institution-picker.tsx).
 */
import { type FastifyRequest } from "fastify";
import { type Permission } from "../../domain/permissions.js";
import { authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN } from "../../platform/access/require.js";
import { badField } from "./guards.js";
import { coversInstitution } from "./policy.js";

export interface Institution {
  id: string;
  name: string;
  path: string;
}

export async function institutionToRecord(
  request: FastifyRequest,
  permission: Permission,
  institutionId: string | undefined,
  object: { type: string; id: string | null },
): Promise<Institution> {
  const actor = authOf(request).actor;
  const institutions = await request.server.db.kysely
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("kind", "=", "institution")
    .$if(institutionId !== undefined, (q) => q.where("id", "=", institutionId ?? ""))
    .execute();
  if (institutionId !== undefined && institutions.length === 0)
    throw badField("body.institutionId", "院校不存在", "No such institution");
  const covered = institutions.filter((i) => coversInstitution(actor, permission, i.path));
  if (covered.length === 0) return deny(request, FORBIDDEN, { action: permission, object });
  if (covered.length > 1) throw badField("body.institutionId", "请指明院校", "Name the institution");
  return covered[0]!;
}
