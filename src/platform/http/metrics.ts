/**
 * Prometheus metrics at /metrics, only when BAOMI_METRICS is on. Each app has its own registry so that several apps
 * in one process (tests, benchmarks) never share counters. Expose /metrics to the monitoring network only.
 */
import { type FastifyInstance } from "fastify";

export async function registerMetrics(app: FastifyInstance): Promise<void> {
  // Loaded only when metrics are on, to keep it off every other start.
  const { Histogram, Registry, collectDefaultMetrics } = await import("prom-client");
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "baomi_" });
  const duration = new Histogram({
    name: "baomi_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  app.addHook("onResponse", async (request, reply) => {
    // The route pattern, not the raw URL, keeps the label set bounded whatever clients send.
    const route = request.routeOptions.url ?? "unmatched";
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
