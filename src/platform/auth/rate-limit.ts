/**
 * Fixed-window rate limits kept in the database, so that every process behind the proxy counts the same window.
 * Used where a guessing attacker would otherwise go unchecked: sign-in per source address, and exports.
 */
import { type Kysely, sql } from "kysely";
import { toInstant } from "../db/instants.js";
import { type Database } from "../db/schema.js";

/** Counts one hit for `key` and says whether it is within `limit` per `windowMs`. */
export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<boolean> {
  const windowStart = toInstant(new Date(Math.floor(now.getTime() / windowMs) * windowMs));
  // One statement: a new window resets the count, the same window adds one; concurrent hits cannot both see 0.
  const row = await db
    .insertInto("rate_limit")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql`case when rate_limit.window_start = ${windowStart} then rate_limit.count + 1 else 1 end`,
        window_start: windowStart,
      }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return Number(row.count) <= limit;
}
