/** Self-assessment (自查自评, 实施条例（2024）第五十八条): the year's list and export, one self-assessment and its steps. */
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../domain/paging.js";
import { workbookOf } from "../../platform/documents/xlsx.js";
import { sendExport } from "../../platform/http/exports.js";
import {
  ListQuerySchema,
  SaveAnswersRequestSchema,
  SelfAssessmentListSchema,
  type SelfAssessmentRow,
  SelfAssessmentSchema,
  StartRequestSchema,
  SubmitRequestSchema,
} from "./contract.js";
import { presentList, presentSelfAssessment } from "./presenter.js";
import { listedInstitution, visibleSelfAssessment } from "./queries.js";
import { saveAnswers, startSelfAssessment, submitSelfAssessment } from "./service.js";

const tags = ["self-assessments"];

const number = (value: number | null) => value ?? "";
const percent = (value: number | null) => (value === null ? "" : `${value.toFixed(1)}%`);

export function registerSelfAssessmentRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (request: FastifyRequest, id: string) =>
    presentSelfAssessment(request, await visibleSelfAssessment(request, id));

  r.get(
    "/api/self-assessments",
    {
      schema: {
        tags,
        summary: "单位自查自评（年度）/ The year's self-assessments",
        querystring: ListQuerySchema,
        response: { 200: SelfAssessmentListSchema },
      },
    },
    async (request) =>
      presentList(request, await listedInstitution(request, request.query.institutionId), request.query.year),
  );

  r.get(
    "/api/self-assessments/export",
    { schema: { tags, summary: "导出单位自查自评 (.xlsx) / Export", querystring: ListQuerySchema } },
    async (request, reply) => {
      const { year, institutionId } = request.query;
      const list = await presentList(request, await listedInstitution(request, institutionId), year);
      const committee = (row: SelfAssessmentRow) => row.committee;
      return sendExport(request, reply, {
        action: "selfAssessment.export",
        file: `self-assessments-${year}.xlsx`,
        rows: list.items.length,
        build: () =>
          workbookOf(
            "单位自查自评",
            [
              { header: "单位", width: 24, value: (row) => (row.own ? `${row.unit.name}（院校自评）` : row.unit.name) },
              { header: "状态", width: 10, value: (row) => row.statusName },
              { header: "自评得分", width: 10, value: (row) => number(row.score) },
              { header: "应得分", width: 10, value: (row) => number(row.possible) },
              { header: "得分率", width: 10, value: (row) => percent(row.percent) },
              { header: "分档", width: 12, value: (row) => row.bandName ?? "" },
              { header: "一票否决", width: 10, value: (row) => (row.vetoed ? "是" : "") },
              { header: "发现问题", width: 10, value: (row) => row.findingCount },
              { header: "提交时间", width: 22, value: (row) => row.submittedAt ?? "" },
              { header: "委员会考核得分", width: 14, value: (row) => number(committee(row)?.earned ?? null) },
              { header: "委员会得分率", width: 14, value: (row) => percent(committee(row)?.percent ?? null) },
              { header: "委员会考核分档", width: 14, value: (row) => committee(row)?.bandName ?? "" },
            ],
            list.items,
            `${list.institution?.name ?? ""}${year}年度单位保密自查自评（实施条例第五十八条；共 ${list.items.length} 个单位）`,
          ),
      });
    },
  );

  r.post(
    "/api/self-assessments",
    {
      schema: {
        tags,
        summary: "开始自查自评 / Start a self-assessment",
        body: StartRequestSchema,
        response: { 201: SelfAssessmentSchema },
      },
    },
    async (request, reply) => {
      const id = await startSelfAssessment(request, request.body);
      return reply.status(201).send(await view(request, id));
    },
  );

  r.get(
    "/api/self-assessments/:id",
    {
      schema: {
        tags,
        summary: "自查自评详情 / A self-assessment",
        params: IdParamsSchema,
        response: { 200: SelfAssessmentSchema },
      },
    },
    async (request) => view(request, request.params.id),
  );

  r.put(
    "/api/self-assessments/:id/answers",
    {
      schema: {
        tags,
        summary: "保存自评答案（草稿）/ Save answers",
        params: IdParamsSchema,
        body: SaveAnswersRequestSchema,
        response: { 200: SelfAssessmentSchema },
      },
    },
    async (request) => {
      await saveAnswers(request, request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  r.post(
    "/api/self-assessments/:id/submit",
    {
      schema: {
        tags,
        summary: "提交自查自评 / Submit",
        params: IdParamsSchema,
        body: SubmitRequestSchema,
        response: { 200: SelfAssessmentSchema },
      },
    },
    async (request) => {
      await submitSelfAssessment(request, request.params.id, request.body.deadline);
      return view(request, request.params.id);
    },
  );
}
