/** Liveness and readiness, for the UI's status card, load balancers and orchestrators. */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { toInstant } from "../db/instants.js";
import { version } from "../runtime/package-info.js";

export const HealthSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  time: z.string().describe("server time, ISO 8601 UTC"),
});

export const ReadySchema = z.object({
  status: z.literal("ready"),
  database: z.enum(["sqlite", "postgres"]),
});

/** GET /api/health (the process answers) and GET /api/ready (and its database answers too). */
export function registerHealthRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "存活检查 / Liveness",
        response: { 200: HealthSchema },
      },
    },
    () => ({ status: "ok" as const, version, time: toInstant(new Date()) }),
  );
  typed.get(
    "/api/ready",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "就绪检查（数据库可用）/ Readiness (database reachable)",
        response: { 200: ReadySchema },
      },
    },
    async (request) => {
      try {
        await app.db.ping();
      } catch (error) {
        request.log.warn({ err: error }, "database ping failed");
        throw new AppError("NOT_READY", { zh: "数据库暂不可用", en: "The database is not reachable" });
      }
      return { status: "ready" as const, database: app.db.dialect };
    },
  );
}
