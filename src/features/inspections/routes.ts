/** Inspections and rectification (第十一条第（四）项、第十三条第（六）项): templates, plans, inspections, findings. */
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { dateIn } from "../../domain/calendar.js";
import { IdParamsSchema } from "../../domain/paging.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { workbookOf } from "../../platform/documents/xlsx.js";
import { limitExports, sendExport } from "../../platform/http/exports.js";
import { sendFile } from "../../platform/http/send-file.js";
import { sendJsonText } from "../../platform/http/send-json-text.js";
import {
  AttachmentUploadSchema,
  CloseInspectionRequestSchema,
  CreateFindingRequestSchema,
  CreatePlanRequestSchema,
  FindingListQuerySchema,
  FindingListSchema,
  FindingSchema,
  InspectionSchema,
  MyPortfolioQuerySchema,
  MyPortfolioSchema,
  MyUnitsSchema,
  PlanListQuerySchema,
  PlanListSchema,
  PlanSchema,
  RectificationRequestSchema,
  ReturnFindingRequestSchema,
  SaveResultsRequestSchema,
  VerifyFindingRequestSchema,
} from "./contract.js";
import {
  presentFinding,
  presentFindingSummary,
  presentInspection,
  presentPlan,
  presentPlanSummary,
} from "./presenter.js";
import { findingsAnswerCache } from "./findings-cache.js";
import { headedUnits } from "./headed-units.js";
import { memberPortfolio } from "./member-portfolio.js";
import { ownScopeOf } from "./own-units.js";
import {
  attachToFinding,
  attachToInspection,
  closeInspection,
  createFinding,
  createPlan,
  findingColumns,
  inspectionObject,
  listFindings,
  listPlans,
  readAttachment,
  readFindingAttachment,
  recordRectification,
  returnFinding,
  saveResults,
  submitRectification,
  verifyFinding,
  visibleFinding,
  visibleInspection,
  visiblePlan,
} from "./service.js";

const tags = ["inspections"];
const EXPORT_MAX = 5000;
const ChildParamsSchema = z.strictObject({ id: z.string().min(1).max(64), childId: z.string().min(1).max(64) });

