/**
 * The indexer: copies the filterable columns of new entries into `audit_lookup` (migration 0009), which carries the
 * auditor's filter indexes so that the chain — and with it every audited write — carries none. The lookup trails the
 * chain: the audit log's timer catches it up every few seconds, and the viewer catches it up before it filters.
 */
import { type Db } from "../db/database.js";
import { toSeq } from "./seq.js";

/** The columns copied, the same names in both tables. */
export const LOOKUP_COLUMNS = ["seq", "at", "actor_username", "action", "object_type", "object_id", "result"] as const;

/** Entries copied per statement: large enough to catch up a long backlog quickly, small enough to keep each short. */
const BATCH_SIZE = 5000;

/**
 * Copies every entry above the highest seq already in the lookup, up to the last entry committed when it starts, and
 * returns how many rows it added.
 *
 * "Above the highest copied seq" is all that can be missing because entries commit in seq order: a writer takes the
 * chain lock before it reads the last entry, and holds it until its transaction ends (chain-lock.ts), so entry n + 1
 * is written only after entry n has committed (or rolled back and freed n for the next writer). Every snapshot of the
 * chain is therefore a prefix 1…k, and no entry can still commit below a seq the lookup already holds. (Were seq
 * assigned outside the lock, a slow transaction could commit n after n + 1 was copied, and n would never be.)
 *
 * Safe to run from several processes at once: each batch is one INSERT … SELECT that skips rows already there, so two
 * catch-ups over the same range copy each entry once. Rows go in seq order in both, so on PostgreSQL the second waits
 * for the first's rows rather than deadlocking with it.
 */
export async function catchUpLookup(db: Db, batchSize = BATCH_SIZE): Promise<number> {
  const ends = await db.kysely
    .selectNoFrom((eb) => [
      eb
        .selectFrom("audit_entry")
        .select((e) => e.fn.max("seq").as("seq"))
        .as("chained"),
      eb
        .selectFrom("audit_lookup")
        .select((e) => e.fn.max("seq").as("seq"))
        .as("indexed"),
    ])
    .executeTakeFirstOrThrow();
  // Entries appended from here on are left to the next catch-up, so that a steady stream of writes cannot keep
  // this one going.
  const last = ends.chained === null ? 0 : toSeq(ends.chained);
  let copied = 0;
  for (let after = ends.indexed === null ? 0 : toSeq(ends.indexed); after < last; after += batchSize) {
    // Batches are ranges of seq, which the gap-free chain fills exactly: one primary-key seek, no LIMIT to sort by.
    const result = await db.kysely
      .insertInto("audit_lookup")
      .columns([...LOOKUP_COLUMNS])
      .expression(
        db.kysely
          .selectFrom("audit_entry")
          .select([...LOOKUP_COLUMNS])
          .where("seq", ">", after)
          .where("seq", "<=", Math.min(after + batchSize, last))
          .orderBy("seq"),
      )
      .onConflict((oc) => oc.column("seq").doNothing())
      .executeTakeFirst();
    copied += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return copied;
}
