/** Findings statistics for the dashboard (检查整改统计, 第十一条第（四）项、第十三条第（六）项). */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { authOf } from "../../platform/access/request-auth.js";
import { sendJsonText } from "../../platform/http/send-json-text.js";
import { findingsAnswerCache } from "./findings-cache.js";
import { findingStatistics } from "./statistics.js";
import { FindingStatisticsQuerySchema, FindingStatisticsSchema } from "./statistics-contract.js";

const tags = ["inspections"];

export function registerFindingStatisticsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = findingsAnswerCache(app);

  // Like the findings list, it answers whoever is signed in: an actor who reaches no finding gets zeros.
  r.get(
    "/api/findings/statistics",
    {
      schema: {
        tags,
        summary: "问题整改统计 / Findings statistics",
        querystring: FindingStatisticsQuerySchema,
        response: { 200: FindingStatisticsSchema },
      },
    },
    async (request, reply) => {
      const db = app.db.kysely;
      const today = dateIn(app.clock());
      const { year, institutionId, unitId } = request.query;
      const actor = authOf(request).actor;
      const text = await cache.answer(actor, { statistics: request.query, locale: request.locale }, today, async () => {
        const unit =
          unitId === undefined
            ? undefined
            : await db.selectFrom("unit").select(["id", "name", "path"]).where("id", "=", unitId).executeTakeFirst();
        if (unitId !== undefined && !unit)
          throw new AppError(
            "VALIDATION_FAILED",
            { zh: "请求参数有误：query.unitId：单位不存在", en: "Invalid request: query.unitId: no such unit" },
            { issues: [{ field: "query.unitId", message: "单位不存在" }] },
          );
        const statistics = await findingStatistics(
          db,
          app.db.dialect,
          actor,
          {
            year: year === "all" ? undefined : year === undefined ? Number(today.slice(0, 4)) : Number(year),
            institutionId,
            unit,
          },
          today,
          request.locale,
        );
        return JSON.stringify(FindingStatisticsSchema.encode(statistics));
      });
      return sendJsonText(reply, text);
    },
  );
}
