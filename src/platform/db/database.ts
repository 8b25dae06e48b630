/**
 * Opens the database named by the configuration: embedded SQLite (one file, WAL, synchronous=FULL, foreign keys on)
 * or PostgreSQL. Both are reached through one Kysely instance; nothing outside `platform/db` knows which it is,
 * except where it asks `dialect`.
 */
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { type DialectAdapter, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from "kysely";
import { ConfigError, type DatabaseTarget } from "../config/config.js";
import { type Database } from "./schema.js";

export type Dialect = DatabaseTarget["dialect"];

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * SQLite only: Kysely's own connection, for the one hot path that cannot afford a query builder and an await per
   * statement (the audit append, audit/audit-log.ts). Statements run on it join whatever transaction Kysely has open.
   */
  sqliteHandle?: BetterSqlite3.Database;
}

/** Opens the database, or throws a `ConfigError` naming BAOMI_DATABASE_URL when it cannot be used. */
export async function openDatabase(target: DatabaseTarget): Promise<Db> {
  return target.dialect === "sqlite" ? openSqlite(target.file) : openPostgres(target.url);
}

function openSqlite(file: string): Db {
  ensureWritableDir(path.dirname(file), "BAOMI_DATABASE_URL");
  let handle: BetterSqlite3.Database;
  try {
    handle = new BetterSqlite3(file);
  } catch (error) {
    throw new ConfigError("BAOMI_DATABASE_URL", {
      zh: `无法打开 SQLite 数据库文件（${(error as Error).message}）`,
      en: `cannot open the SQLite database file (${(error as Error).message})`,
    });
  }
  // Durability is not optional: a register that loses its last committed write on power loss is not a register.
  handle.pragma("journal_mode = WAL");
  handle.pragma("synchronous = FULL");
  handle.pragma("foreign_keys = ON");
  handle.pragma("busy_timeout = 5000");
  const journal = String(handle.pragma("journal_mode", { simple: true })).toLowerCase();
  const synchronous = Number(handle.pragma("synchronous", { simple: true }));
  const foreignKeys = Number(handle.pragma("foreign_keys", { simple: true }));
  if (journal !== "wal" || synchronous !== 2 || foreignKeys !== 1) {
    handle.close();
    throw new ConfigError("BAOMI_DATABASE_URL", {
      zh: `SQLite 未能启用 WAL、synchronous=FULL 与外键约束（journal_mode=${journal}，synchronous=${synchronous}，foreign_keys=${foreignKeys}），拒绝启动`,
      en: `SQLite did not accept WAL, synchronous=FULL and foreign keys (journal_mode=${journal}, synchronous=${synchronous}, foreign_keys=${foreignKeys}); refusing to start`,
    });
  }
  const kysely = new Kysely<Database>({
    dialect: new TransactionalSqliteDialect({ database: withStatementCache(handle) }),
  });
  return {
    kysely,
    dialect: "sqlite",
    sqliteHandle: handle,
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: () => kysely.destroy(),
  };
}

/**
 * Kysely's SQLite driver prepares every statement again for each query, and preparing costs more than running a
 * small indexed query. Queries come from a fixed set of code paths, so a bounded cache of prepared statements by
 * SQL text serves nearly every call; statements are reusable on the one connection the driver holds.
 */
function withStatementCache(handle: BetterSqlite3.Database, limit = 1000): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = handle.prepare.bind(handle);
  return new Proxy(handle, {
    get(target, property, receiver) {
      if (property !== "prepare") {
        const value = Reflect.get(target, property, receiver) as unknown;
        // Native methods must run on the real handle, not on the proxy.
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      }
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          statement = prepare(source);
          // DDL runs once (migrations): no point keeping it. SQLite re-prepares cached statements after a schema change.
          if (/^\s*(create|alter|drop)\b/i.test(source)) return statement;
          if (cache.size >= limit) cache.delete(cache.keys().next().value ?? "");
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

/**
 * SQLite runs DDL inside transactions perfectly well, but Kysely's adapter says it cannot, so its migrator would run
 * each migration statement by statement: a migration failing half-way would leave half a schema behind, unrecorded.
 * Saying yes makes every migration all-or-nothing, as on PostgreSQL.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}

async function openPostgres(url: string): Promise<Db> {
  // Loaded only when used: an embedded installation never pays for the PostgreSQL driver at start.
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 });
  // An idle client that loses its connection must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new ConfigError("BAOMI_DATABASE_URL", {
      zh: `无法连接 PostgreSQL（${(error as Error).message}）`,
      en: `cannot connect to PostgreSQL (${(error as Error).message})`,
    });
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: "postgres",
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: () => kysely.destroy(),
  };
}

/** Creates the folder when missing and proves it writable, or throws a `ConfigError` for `setting`. */
export function ensureWritableDir(dir: string, setting: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch {
    throw new ConfigError(setting, {
      zh: `目录“${dir}”无法创建或不可写`,
      en: `the folder "${dir}" cannot be created or is not writable`,
    });
  }
}
