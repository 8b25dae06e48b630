/**
 * Study sessions as discharge (DESIGN.md §4, record `documentStudy.held`). The rule, from 实施细则第四条第（一）项 — the
 * leader in charge *organizes* the briefing of a higher document: the obligation a received document raised is
 * fulfilled by the first session held at the institution level (a session of the institution itself or of its
 * secrecy office: the briefing the leader organizes), whoever presided over it frozen as responsible. The required
 * units' own sessions that follow are the completion the office follows on the document, not the leader's duty.
 * 第十三条第（一）项 (the office relays and studies higher documents; continuous, so materialized only where an
 * institution dates it): an open obligation of it is fulfilled by an institution-level session held in its window.
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";
import { institutionLevelUnits } from "./units.js";

type Db = Kysely<Database>;

interface Open {
  id: string;
  starts_on: string;
  due_on: string | null;
  event_id: string | null;
  bearer_role: string;
  bearer_unit_id: string;
}

export async function studyMatches(db: Db, institutionId: string, open: Open[]) {
  const institution = await db.selectFrom("unit").select("path").where("id", "=", institutionId).executeTakeFirst();
  if (!institution) return [];
  const level = (await institutionLevelUnits(db, institutionId, institution.path)).map((u) => u.id);
  const sessions = await db
    .selectFrom("document_study_session")
    .innerJoin("higher_document", "higher_document.id", "document_study_session.document_id")
    .innerJoin("person", "person.id", "document_study_session.presided_by")
    .select([
      "document_study_session.id",
      "document_study_session.unit_id",
      "document_study_session.held_on",
      "document_study_session.recorded_at",
      "document_study_session.presided_by",
      "person.name",
      "higher_document.event_id",
    ])
    .where("higher_document.institution_id", "=", institutionId)
    .where("document_study_session.unit_id", "in", level)
    .orderBy("document_study_session.held_on")
    .orderBy("document_study_session.recorded_at")
    .execute();
  const matches = [];
  for (const row of open) {
    const session = sessions.find((s) =>
      row.event_id
        ? s.event_id === row.event_id
        : s.held_on >= row.starts_on && (row.due_on === null || s.held_on <= row.due_on),
    );
    if (!session) continue;
    matches.push({
      obligationId: row.id,
      recordId: session.id,
      at: session.recorded_at,
      responsible: [{ personId: session.presided_by, name: session.name, role: row.bearer_role, acting: false }],
    });
  }
  return matches;
}
