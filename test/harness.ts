/** The test harness: a whole app on a fresh database of either dialect, driven with `app.inject`. */
import path from "node:path";
import { type FastifyInstance } from "fastify";
import { type Config } from "../src/platform/config/config.js";
import { buildApp } from "../src/platform/http/app.js";
import { createTestDatabase, type TestDialect } from "./databases.js";

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  close(): Promise<void>;
}

/** A clock tests can move: idle and absolute timeouts, lockout expiry, TOTP steps. */
export interface TestClock {
  (): Date;
  advance(ms: number): void;
  set(at: Date): void;
}

export function testClock(start = new Date("2027-03-01T01:00:00.000Z")): TestClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.advance = (ms) => (now += ms);
  clock.set = (at) => (now = at.getTime());
  return clock;
}

/** Builds the app (migrated, not listening) on a fresh database; `overrides` adjust the configuration. */
export async function buildTestApp(
  dialect: TestDialect = "sqlite",
  overrides: Partial<Config> = {},
  options: { clock?: () => Date } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config: Config = {
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
      checkpointEvery: 1000,
      checkpointMinutes: 60,
    },
    ...overrides,
  };
  const app = await buildApp(config, options.clock ? { clock: options.clock } : {});
  return {
    app,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
