/**
 * Whether `audit_lookup` agrees with the chain, for `baomi audit verify` to report. The lookup is not evidence — the
 * viewer shows the entries themselves, and the chain is verified on its own — but a lookup row edited past its
 * triggers, or a hole in it, would hide entries from the auditor's filters without any entry being touched.
 */
import { type Db } from "../db/database.js";
import { LOOKUP_COLUMNS } from "./lookup.js";
import { toSeq } from "./seq.js";

/** Where the lookup disagrees with the chain. */
export interface LookupDisagreement {
  /** Lookup rows whose entry is missing or differs in a copied column. */
  mismatched: number;
  /** The lowest such seq, if any. */
  firstMismatch: number | null;
  /** Entries below the highest copied seq that the lookup lacks: the indexer copies only above it, never these. */
  holes: number;
}

/** The lookup's disagreements with the chain, or null when it agrees (trailing the chain is not a disagreement). */
export async function lookupDisagreement(db: Db): Promise<LookupDisagreement | null> {
  const extent = await db.kysely
    .selectFrom("audit_lookup")
    .select((eb) => [eb.fn.countAll().as("rows"), eb.fn.max("seq").as("last")])
    .executeTakeFirstOrThrow();
  // The chain has been verified to run from 1 without a gap, so a lookup without holes holds exactly 1…last.
  const holes = (extent.last === null ? 0 : toSeq(extent.last)) - Number(extent.rows);

  const compared = LOOKUP_COLUMNS.filter((column) => column !== "seq");
  const mismatches = await db.kysely
    .selectFrom("audit_lookup as l")
    .leftJoin("audit_entry as e", "e.seq", "l.seq")
    .select((eb) => [eb.fn.countAll().as("rows"), eb.fn.min("l.seq").as("first")])
    .where((eb) =>
      eb.or([
        eb("e.seq", "is", null),
        ...compared.map((column) => eb(`l.${column}`, "is distinct from", eb.ref(`e.${column}`))),
      ]),
    )
    .executeTakeFirstOrThrow();
  const mismatched = Number(mismatches.rows);
  if (mismatched === 0 && holes <= 0) return null;
  return {
    mismatched,
    firstMismatch: mismatches.first === null ? null : toSeq(mismatches.first),
    holes: Math.max(holes, 0),
  };
}
