/** Authorization at the top of a handler: allowed, or a 403 (visible) / 404 (invisible) that is audited. */
import { type FastifyRequest } from "fastify";
import { authorize, type Actor, type Resource } from "../../domain/access.js";
import { AppError } from "../../domain/errors.js";
import { type Permission } from "../../domain/permissions.js";
import { authOf, deny } from "./request-auth.js";

export const FORBIDDEN = new AppError("FORBIDDEN", {
  zh: "没有执行此操作的权限",
  en: "You are not allowed to do this",
});
export const NOT_FOUND = new AppError("NOT_FOUND", {
  zh: "记录不存在或无权查看",
  en: "No such record, or not visible to you",
});

/** The actor, when it holds the permission on the resource; otherwise an audited 403. */
export async function requirePermission(
  request: FastifyRequest,
  permission: Permission,
  resource: Resource = {},
  object: { type: string; id: string | null } | null = null,
): Promise<Actor> {
  const actor = authOf(request).actor;
  if (!authorize(actor, permission, resource)) await deny(request, FORBIDDEN, { action: permission, object });
  return actor;
}

/** An audited 404 for a resource the actor may not see: it must not learn that it exists. */
export function notVisible(
  request: FastifyRequest,
  permission: Permission,
  object: { type: string; id: string | null },
): Promise<never> {
  return deny(request, NOT_FOUND, { action: permission, object });
}
