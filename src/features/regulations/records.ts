/**
 * Regulations as discharge (record `regulation.adopted`). 第十三条第（四）项: the obligation a higher regulation's event
 * raised is fulfilled by the adoption or revision of the institution's rules that answers it (linked when adopted or
 * revised). 第六条第（一）项 (a unit's own rules; continuous, so materialized only where an institution dates it): an
 * open obligation of a unit is fulfilled by a version of that unit's own regulation adopted within its window. Who
 * adopted it is frozen as responsible.
 */
import { type Kysely } from "kysely";
import { dateIn } from "../../domain/calendar.js";
import { fromInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";

type Db = Kysely<Database>;

interface Open {
  id: string;
  starts_on: string;
  due_on: string | null;
  event_id: string | null;
  bearer_role: string;
  bearer_unit_id: string;
}

export async function regulationMatches(db: Db, institutionId: string, open: Open[]) {
  const events = open.map((o) => o.event_id).filter((e): e is string => e !== null);
  const answered = events.length
    ? await db
        .selectFrom("higher_regulation")
        .innerJoin("regulation_version as v", "v.id", "higher_regulation.answered_by_version")
        .leftJoin("person", "person.id", "v.adopted_by_person")
        .select(["higher_regulation.event_id", "v.id", "v.adopted_at", "v.adopted_by_person", "person.name"])
        .where("higher_regulation.institution_id", "=", institutionId)
        .where("higher_regulation.event_id", "in", events)
        .execute()
    : [];
  const units = open.filter((o) => o.event_id === null).map((o) => o.bearer_unit_id);
  const adopted = units.length
    ? await db
        .selectFrom("regulation_version as v")
        .innerJoin("regulation", "regulation.id", "v.regulation_id")
        .leftJoin("person", "person.id", "v.adopted_by_person")
        .select(["regulation.unit_id", "v.id", "v.adopted_at", "v.adopted_by_person", "person.name"])
        .where("regulation.institution_id", "=", institutionId)
        .where("regulation.unit_id", "in", units)
        .where("regulation.seed_key", "is", null)
        .where("v.adopted_at", "is not", null)
        .orderBy("v.adopted_at")
        .execute()
    : [];
  const matches = [];
  for (const row of open) {
    const version = row.event_id
      ? answered.find((a) => a.event_id === row.event_id)
      : adopted.find((v) => {
          const day = v.adopted_at ? dateIn(fromInstant(v.adopted_at)) : "";
          return v.unit_id === row.bearer_unit_id && day >= row.starts_on && (row.due_on === null || day <= row.due_on);
        });
    if (!version?.adopted_at) continue;
    matches.push({
      obligationId: row.id,
      recordId: version.id,
      at: version.adopted_at,
      responsible:
        version.adopted_by_person && version.name
          ? [{ personId: version.adopted_by_person, name: version.name, role: row.bearer_role, acting: false }]
          : [],
    });
  }
  return matches;
}
