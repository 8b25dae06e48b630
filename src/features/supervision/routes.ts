/** Supervision (实施细则第十二条第（二）项): one page per institution and year, and the office's and director's steps. */
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { type z } from "zod";
import {
  CompleteSupervisionRequestSchema,
  InstitutionQuerySchema,
  NoteRequestSchema,
  PlanRequestSchema,
  RollForwardResultSchema,
  ScoreRequestSchema,
  SignRequestSchema,
  SummaryRequestSchema,
  SupervisionYearSchema,
  YearParamsSchema,
  YearUnitParamsSchema,
} from "./contract.js";
import { institutionOf, managedInstitution } from "./institution.js";
import { presentYear } from "./presenter.js";
import { rollForward } from "./roll-forward.js";
import {
  addNote,
  approveAssessment,
  approvePlan,
  approveSummary,
  completeSupervision,
  savePlan,
  saveSummary,
  scoreUnit,
} from "./service.js";

const tags = ["supervision"];

export function registerSupervisionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const year = {
    params: YearParamsSchema,
    querystring: InstitutionQuerySchema,
    response: { 200: SupervisionYearSchema },
  };

  r.get(
    "/api/supervision/:year",
    { schema: { tags, summary: "年度督查考核（第十二条第（二）项）/ A year's supervision", ...year } },
    async (request) =>
      presentYear(request, await institutionOf(request, request.query.institutionId), request.params.year),
  );

  /** A step of the office or the director, answered with the year as it now stands; each runner checked on its body. */
  const step = <S extends z.ZodType>(
    url: string,
    method: "PUT" | "POST",
    summary: string,
    body: S,
    run: (request: FastifyRequest, year: number, body: z.infer<S>, institutionId?: string) => Promise<void>,
  ) =>
    r.route({
      method,
      url,
      schema: { tags, summary, ...year, body },
      handler: async (request) => {
        const { institutionId } = request.query;
        const { year: y } = request.params;
        await run(request, y, request.body as z.infer<S>, institutionId);
        return presentYear(request, await institutionOf(request, institutionId), y);
      },
    });

  step(
    "/api/supervision/:year/plan",
    "PUT",
    "起草年度保密工作计划 / Draft the annual plan",
    PlanRequestSchema,
    savePlan,
  );
  step(
    "/api/supervision/:year/plan/approve",
    "POST",
    "审定年度保密工作计划 / Approve the plan",
    SignRequestSchema,
    (q, y, b, i) => approvePlan(q, y, b.password, i),
  );
  step(
    "/api/supervision/:year/notes",
    "POST",
    "督查意见 / A supervision note to a unit",
    NoteRequestSchema,
    (q, y, b, i) => addNote(q, y, b.unitId, b.text, i),
  );
  step(
    "/api/supervision/:year/supervision/complete",
    "POST",
    "完成年中督查 / Complete the mid-year supervision",
    CompleteSupervisionRequestSchema,
    (q, y, b, i) => completeSupervision(q, y, b.report, i),
  );
  step(
    "/api/supervision/:year/assessment/approve",
    "POST",
    "审定年度考核结果 / Approve the assessment",
    SignRequestSchema,
    (q, y, b, i) => approveAssessment(q, y, b.password, i),
  );
  step(
    "/api/supervision/:year/summary",
    "PUT",
    "起草年度保密工作总结 / Draft the summary",
    SummaryRequestSchema,
    (q, y, b, i) => saveSummary(q, y, b.text, i),
  );
  step(
    "/api/supervision/:year/summary/approve",
    "POST",
    "审定年度保密工作总结 / Approve the summary",
    SignRequestSchema,
    (q, y, b, i) => approveSummary(q, y, b.password, i),
  );

  r.put(
    "/api/supervision/:year/assessment/scores/:unitId",
    {
      schema: {
        tags,
        summary: "考核评分（逐单位）/ Score a unit",
        params: YearUnitParamsSchema,
        querystring: InstitutionQuerySchema,
        body: ScoreRequestSchema,
        response: { 200: SupervisionYearSchema },
      },
    },
    async (request) => {
      const { year: y, unitId } = request.params;
      await scoreUnit(request, y, unitId, request.body, request.query.institutionId);
      return presentYear(request, await institutionOf(request, request.query.institutionId), y);
    },
  );

  r.post(
    "/api/supervision/:year/roll-forward",
    {
      schema: {
        tags,
        summary: "沿用上年计划与评分表 / Roll last year forward",
        params: YearParamsSchema,
        querystring: InstitutionQuerySchema,
        response: { 200: RollForwardResultSchema },
      },
    },
    async (request) => {
      const institution = await managedInstitution(request, request.query.institutionId);
      const result = await rollForward(request, institution, request.params.year);
      return { ...result, year: await presentYear(request, institution, request.params.year) };
    },
  );
}
