/** Resident memory of `baomi serve` once ready and idle. */
import { type IdleMemoryScenario } from "../harness/types.js";

export const idleRss: IdleMemoryScenario = {
  kind: "idle-memory",
  name: "idle-rss",
  description: {
    zh: "空闲内存：baomi serve 就绪后空闲片刻，读取 /proc/<pid>/status 中的 VmRSS",
    en: "Idle memory: VmRSS from /proc/<pid>/status once `baomi serve` is ready and has been idle",
  },
  // Migrated beforehand, so the measured process is an ordinary (warm) start, as after any restart in production.
  prepare: { label: "baomi migrate", entry: { dist: "cli/main.js" }, args: ["migrate"] },
  subject: { label: "baomi serve", entry: { dist: "cli/main.js" }, args: ["serve"], readyPath: "/api/ready" },
  baseline: { label: "bare Fastify process", entry: { server: "bare-health" }, readyPath: "/api/health" },
  target: { metric: "rss-mb", max: 120 },
};
