/** GET /api/health through the whole real app against a bare Fastify route returning the same bytes. */
import { type LoadScenario, type ProcessSpec } from "../harness/types.js";

function app(logLevel: string): ProcessSpec {
  return {
    label: `Baomi app (log ${logLevel})`,
    entry: { server: "baomi-app" },
    env: { BAOMI_LOG_LEVEL: logLevel },
  };
}

export const health: LoadScenario = {
  kind: "load",
  name: "health",
  description: {
    zh: "存活检查 GET /api/health：完整应用（全部插件与钩子）对比仅含一条路由的裸 Fastify",
    en: "Liveness GET /api/health: the full app (every plugin and hook) against a bare one-route Fastify",
  },
  request: { method: "GET", path: "/api/health" },
  baseline: { label: "bare Fastify route", entry: { server: "bare-health" }, env: { BENCH_PATH: "/api/health" } },
  // Measured at warn so the figure is the request path, not log output; production runs at info, so the variant
  // below measures that too and the difference between the two rows is the cost of request logging.
  subject: app("warn"),
  variants: [{ name: "health (log info)", server: app("info") }],
  target: { metric: "throughput-ratio", min: 0.8 },
};
