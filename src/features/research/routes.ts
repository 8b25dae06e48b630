/** Research topics (实施细则第十二条第（三）项 调研制度): the list and its .xlsx, one topic, and each workflow step. */
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { dateIn } from "../../domain/calendar.js";
import { IdParamsSchema } from "../../domain/paging.js";
import { authOf } from "../../platform/access/request-auth.js";
import { workbookOf } from "../../platform/documents/xlsx.js";
import { sendExport } from "../../platform/http/exports.js";
import {
  ApproveResearchRequestSchema,
  CancelResearchRequestSchema,
  ConcludeResearchRequestSchema,
  CreateResearchRequestSchema,
  FindingRequestSchema,
  ResearchListQuerySchema,
  ResearchListSchema,
  ResearchReportRequestSchema,
  ResearchSchema,
  StartResearchRequestSchema,
  UpdateResearchRequestSchema,
} from "./contract.js";
import { presentResearch, presentResearchSummary } from "./presenter.js";
import {
  approveResearch,
  cancelResearch,
  concludeResearch,
  createResearch,
  listResearch,
  recordFinding,
  startResearch,
  updateResearch,
  visibleResearch,
  writeResearchReport,
} from "./service.js";

const tags = ["research"];
const EXPORT_MAX = 5000;

export function registerResearchRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (request: FastifyRequest, id: string) =>
    presentResearch(request, await visibleResearch(request, id));

  r.get(
    "/api/research",
    {
      schema: {
        tags,
        summary: "调研课题 / Research topics",
        querystring: ResearchListQuerySchema,
        response: { 200: ResearchListSchema },
      },
    },
    async (request) => {
      const page = await listResearch(app.db.kysely, authOf(request).actor, request.query);
      return { items: page.rows.map(presentResearchSummary), nextCursor: page.nextCursor };
    },
  );

  r.get(
    "/api/research/export",
    {
      schema: { tags, summary: "导出调研课题 (.xlsx) / Export research topics", querystring: ResearchListQuerySchema },
    },
    async (request, reply) => {
      const today = dateIn(app.clock());
      const page = await listResearch(app.db.kysely, authOf(request).actor, { ...request.query, limit: EXPORT_MAX });
      const rows = page.rows.map(presentResearchSummary);
      return sendExport(request, reply, {
        action: "research.export",
        file: `research-topics-${today}.xlsx`,
        rows: rows.length,
        build: () =>
          workbookOf(
            "调研课题",
            [
              { header: "课题名称", width: 40, value: (t) => t.title },
              { header: "院校", width: 20, value: (t) => t.institution.name },
              { header: "年度", width: 8, value: (t) => t.year },
              { header: "负责人", width: 12, value: (t) => t.lead.name },
              { header: "负责人单位", width: 20, value: (t) => t.lead.unitName ?? "" },
              { header: "计划起止", width: 24, value: (t) => `${t.planStartsOn} 至 ${t.planEndsOn}` },
              { header: "状态", width: 16, value: (t) => t.statusName },
              { header: "调研发现", width: 10, value: (t) => t.findingCount },
              { header: "立项日期", width: 12, value: (t) => t.approvedOn ?? "" },
              { header: "结题日期", width: 12, value: (t) => t.concludedOn ?? "" },
            ],
            rows,
            `调研课题（第十二条第（三）项；导出于 ${today}，共 ${rows.length} 项）`,
          ),
      });
    },
  );

  r.post(
    "/api/research",
    {
      schema: {
        tags,
        summary: "新建调研课题（立项中）/ Propose a research topic",
        body: CreateResearchRequestSchema,
        response: { 201: ResearchSchema },
      },
    },
    async (request, reply) => {
      const id = await createResearch(request, request.body);
      return reply.status(201).send(await view(request, id));
    },
  );

  r.get(
    "/api/research/:id",
    {
      schema: {
        tags,
        summary: "调研课题详情 / A research topic",
        params: IdParamsSchema,
        response: { 200: ResearchSchema },
      },
    },
    async (request) => view(request, request.params.id),
  );

  r.put(
    "/api/research/:id",
    {
      schema: {
        tags,
        summary: "修改立项内容 / Edit the proposal",
        params: IdParamsSchema,
        body: UpdateResearchRequestSchema,
        response: { 200: ResearchSchema },
      },
    },
    async (request) => {
      await updateResearch(request, request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  r.post(
    "/api/research/:id/approve",
    {
      schema: {
        tags,
        summary: "登记立项（保密委员会同意）/ Record the approval",
        params: IdParamsSchema,
        body: ApproveResearchRequestSchema,
        response: { 200: ResearchSchema },
      },
    },
    async (request) => {
      await approveResearch(request, request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  r.post(
    "/api/research/:id/start",
    {
      schema: {
        tags,
        summary: "开始调研 / Start the research",
        params: IdParamsSchema,
        body: StartResearchRequestSchema,
        response: { 200: ResearchSchema },
      },
    },
    async (request) => {
      await startResearch(request, request.params.id, request.body.startedOn);
      return view(request, request.params.id);
    },
  );

  r.post(
    "/api/research/:id/findings",
    {
      schema: {
        tags,
        summary: "登记调研发现 / Record a finding",
        params: IdParamsSchema,
        body: FindingRequestSchema,
        response: { 200: ResearchSchema },
      },
    },
    async (request) => {
      await recordFinding(request, request.params.id, request.body.text);
      return view(request, request.params.id);
    },
  );

  r.put(
    "/api/research/:id/report",
    {
      schema: {
        tags,
        summary: "撰写调研报告 / Write the research report",
        params: IdParamsSchema,
        body: ResearchReportRequestSchema,
        response: { 200: ResearchSchema },
      },
    },
    async (request) => {
      await writeResearchReport(request, request.params.id, request.body.report);
      return view(request, request.params.id);
    },
  );

  r.post(
    "/api/research/:id/conclude",
    {
      schema: {
        tags,
        summary: "结题 / Conclude the topic",
        params: IdParamsSchema,
        body: ConcludeResearchRequestSchema,
        response: { 200: ResearchSchema },
      },
    },
    async (request) => {
      await concludeResearch(request, request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  r.post(
    "/api/research/:id/cancel",
    {
      schema: {
        tags,
        summary: "撤销调研课题 / Cancel the topic",
        params: IdParamsSchema,
        body: CancelResearchRequestSchema,
        response: { 200: ResearchSchema },
      },
    },
    async (request) => {
      await cancelResearch(request, request.params.id, request.body.reason);
      return view(request, request.params.id);
    },
  );
}
