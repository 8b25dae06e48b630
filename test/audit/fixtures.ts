/** Shared set-up for the audit tests: a migrated database of either dialect, an audit log on it, and tampering. */
import path from "node:path";
import { sql } from "kysely";
import { type AuditEvent, type AuditLog, createAuditLog, type Scheduler } from "../../src/platform/audit/audit-log.js";
import { loadOrCreateSigningKey } from "../../src/platform/audit/keys.js";
import { verifyAudit, type ExportAnchors, type VerifyResult } from "../../src/platform/audit/verify.js";
import { type Config } from "../../src/platform/config/config.js";
import { openDatabase, type Db } from "../../src/platform/db/database.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { MIGRATION_LOCK, migrateToLatest } from "../../src/platform/db/migrate.js";
import { createTestDatabase, type TestDatabase, type TestDialect } from "../databases.js";

export interface AuditFixture {
  database: TestDatabase;
  db: Db;
  config: Config;
  log: AuditLog;
  /** Verifies with the fixture's own public key. */
  verify(against?: ExportAnchors[]): Promise<VerifyResult>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  checkpointEvery?: number;
  checkpointMinutes?: number;
  clock?: () => Date;
  scheduler?: Scheduler;
  onError?: (error: unknown) => void;
}

/** A fresh, migrated database with an audit log whose key lives in the test's data folder. */
export async function openAuditFixture(dialect: TestDialect, options: FixtureOptions = {}): Promise<AuditFixture> {
  const database = await createTestDatabase(dialect);
  const db = await openDatabase(database.target);
  await migrateToLatest(db);
  const config = testConfig(database, options);
  const log = createAuditLog({
    db,
    config,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return {
    database,
    db,
    config,
    log,
    verify: (against) =>
      verifyAudit({ db, publicKeys: [loadOrCreateSigningKey(config.audit.keyFile).publicKey], against: against ?? [] }),
    close: async () => {
      log.stop();
      await db.close();
      await database.drop();
    },
  };
}

/** The configuration the CLI would load for this database with the defaults of the data folder. */
export function testConfig(database: TestDatabase, options: FixtureOptions = {}): Config {
  return {
    dataDir: database.dataDir,
    database: database.target,
    host: "127.0.0.1",
    port: 8080,
    logLevel: "silent",
    metrics: false,
    webDir: null,
    trustProxy: false,
    session: { idleMinutes: 30, absoluteHours: 12 },
    audit: {
      keyFile: path.join(database.dataDir, "keys", "audit-ed25519.pem"),
      checkpointEvery: options.checkpointEvery ?? 1000,
      checkpointMinutes: options.checkpointMinutes ?? 60,
    },
  };
}

/** A plausible event; `n` makes it distinct. */
export function sampleEvent(n: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    actor: { accountId: `acct-${n % 7}`, username: `用户${n % 7}`, role: "SYS_ADMIN", unitId: "unit-1" },
    action: n % 3 === 0 ? "auth.login" : "account.update",
    object: { type: "account", id: `acct-${n}` },
    result: n % 5 === 0 ? "denied" : "success",
    sourceIp: "192.0.2.7",
    requestId: `req-${n}`,
    details: { n, note: "保密 ★ 𠀀" },
    ...overrides,
  };
}

/** Appends `count` events, each with a setting row written in the same transaction. */
export async function appendMany(fixture: AuditFixture, count: number, from = 1): Promise<void> {
  for (let n = from; n < from + count; n++) {
    await fixture.db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto("setting")
        .values({ key: `k${n}`, value: String(n), updated_at: toInstant(new Date()) })
        .execute();
      await fixture.log.append(trx, sampleEvent(n));
    });
  }
}

/**
 * Runs raw SQL the way an intruder with database rights would: past the append-only triggers. SQLite: the triggers are
 * dropped. PostgreSQL: `session_replication_role = replica` (superuser) switches ordinary triggers off, for this
 * transaction only.
 */
export async function tamper(db: Db, statements: string[]): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    if (db.dialect === "postgres") {
      // Under the migrations' lock: Kysely reads every schema's catalogue before migrating, and a table another test
      // drops at that moment fails its migration ("relation … does not exist"). Released at commit.
      await sql`select pg_advisory_xact_lock(hashtext(${MIGRATION_LOCK}))`.execute(trx);
      await sql`set local session_replication_role = replica`.execute(trx);
    } else {
      for (const table of ["audit_entry", "audit_checkpoint", "audit_lookup"]) {
        for (const op of ["update", "delete"]) await sql.raw(`drop trigger if exists ${table}_no_${op}`).execute(trx);
      }
    }
    for (const statement of statements) await sql.raw(statement).execute(trx);
  });
}
