/**
 * Who sees and who fills a self-assessment (pure). Readers are as for inspections — `inspection.read` — but over the
 * unit assessed, so a unit head sees their own unit's and the secrecy office (over the institution) every unit's and
 * the institution's own; whoever may fill one sees it too. A unit's is filled by `selfAssessment.submit` over the unit
 * (its head or liaison); the institution's own by `inspection.manage` over the whole institution (the secrecy office).
 */
import { type Actor, authorize } from "../../domain/access.js";
import { type Permission } from "../../domain/permissions.js";
import { coversInstitution, reachesInstitution } from "../meetings/policy.js";

export const INSPECTION_READ: Permission = "inspection.read";
export const INSPECTION_MANAGE: Permission = "inspection.manage";
export const SELF_ASSESSMENT_SUBMIT: Permission = "selfAssessment.submit";
export const SUPERVISION_READ: Permission = "supervision.read";

/** Where a self-assessment sits: its unit, its institution, and whether it is the institution's own. */
export interface Target {
  unitPath: string;
  institutionPath: string;
  own: boolean;
}

/** Whether the actor sees the self-assessment of the unit. */
export function maySee(actor: Actor, unitPath: string): boolean {
  return (
    authorize(actor, INSPECTION_READ, { unitPath }) ||
    authorize(actor, SELF_ASSESSMENT_SUBMIT, { unitPath }) ||
    authorize(actor, INSPECTION_MANAGE, { unitPath })
  );
}

/** Whether the actor answers and submits it: the unit's head or liaison, or for the institution's own the office. */
export function mayFill(actor: Actor, target: Target): boolean {
  return target.own
    ? coversInstitution(actor, INSPECTION_MANAGE, target.institutionPath)
    : authorize(actor, SELF_ASSESSMENT_SUBMIT, { unitPath: target.unitPath });
}

/** Whether the actor has anything to see in the institution: some unit of theirs lies on its branch. */
export function reaches(actor: Actor, institutionPath: string): boolean {
  return (
    reachesInstitution(actor, INSPECTION_READ, institutionPath) ||
    reachesInstitution(actor, SELF_ASSESSMENT_SUBMIT, institutionPath)
  );
}

/** Whether the committee's year-end scores are the actor's to read (督查考核, 第十二条第（二）项). */
export function readsCommittee(actor: Actor, institutionPath: string): boolean {
  return reachesInstitution(actor, SUPERVISION_READ, institutionPath);
}
