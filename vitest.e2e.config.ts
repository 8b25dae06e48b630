// Browser journeys: one real server and one Chromium per file, run one file at a time (2-core machines, one port each).
import { defineConfig } from "vitest/config";
import { reportersFromEnv } from "./test/reporters.js";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: reportersFromEnv(),
  },
});
