/** Documents received from higher authorities and their briefing and study (实施细则第四条第（一）项、第十三条第（一）项). */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { dateIn } from "../../domain/calendar.js";
import { IdParamsSchema } from "../../domain/paging.js";
import { authOf } from "../../platform/access/request-auth.js";
import { workbookOf } from "../../platform/documents/xlsx.js";
import { sendExport } from "../../platform/http/exports.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  CloseDocumentRequestSchema,
  DocumentListQuerySchema,
  DocumentListSchema,
  DocumentSchema,
  RecordSessionRequestSchema,
  RegisterDocumentRequestSchema,
  RosterQuerySchema,
  RosterSchema,
} from "./contract.js";
import { listDocuments, presentDocument, presentDocumentSummaries } from "./presenter.js";
import { closeDocument, recordSession, registerDocument, rosterOf, visibleDocument } from "./service.js";

const tags = ["document-studies"];
const EXPORT_MAX = 5000;

export function registerDocumentStudyRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/document-studies",
    {
      schema: {
        tags,
        summary: "上级来文与传达学习 / Documents received and their study",
        querystring: DocumentListQuerySchema,
        response: { 200: DocumentListSchema },
      },
    },
    async (request) => {
      const db = app.db.kysely;
      const { policy } = await activePolicy(db);
      const page = await listDocuments(db, authOf(request).actor, request.query);
      const items = await presentDocumentSummaries(db, policy, page.rows, dateIn(app.clock()));
      return { items, nextCursor: page.nextCursor };
    },
  );

  r.get(
    "/api/document-studies/export",
    {
      schema: {
        tags,
        summary: "导出来文学习登记 (.xlsx) / Export documents received",
        querystring: DocumentListQuerySchema,
      },
    },
    async (request, reply) => {
      const db = app.db.kysely;
      const { policy } = await activePolicy(db);
      const today = dateIn(app.clock());
      const page = await listDocuments(db, authOf(request).actor, { ...request.query, limit: EXPORT_MAX });
      const rows = await presentDocumentSummaries(db, policy, page.rows, today);
      return sendExport(request, reply, {
        action: "documentStudy.export",
        file: `document-studies-${today}.xlsx`,
        rows: rows.length,
        build: () =>
          workbookOf(
            "来文学习",
            [
              { header: "来文单位", width: 22, value: (d) => d.issuer },
              { header: "文号", width: 20, value: (d) => d.documentNo },
              { header: "标题", width: 40, value: (d) => d.title },
              { header: "收文日期", width: 12, value: (d) => d.receivedOn },
              { header: "传达范围", width: 20, value: (d) => d.audienceName },
              { header: "完成时限", width: 12, value: (d) => d.dueOn },
              { header: "已学习单位", width: 12, value: (d) => `${d.completion.held}/${d.completion.required}` },
              { header: "状态", width: 12, value: (d) => (d.overdue ? `${d.statusName}（逾期）` : d.statusName) },
              { header: "依据", width: 30, value: (d) => d.citation },
              {
                header: "履职事项",
                width: 14,
                value: (d) => (d.obligations.total ? `已落实 ${d.obligations.fulfilled}/${d.obligations.total}` : ""),
              },
            ],
            rows,
            `上级来文传达学习登记（导出于 ${today}，共 ${rows.length} 件）`,
          ),
      });
    },
  );

  r.post(
    "/api/document-studies",
    {
      schema: {
        tags,
        summary: "登记上级来文（第四条第（一）项）/ Register a received document",
        body: RegisterDocumentRequestSchema,
        response: { 201: DocumentSchema },
      },
    },
    async (request, reply) => {
      const id = await registerDocument(request, request.body);
      return reply.status(201).send(await presentDocument(request, await visibleDocument(request, id)));
    },
  );

  r.get(
    "/api/document-studies/:id",
    {
      schema: {
        tags,
        summary: "来文详情 / A received document",
        params: IdParamsSchema,
        response: { 200: DocumentSchema },
      },
    },
    async (request) => presentDocument(request, await visibleDocument(request, request.params.id)),
  );

  r.get(
    "/api/document-studies/:id/roster",
    {
      schema: {
        tags,
        summary: "单位人员（登记参加人员用）/ The unit's people, for attendance",
        params: IdParamsSchema,
        querystring: RosterQuerySchema,
        response: { 200: RosterSchema },
      },
    },
    async (request) => rosterOf(request, request.params.id, request.query.unitId),
  );

  r.post(
    "/api/document-studies/:id/sessions",
    {
      schema: {
        tags,
        summary: "登记传达学习 / Record a study session",
        params: IdParamsSchema,
        body: RecordSessionRequestSchema,
        response: { 201: DocumentSchema },
      },
    },
    async (request, reply) => {
      await recordSession(request, request.params.id, request.body);
      return reply.status(201).send(await presentDocument(request, await visibleDocument(request, request.params.id)));
    },
  );

  r.post(
    "/api/document-studies/:id/close",
    {
      schema: {
        tags,
        summary: "办结 / Close the document's briefing",
        params: IdParamsSchema,
        body: CloseDocumentRequestSchema,
        response: { 200: DocumentSchema },
      },
    },
    async (request) => {
      await closeDocument(request, request.params.id, request.body.note);
      return presentDocument(request, await visibleDocument(request, request.params.id));
    },
  );
}
