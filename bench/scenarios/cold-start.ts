/** `baomi serve` from spawn to ready, first start and warm start. */
import { type StartupScenario } from "../harness/types.js";

export const coldStart: StartupScenario = {
  kind: "startup",
  name: "cold-start",
  description: {
    zh: "冷启动：从启动 baomi serve 进程到 /api/ready 首次返回 200（首次启动含建库与迁移；再次启动同一数据目录）",
    en: "Cold start: spawn of `baomi serve` to the first 200 from /api/ready (first start creates and migrates the database; then again on the same data dir)",
  },
  // The shipped entry point with the production default log level (info): this is what an operator starts.
  subject: { label: "baomi serve", entry: { dist: "cli/main.js" }, args: ["serve"], readyPath: "/api/ready" },
  baseline: { label: "bare Fastify process", entry: { server: "bare-health" }, readyPath: "/api/health" },
  target: { metric: "ready-ms", max: 1000 },
};
