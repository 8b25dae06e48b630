/**
 * The institution whose registers of versioned data (checklists, rubrics) the actor reads: the one the request names,
 * or the only one it reads; none (an actor who reads no institution): null, and the caller shows the shipped data
 * alone. A named one the actor does not read is a 400 naming `query.institutionId`.
 */
import { type FastifyRequest } from "fastify";
import { type Localized } from "../../domain/errors.js";
import { type Permission } from "../../domain/permissions.js";
import { authOf } from "../../platform/access/request-auth.js";
import { badField } from "./guards.js";
import { reachableInstitutions } from "./queries.js";

export async function institutionToRead(
  request: FastifyRequest,
  permission: Permission,
  named: string | undefined,
  /** What cannot be read there, for the refusal: 检查表, 评分表. */
  what: Localized,
): Promise<{ id: string; path: string } | null> {
  const db = request.server.db.kysely;
  const reachable = await reachableInstitutions(db, authOf(request).actor, permission);
  if (named !== undefined && !reachable.includes(named))
    throw badField(
      "query.institutionId",
      `无权查看该院校的${what.zh}，或院校不存在`,
      `No such institution among yours for ${what.en}`,
    );
  const id = named ?? (reachable.length === 1 ? reachable[0] : undefined);
  if (id === undefined) return null;
  return db.selectFrom("unit").select(["id", "path"]).where("id", "=", id).executeTakeFirstOrThrow();
}
