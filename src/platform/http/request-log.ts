/** One log line per request, with its outcome: ids and status only — never bodies, cookies or personal data. */
import { type FastifyInstance } from "fastify";

export function registerRequestLog(app: FastifyInstance): void {
  if (!["info", "debug", "trace"].includes(app.config.logLevel)) return;
  app.addHook("onResponse", (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      "request",
    );
    done();
  });
}
