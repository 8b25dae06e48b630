/**
 * Who answers for an obligation, asked of the responsibility resolver and the committee roster (nothing else decides
 * who is responsible): the person who bears it; for a unit, its head (Art. 6); for the committee, its director
 * (Art. 10); for the secrecy office, its head and officers (Art. 13). Also whom it escalates to, and who approves
 * its evidence.
 */
import { type Kysely } from "kysely";
import { escalationSteps, type EscalationStep } from "../../domain/obligation.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type Holder } from "../../domain/responsibility.js";
import { type Database } from "../../platform/db/schema.js";
import { committeeRoster } from "../responsibility/committee.js";
import { holdersOfPositions, responsibilityChain, responsibleFor } from "../responsibility/resolver.js";

type Db = Kysely<Database>;

/** A responsible person as the obligation stores them when it closes (frozen) and shows them meanwhile. */
export interface ResponsibleHolder {
  personId: string;
  name: string;
  role: string;
  acting: boolean;
}

/** The bearer columns of an obligation these questions need. */
export interface BearerOf {
  institution_id: string;
  bearer_role: string;
  bearer_unit_id: string;
  bearer_person_id: string | null;
  bearer_name: string;
}

const asHolder = (role: string) => (h: Holder) => ({
  personId: h.personId,
  name: h.personName,
  role,
  acting: h.acting,
});

async function directors(db: Db, policy: Policy, institutionId: string, at: string): Promise<ResponsibleHolder[]> {
  const roster = await committeeRoster(db, policy, institutionId, at);
  return roster.seats.filter((s) => s.seat === "director").flatMap((s) => s.holders.map(asHolder("director")));
}

/** The secrecy office's people: its head first, then its officers. */
export async function officeHolders(
  db: Db,
  policy: Policy,
  officeUnitId: string,
  at: string,
): Promise<ResponsibleHolder[]> {
  const rule = policy.roles.find((r) => r.id === "secrecyOffice")?.filledBy;
  const positions = rule?.kind === "position" ? rule.positions : [];
  return (await holdersOfPositions(db, officeUnitId, positions, at)).map(asHolder("secrecyOffice"));
}

/** Who is responsible for the obligation on a date. */
export async function responsibleNow(db: Db, policy: Policy, row: BearerOf, at: string): Promise<ResponsibleHolder[]> {
  if (row.bearer_person_id)
    return [{ personId: row.bearer_person_id, name: row.bearer_name, role: row.bearer_role, acting: false }];
  switch (row.bearer_role) {
    case "committee":
      return directors(db, policy, row.institution_id, at);
    case "secrecyOfficeUnit":
      return officeHolders(db, policy, row.bearer_unit_id, at);
    default:
      return (await responsibleFor(db, policy, row.bearer_unit_id, "unitHead", at)).map(asHolder("unitHead"));
  }
}

/** The escalation order on a date: the responsible people, then the bearer unit's chain upward (vacancies passed). */
export async function escalationOf(
  db: Db,
  policy: Policy,
  row: BearerOf,
  at: string,
): Promise<EscalationStep<ResponsibleHolder>[]> {
  const responsible = await responsibleNow(db, policy, row, at);
  const chain = await responsibilityChain(db, policy, row.bearer_unit_id, at);
  return escalationSteps(
    responsible,
    chain.map((link) => ({ level: link.level, holders: link.holders.map(asHolder(link.level)) })),
  );
}

/**
 * Who approves evidence for the obligation (Art. 6, 13, 10): the policy's approver for an evidence duty; for a duty
 * whose record kind has no capability yet, the bearer's superior — the first level above the responsible people in
 * the escalation order. Where that is vacant, the secrecy office decides (Art. 13.6: it guides and checks every unit).
 */
export async function approversOf(
  db: Db,
  policy: Policy,
  row: BearerOf,
  approver: "superior" | "secrecyOffice" | "director",
  officeUnitId: string,
  at: string,
): Promise<ResponsibleHolder[]> {
  if (approver === "director") {
    const found = await directors(db, policy, row.institution_id, at);
    if (found.length) return found;
  } else if (approver === "superior") {
    const steps = row.bearer_role === "committee" ? [] : await escalationOf(db, policy, row, at);
    const above = steps.find((s) => s.level !== "responsible");
    if (above) return above.holders;
    if (row.bearer_role === "committee" || row.bearer_role === "secrecyOfficeUnit") {
      const found = await directors(db, policy, row.institution_id, at);
      if (found.length) return found;
    }
  }
  return officeHolders(db, policy, officeUnitId, at);
}
