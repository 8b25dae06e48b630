/**
 * What an authenticated request is built from — its session, account, actor (grants with their units) and person —
 * kept in memory per session for as long as the authentication epoch stands still.
 *
 * Every change that could alter any of it moves the epoch, by database triggers (migration 0010_auth_epoch): an
 * account's status, password or TOTP; a session ended, upgraded by TOTP or re-dated; a grant given, changed or revoked;
 * a unit renamed or moved; a person changed. Each request reads the epoch (one integer by primary key) before anything
 * it guards, so a change committed by any process is seen by the next request of every process: a revoked grant or a
 * disabled account is never served from memory, not even for a second. What the cache saves is the three joins.
 *
 * Two things are time-dependent rather than data-dependent and are re-judged on every hit: the day (grants are in force
 * by date, so an entry belongs to the day it was loaded on) and the session's idle and absolute limits. A session that
 * looks idle from here is re-read before being ended, because another process may have seen it since.
 */
import { type Kysely } from "kysely";
import { type Actor } from "../../domain/access.js";
import { preparedQuery } from "../db/prepared.js";
import { type AccountTable, type Database, type SessionTable } from "../db/schema.js";

/** The person behind an account, as requests show it. */
export interface AuthPerson {
  id: string;
  name: string;
  unitId: string | null;
}

export interface AuthSnapshot {
  session: SessionTable;
  account: AccountTable;
  actor: Actor;
  person: AuthPerson | null;
}

interface Entry {
  epoch: string;
  today: string;
  snapshot: AuthSnapshot;
}

/** Enough for every signed-in user of a large deployment; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 20_000;

const epochQuery = preparedQuery((db) => db.selectFrom("auth_epoch").select("n").where("id", "=", 1));

/** The current epoch, as text (PostgreSQL returns a bigint as a string). */
export async function readAuthEpoch(db: Kysely<Database>): Promise<string> {
  const [row] = await epochQuery(db);
  if (!row) throw new Error("auth_epoch has no row: the database was not migrated");
  return String(row.n);
}

/** Per database: tests run many apps in one process, each on its own database. */
const caches = new WeakMap<Kysely<Database>, Map<string, Entry>>();

function cacheOf(db: Kysely<Database>): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The snapshot of session `id` loaded at `epoch` on `today`, if it is still that epoch and that day. */
export function cachedAuth(db: Kysely<Database>, id: string, epoch: string, today: string): AuthSnapshot | undefined {
  const entry = cacheOf(db).get(id);
  if (!entry) return undefined;
  if (entry.epoch === epoch && entry.today === today) return entry.snapshot;
  cacheOf(db).delete(id);
  return undefined;
}

/**
 * Remembers a snapshot read after `epoch` was read (never before: a change committed in between would then be kept
 * under the newer number). Frozen, because every request of the session shares it.
 */
export function rememberAuth(
  db: Kysely<Database>,
  id: string,
  epoch: string,
  today: string,
  snapshot: AuthSnapshot,
): void {
  const cache = cacheOf(db);
  cache.delete(id);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  Object.freeze(snapshot.session);
  Object.freeze(snapshot.account);
  snapshot.actor.grants.forEach((grant) => Object.freeze(grant));
  Object.freeze(snapshot.actor.grants);
  Object.freeze(snapshot.actor);
  if (snapshot.person) Object.freeze(snapshot.person);
  cache.set(id, { epoch, today, snapshot: Object.freeze(snapshot) });
}
