import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Frozen once landed: later changes go into new migrations.
//
// The authentication epoch: one counter that every change to what an authenticated request is built from moves —
// accounts, the ending or upgrading of sessions, role grants, the units grants point at, people. A process may keep a
// request's session, account, actor and person in memory for as long as the counter stands still
// (src/platform/auth/auth-cache.ts), and reads one integer per request instead of three joins. Triggers, not
// application code, move it, so no write path — including raw SQL by an operator — can be forgotten.

/**
 * Tables and the row changes that move the epoch. A new account, unit or person cannot change a session that already
 * exists (a grant or an account's person link must be written after them), so their inserts — bulk imports, the
 * demo — leave it alone; a new grant does change an actor.
 */
const TRIGGERS: [table: string, operations: string[]][] = [
  ["account", ["update", "delete"]],
  ["role_grant", ["insert", "update", "delete"]],
  ["unit", ["update", "delete"]],
  ["person", ["update", "delete"]],
];
/** Session columns that change what a request may do; last_seen_at (written once a minute) is deliberately absent. */
const SESSION_COLUMNS = ["ended_at", "end_reason", "totp_verified", "expires_at", "account_id", "csrf_token"];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("auth_epoch")
    .addColumn("id", "integer", (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn("n", "bigint", (col) => col.notNull())
    .execute();
  await db.insertInto("auth_epoch").values({ id: 1, n: 0 }).execute();

  if (isPostgres(db)) {
    await sql`
      create function baomi_bump_auth_epoch() returns trigger language plpgsql as $$
      begin
        update auth_epoch set n = n + 1 where id = 1;
        return null;
      end
      $$`.execute(db);
    // Statement-level: a bulk update moves the counter once, and the row lock it takes is held only to commit.
    for (const [table, operations] of TRIGGERS) {
      await sql`
        create trigger ${sql.raw(`${table}_auth_epoch`)}
        after ${sql.raw([...operations, "truncate"].join(" or "))} on ${sql.table(table)}
        for each statement execute function baomi_bump_auth_epoch()`.execute(db);
    }
    await sql`
      create trigger session_auth_epoch
      after update of ${sql.raw(SESSION_COLUMNS.join(", "))} or delete or truncate on session
      for each statement execute function baomi_bump_auth_epoch()`.execute(db);
    return;
  }

  const bump = sql.raw("begin update auth_epoch set n = n + 1 where id = 1; end");
  for (const [table, operations] of TRIGGERS) {
    for (const operation of operations) {
      await sql`
        create trigger ${sql.raw(`${table}_auth_epoch_${operation}`)}
        after ${sql.raw(operation)} on ${sql.table(table)} ${bump}`.execute(db);
    }
  }
  await sql`
    create trigger session_auth_epoch_update
    after update of ${sql.raw(SESSION_COLUMNS.join(", "))} on session ${bump}`.execute(db);
  await sql`create trigger session_auth_epoch_delete after delete on session ${bump}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of [...TRIGGERS.map(([name]) => name), "session"]) {
      await sql`drop trigger if exists ${sql.raw(`${table}_auth_epoch`)} on ${sql.table(table)}`.execute(db);
    }
    await sql`drop function if exists baomi_bump_auth_epoch()`.execute(db);
  } else {
    for (const [table, operations] of TRIGGERS) {
      for (const operation of operations) {
        await sql`drop trigger if exists ${sql.raw(`${table}_auth_epoch_${operation}`)}`.execute(db);
      }
    }
    await sql`drop trigger if exists session_auth_epoch_update`.execute(db);
    await sql`drop trigger if exists session_auth_epoch_delete`.execute(db);
  }
  await db.schema.dropTable("auth_epoch").execute();
}
