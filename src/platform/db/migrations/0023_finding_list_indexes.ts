import { type Kysely } from "kysely";

// Frozen once landed: later changes go into new migrations.
//
// The findings list on a million findings (bench/inspections.ts): a unit's list by (deadline, id) when no status is
// asked for (inspection_finding_unit leads with status), and the institutions the findings a person owns lie in
// (findingInstitutions reads them one index seek each).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("inspection_finding_unit_deadline")
    .on("inspection_finding")
    .columns(["unit_id", "deadline", "id"])
    .execute();
  await db.schema
    .createIndex("inspection_finding_owner")
    .on("inspection_finding")
    .columns(["owner_person_id", "institution_id"])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error("0023_finding_list_indexes: indexes only, nothing to revert to"));
}
