/**
 * An open obligation as the engine would hold one, for tests that need one the shipped rules do not materialize (a
 * continuous duty an institution has dated) or one of a period they choose. Only what differs is given; the rest is an
 * open obligation's: no event, nothing closed, no record, no one frozen as responsible.
 */
import { type Insertable } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { type ObligationTable } from "../../src/platform/db/schema.js";
import { type ObligationWorld } from "./fixtures.js";

export interface OpenObligation {
  id: string;
  institutionId: string;
  /** The duty; its article is the id's first two parts (`art6.1.unit-agenda` → `art6.1`). */
  dutyId: string;
  policyVersion: string;
  bearerRole: string;
  /** Defaults to the engine's key for a unit bearer, `unit:<bearerUnitId>`. */
  bearerKey?: string;
  bearerUnitId: string;
  bearerName: string;
  /** Defaults to the whole of `year`. */
  period?: { id: string; kind: string; startsOn: string; dueOn: string };
  year: number;
  at: string;
}

export function openObligationRow(o: OpenObligation): Insertable<ObligationTable> {
  const period = o.period ?? {
    id: String(o.year),
    kind: "year",
    startsOn: `${o.year}-01-01`,
    dueOn: `${o.year}-12-31`,
  };
  return {
    id: o.id,
    institution_id: o.institutionId,
    duty_id: o.dutyId,
    article: o.dutyId.split(".").slice(0, 2).join("."),
    policy_version: o.policyVersion,
    bearer_role: o.bearerRole,
    bearer_key: o.bearerKey ?? `unit:${o.bearerUnitId}`,
    bearer_unit_id: o.bearerUnitId,
    bearer_person_id: null,
    bearer_name: o.bearerName,
    period_id: period.id,
    period_kind: period.kind,
    year: o.year,
    starts_on: period.startsOn,
    due_on: period.dueOn,
    due_at: null,
    event_id: null,
    state: "open",
    closed_at: null,
    closed_by: null,
    record_kind: null,
    record_id: null,
    waive_reason: null,
    responsible: null,
    created_at: o.at,
    updated_at: o.at,
  };
}

/** Inserts an open obligation of the world's institution under the active rules, now, and returns its id. */
export async function insertOpenObligation(
  w: ObligationWorld,
  o: Omit<OpenObligation, "id" | "institutionId" | "policyVersion" | "at">,
): Promise<string> {
  const { sha256 } = await activePolicy(w.app.db.kysely);
  const id = uuidv7();
  const row = { ...o, id, institutionId: w.units.root.id, policyVersion: sha256, at: toInstant(w.clock()) };
  await w.app.db.kysely.insertInto("obligation").values(openObligationRow(row)).execute();
  return id;
}
