/**
 * The audit log writer (DESIGN.md §5): appends one hash-chained entry per audited event, in the caller's transaction
 * so that the change and its entry commit or roll back together, and signs a checkpoint every `checkpointEvery`
 * entries (same transaction) or when an entry has waited `checkpointMinutes` (timer). The auditor's filter lookup is
 * not written here: the timer catches it up behind the chain (lookup.ts).
 */
import { type Transaction } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type Config } from "../config/config.js";
import { type Db } from "../db/database.js";
import { toInstant } from "../db/instants.js";
import { type Database } from "../db/schema.js";
import { GENESIS_HASH, entryHash, type ChainedFields } from "./chain.js";
import { checkpointIfDue, insertCheckpoint, signCheckpoint } from "./checkpoints.js";
import { detailsText } from "./details.js";
import { loadOrCreateSigningKey, type SigningKey } from "./keys.js";
import { catchUpLookup } from "./lookup.js";
import { chainTail } from "./chain-tail.js";
import { AUDIT_RESULTS, type AuditResult } from "./tables.js";

/** One audited event, as the rest of the application describes it. */
export interface AuditEvent {
  actor: { accountId: string | null; username: string | null; role: string | null; unitId: string | null };
  /** What was done, e.g. `auth.login`, `account.create`. */
  action: string;
  object: { type: string; id: string | null } | null;
  result: AuditResult;
  sourceIp: string | null;
  requestId: string | null;
  /** Safe context; values of secret-named keys are redacted (details.ts). */
  details?: Record<string, unknown>;
}

/** Where an appended entry landed. */
export interface Appended {
  seq: number;
  hash: string;
}

export interface AuditLog {
  /** Appends inside the caller's transaction (the change and its entry commit or roll back together). */
  append(trx: Transaction<Database>, event: AuditEvent): Promise<Appended>;
  /** Appends in a transaction of its own (denials, failed logins: nothing else to commit). */
  record(event: AuditEvent): Promise<Appended>;
  /** Starts the timers (unref'd): T-minute checkpoints, and the lookup catch-up. stop() clears them. */
  start(): void;
  stop(): void;
}

/** Runs `tick` every `ms` until the returned function is called; injectable so tests can drive the timer. */
export type Scheduler = (ms: number, tick: () => Promise<void>) => () => void;

export interface AuditLogOptions {
  db: Db;
  config: Config;
  clock?: () => Date;
  /** Defaults to an unref'd setInterval. */
  scheduler?: Scheduler;
  /** Told about a timer job (checkpoint, lookup catch-up) that failed; it is retried on the next tick. */
  onError?: (error: unknown) => void;
}

/** The longest the timer sleeps between looks, so a due checkpoint is at most this late. */
const MAX_TICK_MS = 60_000;

/**
 * How often the lookup is caught up. The viewer catches up before it filters anyway, so this only bounds how much
 * that has to copy: a few seconds of entries.
 */
export const LOOKUP_TICK_MS = 2_000;

const defaultScheduler: Scheduler = (ms, tick) => {
  const handle = setInterval(() => void tick(), ms);
  // An idle server with nothing else to do must still be able to exit.
  handle.unref();
  return () => clearInterval(handle);
};

/** The audit log over `db`, signing checkpoints with the key in `config.audit.keyFile`. */
export function createAuditLog(options: AuditLogOptions): AuditLog {
  const { db, config } = options;
  const clock = options.clock ?? (() => new Date());
  const every = config.audit.checkpointEvery;
  // The key is the one thing cached: it lives in a file no other process changes, and reading it per checkpoint
  // would put file I/O on the write path.
  let key: SigningKey | undefined;
  const signingKey = (): SigningKey => (key ??= loadOrCreateSigningKey(config.audit.keyFile));
  const tail = chainTail(db);
  let stopTimers: (() => void)[] = [];

  async function append(trx: Transaction<Database>, event: AuditEvent): Promise<Appended> {
    const fields = entryFields(event, clock());
    // An entry committed on its own would outlive a change that rolls back (or go missing when it commits alone).
    if (!trx.isTransaction) throw new Error("the audit append must run inside the change's transaction");
    // Read under the lock, every time: another process may have appended since this one last did.
    const last = await tail.last(trx);
    const entry: ChainedFields = {
      ...fields,
      seq: last ? last.seq + 1 : 1,
      prev_hash: last ? last.hash : GENESIS_HASH,
    };
    const hash = entryHash(entry);
    await tail.insert(trx, { ...entry, hash });
    if (entry.seq % every === 0) {
      await insertCheckpoint(trx, signCheckpoint(signingKey(), entry.seq, hash, entry.at));
    }
    return { seq: entry.seq, hash };
  }

  /** Runs `job` every `ms`; a tick that finds the previous run still going skips, so a slow database cannot pile up runs. */
  function repeat(ms: number, job: () => Promise<unknown>): () => void {
    let running = false;
    return (options.scheduler ?? defaultScheduler)(ms, async () => {
      if (running) return;
      running = true;
      try {
        await job();
      } catch (error) {
        options.onError?.(error);
      } finally {
        running = false;
      }
    });
  }

  return {
    append,
    record: (event) => db.kysely.transaction().execute((trx) => append(trx, event)),
    start() {
      if (stopTimers.length > 0) return;
      // Load (or create) the key now, so that an unusable key file stops the start instead of the N-th write.
      signingKey();
      const checkpointMs = Math.min(config.audit.checkpointMinutes * 60_000, MAX_TICK_MS);
      stopTimers = [
        repeat(checkpointMs, () =>
          checkpointIfDue({ db, key: signingKey, now: clock(), minutes: config.audit.checkpointMinutes }),
        ),
        repeat(LOOKUP_TICK_MS, () =>
          catchUpLookup(db).catch((error: unknown) => {
            // Named, because whoever logs onError's errors cannot tell the two jobs apart otherwise.
            throw new Error("audit lookup catch-up failed", { cause: error });
          }),
        ),
      ];
    },
    stop() {
      for (const stopTimer of stopTimers) stopTimer();
      stopTimers = [];
    },
  };
}

/** The entry's columns from the event, validated; seq and prev_hash are filled in under the lock. */
function entryFields(event: AuditEvent, at: Date): Omit<ChainedFields, "seq" | "prev_hash"> {
  if (!AUDIT_RESULTS.includes(event.result)) throw new TypeError(`invalid audit result: ${String(event.result)}`);
  if (typeof event.action !== "string" || !/^[A-Za-z][\w.:-]{0,99}$/.test(event.action)) {
    throw new TypeError(`invalid audit action: ${String(event.action)}`);
  }
  return {
    id: uuidv7(),
    at: toInstant(at),
    actor_account_id: storable(event.actor.accountId),
    actor_username: storable(event.actor.username),
    actor_role: storable(event.actor.role),
    unit_id: storable(event.actor.unitId),
    action: event.action,
    object_type: storable(event.object?.type ?? null),
    object_id: storable(event.object?.id ?? null),
    result: event.result,
    source_ip: storable(event.sourceIp),
    request_id: storable(event.requestId),
    details: detailsText(event.details),
  };
}

/** NUL (refused by PostgreSQL) and lone surrogates (which UTF-8 cannot carry). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found here
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text as both databases will store and return it: what cannot be stored becomes U+FFFD here, before hashing,
 * so a hostile value in a field can neither fail the write (and with it the change) nor break the chain on re-reading.
 */
function storable(value: string | null): string | null {
  return value === null ? null : value.replace(UNSTORABLE, "\ufffd");
}
