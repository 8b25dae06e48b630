/**
 * Who may do what with a meeting (pure). A meeting belongs to an institution: anyone with `meeting.read` on the
 * institution or on a unit inside it sees its meetings (a unit head answers the agenda call for their unit); the
 * secrecy office with `meeting.manage` over the institution runs them. Signing is not here: it depends on who sits
 * as director, or holds a delegation, on the day (sign-off.ts asks the resolver).
 */
import { type Actor, scopesFor } from "../../domain/access.js";
import { type Permission } from "../../domain/permissions.js";

export const MEETING_READ: Permission = "meeting.read";
export const MEETING_PROPOSE: Permission = "meeting.propose";
export const MEETING_MANAGE: Permission = "meeting.manage";
export const TASK_UPDATE: Permission = "task.update";

/** Whether a scope of the permission lies on the institution's branch: above it, at it, or inside it. */
export function reachesInstitution(actor: Actor, permission: Permission, institutionPath: string): boolean {
  const scopes = scopesFor(actor, permission);
  if (scopes === "all") return true;
  return scopes.some((scope) => scope.startsWith(institutionPath) || institutionPath.startsWith(scope));
}

/** Whether a scope of the permission covers the whole institution (the office's, a provincial authority's). */
export function coversInstitution(actor: Actor, permission: Permission, institutionPath: string): boolean {
  const scopes = scopesFor(actor, permission);
  if (scopes === "all") return true;
  return scopes.some((scope) => institutionPath.startsWith(scope));
}

export function canReadMeeting(actor: Actor, institutionPath: string): boolean {
  return reachesInstitution(actor, MEETING_READ, institutionPath);
}

export function canManageMeeting(actor: Actor, institutionPath: string): boolean {
  return coversInstitution(actor, MEETING_MANAGE, institutionPath);
}

/** Whether the actor may propose an agenda item on behalf of this unit. */
export function canProposeFor(actor: Actor, unitPath: string): boolean {
  const scopes = scopesFor(actor, MEETING_PROPOSE);
  if (scopes === "all") return true;
  return scopes.some((scope) => unitPath.startsWith(scope));
}

/** Whether the actor may propose at all in this institution (some unit of theirs lies in it). */
export function canProposeIn(actor: Actor, institutionPath: string): boolean {
  return reachesInstitution(actor, MEETING_PROPOSE, institutionPath);
}

/** A tracked task is updated by its owner unit's head or liaison, or the office over the institution. */
export function canUpdateTask(actor: Actor, ownerUnitPath: string): boolean {
  const scopes = scopesFor(actor, TASK_UPDATE);
  if (scopes === "all") return true;
  return scopes.some((scope) => ownerUnitPath.startsWith(scope));
}
