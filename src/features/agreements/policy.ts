/**
 * Who may do what with a responsibility agreement (pure). The signer always sees and alone signs their own; anyone
 * whose scope covers the agreement's unit reads it; the secrecy office issues and voids (实施细则第十三条).
 */
import { authorize, type Actor } from "../../domain/access.js";
import { type AgreementStatus } from "../../domain/agreement.js";
import { type Permission } from "../../domain/permissions.js";

/**
 * Issuing and voiding. Meant to be "agreement.manage" (held by secrecyOffice); until that permission is in
 * domain/permissions.ts this reuses "org.manage", which the same role holds on the same scope.
 */
export const AGREEMENT_MANAGE: Permission = "agreement.manage";

/** Reading agreements: the unit tree's read permission, as for the unit itself. */
export const AGREEMENT_READ: Permission = "unit.read";

export interface AgreementPlace {
  personId: string;
  unitPath: string;
  status: AgreementStatus;
}

/** The named signer, whoever else may see the unit. */
export function isSigner(actor: Actor, agreement: Pick<AgreementPlace, "personId">): boolean {
  return actor.personId !== null && actor.personId === agreement.personId;
}

export function canRead(actor: Actor, agreement: AgreementPlace): boolean {
  return isSigner(actor, agreement) || authorize(actor, AGREEMENT_READ, { unitPath: agreement.unitPath });
}

export function canSign(actor: Actor, agreement: AgreementPlace): boolean {
  return agreement.status === "issued" && isSigner(actor, agreement);
}

export function canVoid(actor: Actor, agreement: AgreementPlace): boolean {
  return (
    (agreement.status === "issued" || agreement.status === "draft") &&
    authorize(actor, AGREEMENT_MANAGE, { unitPath: agreement.unitPath })
  );
}
