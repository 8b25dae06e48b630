import { defineConfig } from "vitest/config";
import { reportersFromEnv } from "./test/reporters.js";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: more workers than that only adds contention.
    maxWorkers: 2,
    reporters: reportersFromEnv(),
  },
});
