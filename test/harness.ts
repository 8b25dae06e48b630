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

/** Builds the app (migrated, not listening) on a fresh database; `overrides` adjust the configuration. */
export async function buildTestApp(dialect: TestDialect = "sqlite", overrides: Partial<Config> = {}): Promise<TestApp> {
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
  const app = await buildApp(config);
  return {
    app,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
