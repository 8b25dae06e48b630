/**
 * An open obligation of a continuous duty, as the engine would hold one had the institution's rules given the duty an
 * interval: the shipped rules materialize no dated obligation of a continuous duty, yet a record must discharge it.
 */
import { v7 as uuidv7 } from "uuid";
import { activePolicy } from "../../src/features/policy/active-policy.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { type ObligationWorld } from "../obligations/fixtures.js";

export interface OpenObligation {
  dutyId: string;
  article: string;
  bearerRole: string;
  bearerUnitId: string;
  bearerName: string;
  year: number;
}

/** Inserts the obligation, open for the whole year, and returns its id. */
export async function insertOpenObligation(w: ObligationWorld, o: OpenObligation): Promise<string> {
  const { sha256 } = await activePolicy(w.app.db.kysely);
  const at = toInstant(w.clock());
  const id = uuidv7();
  await w.app.db.kysely
    .insertInto("obligation")
    .values({
      id,
      institution_id: w.units.root.id,
      duty_id: o.dutyId,
      article: o.article,
      policy_version: sha256,
      bearer_role: o.bearerRole,
      bearer_key: `unit:${o.bearerUnitId}`,
      bearer_unit_id: o.bearerUnitId,
      bearer_person_id: null,
      bearer_name: o.bearerName,
      period_id: String(o.year),
      period_kind: "year",
      year: o.year,
      starts_on: `${o.year}-01-01`,
      due_on: `${o.year}-12-31`,
      due_at: null,
      event_id: null,
      state: "open",
      closed_at: null,
      closed_by: null,
      record_kind: null,
      record_id: null,
      waive_reason: null,
      responsible: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}
