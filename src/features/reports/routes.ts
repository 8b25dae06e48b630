/** Reports and requests upward (实施细则第十二条第（四）项、第九条第（三）项). */
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { type z } from "zod";
import { IdParamsSchema, keysetPage } from "../../domain/paging.js";
import { dateIn } from "../../domain/calendar.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { fromInstant } from "../../platform/db/instants.js";
import { workbookOf } from "../../platform/documents/xlsx.js";
import { limitExports, sendExport } from "../../platform/http/exports.js";
import { recipientName } from "./kinds.js";
import { reachableInstitutions } from "../meetings/queries.js";
import {
  CreateReportRequestSchema,
  ReportListQuerySchema,
  ReportListSchema,
  ReportSchema,
  SignReportRequestSchema,
  SubmitReportRequestSchema,
  UpdateReportRequestSchema,
} from "./contract.js";
import { presentReport, presentReportSummary } from "./presenter.js";
import {
  createReport,
  REPORT_READ,
  reportColumns,
  signReport,
  submitReport,
  updateReport,
  visibleReport,
} from "./service.js";

const tags = ["reports"];
const EXPORT_MAX = 5000;

/** The reports the actor reads (the institutions their scope reaches), newest first, with the list's filters. */
async function listReports(request: FastifyRequest, query: z.infer<typeof ReportListQuerySchema>) {
  const institutions = await reachableInstitutions(request.server.db.kysely, authOf(request).actor, REPORT_READ);
  if (institutions.length === 0) return { rows: [], nextCursor: null };
  const { year, kind, status, cursor, limit } = query;
  const rows = await reportColumns(request)
    .where("report.institution_id", "in", institutions)
    .$if(year !== undefined, (q) => q.where("report.year", "=", year ?? 0))
    .$if(kind !== undefined, (q) => q.where("report.kind", "=", kind ?? "planReport"))
    .$if(status !== undefined, (q) => q.where("report.status", "=", status ?? "draft"))
    .$if(cursor !== undefined, (q) => q.where("report.id", "<", cursor ?? ""))
    .orderBy("report.id", "desc")
    .limit(limit + 1)
    .execute();
  return keysetPage(rows, limit, (row) => row.id);
}

export function registerReportRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/reports",
    {
      schema: {
        tags,
        summary: "报告与请示 / Reports",
        querystring: ReportListQuerySchema,
        response: { 200: ReportListSchema },
      },
    },
    async (request) => {
      const page = await listReports(request, request.query);
      return { items: page.rows.map(presentReportSummary), nextCursor: page.nextCursor };
    },
  );

  r.get(
    "/api/reports/export",
    { schema: { tags, summary: "导出报告请示列表 (.xlsx) / Export reports", querystring: ReportListQuerySchema } },
    async (request, reply) => {
      const today = dateIn(app.clock());
      const rows = (await listReports(request, { ...request.query, cursor: undefined, limit: EXPORT_MAX })).rows.map(
        presentReportSummary,
      );
      return sendExport(request, reply, {
        action: "report.exportList",
        file: `reports-${today}.xlsx`,
        rows: rows.length,
        build: () =>
          workbookOf(
            "报告请示",
            [
              { header: "标题", width: 40, value: (r) => r.title },
              { header: "文种", width: 16, value: (r) => r.kindName },
              { header: "年度", width: 8, value: (r) => String(r.year) },
              { header: "主送", width: 18, value: (r) => r.recipientName },
              { header: "院校", width: 20, value: (r) => r.institution.name },
              { header: "状态", width: 10, value: (r) => r.statusName },
              { header: "发文字号", width: 20, value: (r) => r.number ?? "" },
              { header: "签发时间", width: 22, value: (r) => r.signedAt ?? "" },
              { header: "报送时间", width: 22, value: (r) => r.submittedAt ?? "" },
            ],
            rows,
            `报告请示（导出于 ${today}，共 ${rows.length} 项）`,
          ),
      });
    },
  );

  r.post(
    "/api/reports",
    {
      schema: {
        tags,
        summary: "起草报告或请示（第十二条第（四）项）/ Draft a report",
        body: CreateReportRequestSchema,
        response: { 201: ReportSchema },
      },
    },
    async (request, reply) => {
      const id = await createReport(request, request.body);
      return reply.status(201).send(await presentReport(request, await visibleReport(request, id)));
    },
  );

  r.get(
    "/api/reports/:id",
    { schema: { tags, summary: "报告详情 / A report", params: IdParamsSchema, response: { 200: ReportSchema } } },
    async (request) => presentReport(request, await visibleReport(request, request.params.id)),
  );

  r.put(
    "/api/reports/:id",
    {
      schema: {
        tags,
        summary: "修改报告草稿 / Edit a draft",
        params: IdParamsSchema,
        body: UpdateReportRequestSchema,
        response: { 200: ReportSchema },
      },
    },
    async (request) => {
      await updateReport(request, request.params.id, request.body);
      return presentReport(request, await visibleReport(request, request.params.id));
    },
  );

  r.post(
    "/api/reports/:id/sign",
    {
      schema: {
        tags,
        summary: "签发报告 / Sign the report",
        params: IdParamsSchema,
        body: SignReportRequestSchema,
        response: { 200: ReportSchema },
      },
    },
    async (request) => {
      await signReport(request, request.params.id, request.body.password);
      return presentReport(request, await visibleReport(request, request.params.id));
    },
  );

  r.get(
    "/api/reports/:id/document",
    {
      schema: { tags, summary: "下载报告 (.docx，GB/T 9704 上行文格式) / The report as .docx", params: IdParamsSchema },
    },
    async (request, reply) => {
      const row = await visibleReport(request, request.params.id);
      await limitExports(request);
      const view = await presentReport(request, row);
      // The docx library is loaded on the first download, not at every start.
      const { reportDocx } = await import("./report-docx.js");
      const file = await reportDocx({
        issuer: `${view.institution.name}保密委员会`,
        number: view.number,
        signer: view.signer?.person.name ?? null,
        kind: view.kind,
        title: view.title,
        recipient: recipientName(view.recipient, view.institution.name),
        body: view.body,
        attachments: view.attachments,
        date: view.signer ? dateIn(fromInstant(view.signer.signedAt)) : null,
        contact: view.contact,
        citation: `《实施细则》${view.citation}`,
      });
      await app.audit.record({
        ...auditContext(request),
        action: "report.export",
        object: { type: "report", id: row.id },
        result: "success",
        details: { format: "docx", status: row.status, bytes: file.length },
      });
      const name = `${view.number ?? "草稿"}-${view.title}.docx`;
      return reply
        .header(
          "content-disposition",
          `attachment; filename="report-${row.id}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .send(file);
    },
  );

  r.post(
    "/api/reports/:id/submit",
    {
      schema: {
        tags,
        summary: "登记报送 / Record the submission",
        params: IdParamsSchema,
        body: SubmitReportRequestSchema,
        response: { 200: ReportSchema },
      },
    },
    async (request) => {
      await submitReport(request, request.params.id, request.body.note);
      return presentReport(request, await visibleReport(request, request.params.id));
    },
  );
}