export function registerInspectionRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const findingsCache = findingsAnswerCache(app);
  const planView = async (request: FastifyRequest, id: string) => {
    const { row, team } = await visiblePlan(request, id);
    return presentPlan(request, row, team);
  };
  const inspectionView = async (request: FastifyRequest, id: string) => {
    const { row, team } = await visibleInspection(request, id);
    const findings = await findingColumns(app.db.kysely)
      .where("inspection_finding.inspection_id", "=", id)
      .orderBy("inspection_finding.id")
      .execute();
    return presentInspection(request, row, team, findings);
  };
  const findingView = async (request: FastifyRequest, id: string) => {
    const { row, team } = await visibleFinding(request, id);
    return presentFinding(request, row, team);
  };

  r.get(
    "/api/inspection-plans",
    {
      schema: {
        tags,
        summary: "检查计划 / Inspection plans",
        querystring: PlanListQuerySchema,
        response: { 200: PlanListSchema },
      },
    },
    async (request) => {
      const page = await listPlans(app.db.kysely, authOf(request).actor, request.query);
      return { items: page.rows.map(presentPlanSummary), nextCursor: page.nextCursor };
    },
  );

  r.post(
    "/api/inspection-plans",
    {
      schema: {
        tags,
        summary: "新建检查计划 / Plan an inspection",
        body: CreatePlanRequestSchema,
        response: { 201: PlanSchema },
      },
    },
    async (request, reply) => {
      const id = await createPlan(request, request.body);
      return reply.status(201).send(await planView(request, id));
    },
  );

  r.get(
    "/api/inspection-plans/my-portfolio",
    {
      schema: {
        tags,
        summary: "我的分管范围（委员半年检查） / My portfolio for a half-yearly inspection",
        querystring: MyPortfolioQuerySchema,
        response: { 200: MyPortfolioSchema },
      },
    },
    async (request) => {
      const day = request.query.on ?? dateIn(app.clock());
      const { found, ...scope } = await ownScopeOf(app.db.kysely, authOf(request).actor.personId, day, memberPortfolio);
      return { member: found, ...scope };
    },
  );

  r.get(
    "/api/inspection-plans/my-units",
    {
      schema: {
        tags,
        summary: "我负责的单位（本单位检查） / The units I head, for their own inspection",
        querystring: MyPortfolioQuerySchema,
        response: { 200: MyUnitsSchema },
      },
    },
    async (request) => {
      const day = request.query.on ?? dateIn(app.clock());
      const { found, ...scope } = await ownScopeOf(app.db.kysely, authOf(request).actor.personId, day, headedUnits);
      return { head: found, ...scope };
    },
  );

  r.get(
    "/api/inspection-plans/:id",
    {
      schema: { tags, summary: "检查计划详情 / A plan", params: IdParamsSchema, response: { 200: PlanSchema } },
    },
    async (request) => planView(request, request.params.id),
  );

  r.get(
    "/api/inspections/:id",
    {
      schema: {
        tags,
        summary: "检查记录 / An inspection",
        params: IdParamsSchema,
        response: { 200: InspectionSchema },
      },
    },
    async (request) => inspectionView(request, request.params.id),
  );

  r.put(
    "/api/inspections/:id/results",
    {
      schema: {
        tags,
        summary: "保存检查结果（草稿）/ Save results",
        params: IdParamsSchema,
        body: SaveResultsRequestSchema,
        response: { 200: InspectionSchema },
      },
    },
    async (request) => {
      await saveResults(request, request.params.id, request.body);
      return inspectionView(request, request.params.id);
    },
  );

  r.post(
    "/api/inspections/:id/findings",
    {
      schema: {
        tags,
        summary: "登记问题 / Record a finding",
        params: IdParamsSchema,
        body: CreateFindingRequestSchema,
        response: { 201: InspectionSchema },
      },
    },
    async (request, reply) => {
      await createFinding(request, request.params.id, request.body);
      return reply.status(201).send(await inspectionView(request, request.params.id));
    },
  );

  r.post(
    "/api/inspections/:id/attachments",
    {
      schema: {
        tags,
        summary: "上传检查照片或材料 / Attach a photo",
        params: IdParamsSchema,
        body: AttachmentUploadSchema,
        response: { 201: InspectionSchema },
      },
    },
    async (request, reply) => {
      await attachToInspection(request, request.params.id, request.body);
      return reply.status(201).send(await inspectionView(request, request.params.id));
    },
  );

  r.get(
    "/api/inspections/:id/attachments/:childId",
    { schema: { tags, summary: "下载附件 / Download an attachment", params: ChildParamsSchema } },
    async (request, reply) => sendFile(reply, await readAttachment(request, request.params.id, request.params.childId)),
  );

  r.post(
    "/api/inspections/:id/close",
    {
      schema: {
        tags,
        summary: "结束检查 / Close the inspection",
        params: IdParamsSchema,
        body: CloseInspectionRequestSchema,
        response: { 200: InspectionSchema },
      },
    },
    async (request) => {
      await closeInspection(request, request.params.id, request.body.closedOn);
      return inspectionView(request, request.params.id);
    },
  );

  r.get(
    "/api/inspections/:id/opinion.docx",
    { schema: { tags, summary: "检查意见书 (.docx) / The inspection opinion", params: IdParamsSchema } },
    async (request, reply) => {
      const view = await inspectionView(request, request.params.id);
      await limitExports(request);
      const { opinionDocx } = await import("./opinion-docx.js");
      const file = await opinionDocx({
        institutionName: view.institution.name,
        unitName: view.unit.name,
        planTitle: view.plan.title,
        templateTitle: view.template.title.zh,
        draft: view.status !== "closed",
        closedOn: view.closedOn,
        today: dateIn(app.clock()),
        score: view.score,
        summary: view.summary,
        findings: view.findings,
      });
      await app.audit.record({
        ...auditContext(request),
        action: "inspection.export",
        object: inspectionObject(view.id),
        result: "success",
        details: { format: "docx", status: view.status, bytes: file.length },
      });
      const name = `保密检查意见书-${view.unit.name}.docx`;
      return reply
        .header(
          "content-disposition",
          `attachment; filename="opinion-${view.id}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .send(file);
    },
  );

  r.get(
    "/api/findings",
    {
      schema: {
        tags,
        summary: "检查发现的问题 / Findings",
        querystring: FindingListQuerySchema,
        response: { 200: FindingListSchema },
      },
    },
    async (request, reply) => {
      const today = dateIn(app.clock());
      const actor = authOf(request).actor;
      const text = await findingsCache.answer(actor, { list: request.query }, today, async () => {
        const page = await listFindings(app.db.kysely, actor, request.query, today);
        const view = { items: page.rows.map((row) => presentFindingSummary(row, today)), nextCursor: page.nextCursor };
        // What the route's serializer would send (the contract checked, then JSON), kept as text for the next reader.
        return JSON.stringify(FindingListSchema.encode(view));
      });
      return sendJsonText(reply, text);
    },
  );

  r.get(
    "/api/findings/export",
    { schema: { tags, summary: "导出问题清单 (.xlsx) / Export findings", querystring: FindingListQuerySchema } },
    async (request, reply) => {
      const today = dateIn(app.clock());
      const page = await listFindings(
        app.db.kysely,
        authOf(request).actor,
        { ...request.query, cursor: undefined, limit: EXPORT_MAX },
        today,
      );
      const rows = page.rows.map((row) => presentFindingSummary(row, today));
      return sendExport(request, reply, {
        action: "inspection.findingsExport",
        file: `findings-${today}.xlsx`,
        rows: rows.length,
        build: () =>
          workbookOf(
            "检查发现的问题",
            [
              { header: "单位", width: 20, value: (f) => f.unit.name },
              { header: "年度", width: 8, value: (f) => f.year },
              { header: "检查项目", width: 40, value: (f) => f.itemText },
              { header: "问题类别", width: 14, value: (f) => f.categoryName },
              { header: "问题性质", width: 10, value: (f) => f.severityName },
              { header: "问题描述", width: 40, value: (f) => f.description },
              { header: "整改期限", width: 12, value: (f) => f.deadline },
              { header: "状态", width: 10, value: (f) => f.statusName },
              { header: "逾期", width: 6, value: (f) => (f.overdue ? "是" : "") },
              { header: "重复问题", width: 8, value: (f) => (f.repeated ? "是" : "") },
              { header: "整改责任人", width: 12, value: (f) => f.owner?.name ?? "" },
            ],
            rows,
            `检查发现的问题（第十一条第（四）项、第十三条第（六）项；导出于 ${today}，共 ${rows.length} 项）`,
          ),
      });
    },
  );

  r.get(
    "/api/findings/:id",
    { schema: { tags, summary: "问题详情 / A finding", params: IdParamsSchema, response: { 200: FindingSchema } } },
    async (request) => findingView(request, request.params.id),
  );

  r.put(
    "/api/findings/:id/rectification",
    {
      schema: {
        tags,
        summary: "登记整改措施、进展和佐证 / Record the rectification",
        params: IdParamsSchema,
        body: RectificationRequestSchema,
        response: { 200: FindingSchema },
      },
    },
    async (request) => {
      await recordRectification(request, request.params.id, request.body);
      return findingView(request, request.params.id);
    },
  );

  r.post(
    "/api/findings/:id/attachments",
    {
      schema: {
        tags,
        summary: "上传整改佐证材料 / Attach evidence",
        params: IdParamsSchema,
        body: AttachmentUploadSchema,
        response: { 201: FindingSchema },
      },
    },
    async (request, reply) => {
      await attachToFinding(request, request.params.id, request.body);
      return reply.status(201).send(await findingView(request, request.params.id));
    },
  );

  r.get(
    "/api/findings/:id/attachments/:childId",
    { schema: { tags, summary: "下载整改佐证材料 / Download evidence", params: ChildParamsSchema } },
    async (request, reply) =>
      sendFile(reply, await readFindingAttachment(request, request.params.id, request.params.childId)),
  );

  r.post(
    "/api/findings/:id/submit",
    {
      schema: {
        tags,
        summary: "提交整改验证 / Submit for verification",
        params: IdParamsSchema,
        body: z.strictObject({}),
        response: { 200: FindingSchema },
      },
    },
    async (request) => {
      await submitRectification(request, request.params.id);
      return findingView(request, request.params.id);
    },
  );

  r.post(
    "/api/findings/:id/verify",
    {
      schema: {
        tags,
        summary: "验证销号 / Verify and close",
        params: IdParamsSchema,
        body: VerifyFindingRequestSchema,
        response: { 200: FindingSchema },
      },
    },
    async (request) => {
      await verifyFinding(request, request.params.id, request.body.note);
      return findingView(request, request.params.id);
    },
  );

  r.post(
    "/api/findings/:id/return",
    {
      schema: {
        tags,
        summary: "退回整改 / Send back",
        params: IdParamsSchema,
        body: ReturnFindingRequestSchema,
        response: { 200: FindingSchema },
      },
    },
    async (request) => {
      await returnFinding(request, request.params.id, request.body.reason);
      return findingView(request, request.params.id);
    },
  );
}
