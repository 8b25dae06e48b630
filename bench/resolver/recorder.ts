/**
 * The baseline of the resolver benchmark is "the same SQL run raw through the driver". To be sure it is the same
 * SQL, it is not written by hand: a Kysely instance over a recording proxy of better-sqlite3 runs the resolver once
 * per (unit, date) pair and keeps every statement it prepared with the parameters it ran with. The baseline then
 * replays exactly those statements on a plain handle.
 */
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { type Database } from "../../src/platform/db/schema.js";

export interface Recorded {
  sql: string;
  params: unknown[];
}

export interface Recorder {
  kysely: Kysely<Database>;
  /** The statements run since the last call, then forgets them. */
  take(): Recorded[];
  close(): Promise<void>;
}

/**
 * A Kysely over `file` whose every statement is recorded. Read-only unless `writable` (a whole app over it, which
 * signs in and so writes a session): then with the pragmas the app's own connection sets.
 */
export function recordingKysely(file: string, { writable = false } = {}): Recorder {
  const handle = new BetterSqlite3(file, { readonly: !writable });
  if (writable) {
    handle.pragma("journal_mode = WAL");
    handle.pragma("foreign_keys = ON");
    handle.pragma("busy_timeout = 5000");
  }
  let log: Recorded[] = [];
  const record = (sql: string, statement: BetterSqlite3.Statement) =>
    new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (property === "all" || property === "run" || property === "get" || property === "iterate")
            log.push({ sql, params: (args[0] as unknown[] | undefined) ?? [] });
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const database = new Proxy(handle, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === "prepare") return (sql: string) => record(sql, target.prepare(sql));
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    kysely,
    take: () => {
      const out = log;
      log = [];
      return out;
    },
    // Destroying the Kysely closes the handle behind the proxy.
    close: () => kysely.destroy(),
  };
}

/** Replays recorded statements on a plain handle, each prepared once; returns the number of rows read. */
export function replayer(file: string): { run(statements: readonly Recorded[]): number; close(): void } {
  const handle = new BetterSqlite3(file, { readonly: true });
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    run(statements) {
      let rows = 0;
      for (const { sql, params } of statements) {
        let statement = prepared.get(sql);
        if (!statement) {
          statement = handle.prepare(sql);
          prepared.set(sql, statement);
        }
        rows += statement.all(params).length;
      }
      return rows;
    },
    close: () => handle.close(),
  };
}
