/**
 * Authorization as a pure function (DESIGN.md §3, §5): an actor, an action, and where the resource sits in the unit
 * tree. Administrators act institution-wide within their own permissions; business roles act within the unit subtree
 * of each grant, between its start and end dates. Scopes are materialized unit paths (`/root/child/`), so "inside the
 * subtree" is a prefix test here and a LIKE in SQL (`visibleTo`).
 */
import { type Permission, permissionsOf } from "./permissions.js";
import { type AdminRole, type BusinessRole } from "./roles.js";

/** A role granted on a unit subtree, with dates (YYYY-MM-DD; end inclusive, null = open). */
export interface Grant {
  id: string;
  role: BusinessRole;
  unitId: string;
  unitPath: string;
  unitName: string;
  startsOn: string;
  endsOn: string | null;
}

/** Who is acting, as loaded for one request. */
export interface Actor {
  accountId: string;
  username: string;
  personId: string | null;
  adminRole: AdminRole | null;
  grants: readonly Grant[];
  /** Today in the institution's calendar (Asia/Shanghai), for grant dates. */
  today: string;
}

/** Where a resource sits; omitted for institution-wide things and for "anywhere in my scope" (lists). */
export interface Resource {
  unitPath?: string | null;
}

/** Whether a grant is in force on a date. */
export function grantActive(grant: Grant, on: string): boolean {
  return grant.startsOn <= on && (grant.endsOn === null || grant.endsOn >= on);
}

/** The unit paths within which the actor holds a permission, or "all" for an administrator's own permissions. */
export function scopesFor(actor: Actor, permission: Permission): "all" | string[] {
  if (actor.adminRole) return permissionsOf(actor.adminRole).includes(permission) ? "all" : [];
  const paths = actor.grants
    .filter((grant) => grantActive(grant, actor.today) && permissionsOf(grant.role).includes(permission))
    .map((grant) => grant.unitPath);
  // A scope inside another scope adds nothing; dropping it keeps the SQL filter short.
  return [...new Set(paths)].filter((path, _i, all) => !all.some((other) => other !== path && path.startsWith(other)));
}

/** Whether the actor may take the action on the resource. Pure and synchronous. */
export function authorize(actor: Actor, action: Permission, resource: Resource = {}): boolean {
  const scopes = scopesFor(actor, action);
  if (scopes === "all") return true;
  if (scopes.length === 0) return false;
  const unitPath = resource.unitPath;
  if (unitPath === undefined) return true;
  if (unitPath === null) return false;
  return scopes.some((scope) => unitPath.startsWith(scope));
}

/** The actor's abilities on one resource, for the response, so the UI never re-derives the rules. */
export function abilitiesOn<A extends Permission>(
  actor: Actor,
  actions: readonly A[],
  resource: Resource = {},
): Record<A, boolean> {
  return Object.fromEntries(actions.map((action) => [action, authorize(actor, action, resource)])) as Record<
    A,
    boolean
  >;
}
