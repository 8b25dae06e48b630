/**
 * Signed agreements as the records that discharge the yearly agreement duties (实施细则第四、五、六条; the
 * obligations engine asks here instead of reading this feature's tables).
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";

/** A signed agreement: who signed for which unit in which role, and when. */
export interface SignedAgreement {
  id: string;
  year: number;
  role: string;
  unitId: string;
  personId: string;
  personName: string;
  acting: boolean;
  signedAt: string;
}

/** The agreements signed for a year in an institution's batches. */
export async function signedAgreements(
  db: Kysely<Database>,
  institutionId: string,
  year: number,
): Promise<SignedAgreement[]> {
  const rows = await db
    .selectFrom("agreement")
    .innerJoin("agreement_batch as batch", "batch.id", "agreement.batch_id")
    .innerJoin("person", "person.id", "agreement.person_id")
    .select([
      "agreement.id",
      "batch.year",
      "agreement.role",
      "agreement.unit_id",
      "agreement.person_id",
      "person.name",
      "agreement.acting",
      "agreement.signed_at",
    ])
    .where("batch.institution_id", "=", institutionId)
    .where("batch.year", "=", year)
    .where("agreement.status", "=", "signed")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year: Number(r.year),
    role: r.role,
    unitId: r.unit_id,
    personId: r.person_id,
    personName: r.name,
    acting: r.acting === 1,
    signedAt: r.signed_at ?? "",
  }));
}
