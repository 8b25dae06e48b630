/**
 * The app assembly: platform plugins first, then every feature, then the web UI. This is the one place in
 * `platform/` allowed to know the features (DESIGN.md §3).
 */
import pino from "pino";
import Fastify, { type FastifyInstance, type FastifyRequest, LogController } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { localeFromAcceptLanguage } from "../../domain/locale.js";
import { registerFeatures } from "../../features/index.js";
import { type Config } from "../config/config.js";
import { openDatabase, type Db } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { defaultWebDir } from "../runtime/package-info.js";
import { createAuditLog } from "../audit/audit-log.js";
import { registerAuthGuard } from "./auth-guard.js";
import { registerErrorHandler } from "./errors.js";
import { registerJsonBody } from "./json-body.js";
import { registerHealthRoutes } from "./health-routes.js";
import { registerMetrics } from "./metrics.js";
import { registerOpenApi } from "./openapi.js";
import { REQUEST_ID_HEADER, requestIdFor } from "./request-id.js";
import "./request-context.js";
import { applySecurityHeaders } from "./security-headers.js";
import { registerRequestLog } from "./request-log.js";
import { registerWebUi } from "./web-ui.js";

export interface BuildOptions {
  /** An open database to use instead of opening the configured one; the app then leaves it open on close. */
  db?: Db;
  /** The clock; tests inject one they can move. */
  clock?: () => Date;
}

/** Builds the whole server without listening: opens the database, applies migrations, registers every route. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const db = options.db ?? (await openDatabase(config.database));
  try {
    await migrateToLatest(db);
  } catch (error) {
    if (!options.db) await db.close();
    throw error;
  }

  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
      // Buffered writes: one write(2) per line under load cost more than the request itself. pino flushes the
      // buffer when the process exits.
      stream: pino.destination({ dest: 1, sync: false, minLength: 4096 }),
    },
    genReqId: requestIdFor,
    // Fastify logs two lines per request; request-log.ts writes one with the outcome instead.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Routes must match exactly; /api/health/ is not /api/health.
    routerOptions: { ignoreTrailingSlash: false },
    return503OnClosing: true,
    trustProxy: config.trustProxy,
  });

  const clock = options.clock ?? (() => new Date());
  const audit = createAuditLog({
    db,
    config,
    clock,
    onError: (error) => app.log.error({ err: error }, "audit timer job (checkpoint or lookup catch-up) failed"),
  });
  app.decorate("config", config);
  app.decorate("db", db);
  app.decorate("clock", clock);
  app.decorate("audit", audit);
  // Every API route, for the authorization matrix's check that none is left out.
  const apiRoutes: { method: string; url: string }[] = [];
  app.decorate("apiRoutes", apiRoutes);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    for (const method of [route.method].flat()) if (method !== "HEAD") apiRoutes.push({ method, url: route.url });
  });
  // Read from Accept-Language only when a message is written: most answers carry no text to translate.
  app.decorateRequest("locale", {
    getter(this: FastifyRequest) {
      return localeFromAcceptLanguage(this.headers["accept-language"]);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body to a JSON route is refused with 415 instead of reaching the schema as a string.
  app.removeContentTypeParser("text/plain");
  registerJsonBody(app);

  // One synchronous hook for what every request needs first: its id and the security headers.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    applySecurityHeaders(request, reply);
    done();
  });
  registerRequestLog(app);
  registerErrorHandler(app);
  registerAuthGuard(app);
  await registerOpenApi(app);
  if (config.metrics) await registerMetrics(app);

  registerHealthRoutes(app);
  await registerFeatures(app);
  await registerWebUi(app, config.webDir ?? defaultWebDir);

  app.addHook("onReady", (done) => {
    audit.start();
    done();
  });
  app.addHook("onClose", async () => {
    audit.stop();
    if (!options.db) await db.close();
  });
  return app;
}
