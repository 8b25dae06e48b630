/** Which database a migration runs on, for the few statements (triggers) that differ between the two. */
import { type Kysely, PostgresAdapter } from "kysely";

/** True on PostgreSQL, false on SQLite: Kysely's adapter is the one thing a migration can see that says which. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
