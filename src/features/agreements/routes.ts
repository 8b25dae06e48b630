/** Responsibility agreements (保密责任书): issue, list, progress, read, sign, void, and the signed .docx. */
import { limitExports } from "../../platform/http/exports.js";
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { authOf, auditContext } from "../../platform/access/request-auth.js";
import { requirePermission } from "../../platform/access/require.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  AgreementIdParamsSchema,
  AgreementListQuerySchema,
  AgreementListSchema,
  AgreementSchema,
  IssueBatchRequestSchema,
  IssueBatchResultSchema,
  ProgressQuerySchema,
  ProgressSchema,
  SignRequestSchema,
  VoidRequestSchema,
} from "./contract.js";
import { issueBatch } from "./issue.js";
import { AGREEMENT_READ } from "./policy.js";
import { agreementProgress, listAgreements } from "./queries.js";
import { presentAgreement, presentSummary, signAgreement, visibleAgreement, voidAgreement } from "./service.js";

const tags = ["agreements"];

export function registerAgreementRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/agreements/batches",
    {
      schema: {
        tags,
        summary: "签发年度保密责任书（保密法第八条；实施细则第二条、第六条）/ Issue a year's agreements",
        body: IssueBatchRequestSchema,
        response: { 200: IssueBatchResultSchema, 201: IssueBatchResultSchema },
      },
    },
    async (request, reply) => {
      const result = await issueBatch(request, request.body);
      const { batch } = result;
      return reply.status(result.created ? 201 : 200).send({
        batch: {
          id: batch.id,
          institution: { id: batch.institution.id, name: batch.institution.name },
          year: batch.year,
          templateId: batch.template_id,
          title: batch.title,
          policySha256: batch.policy_version,
          issuedAt: batch.issued_at,
        },
        issued: result.issued.map((i) => ({ ...i, unit: { id: i.unit.id, name: i.unit.name } })),
        alreadyIssued: result.alreadyIssued,
        vacancies: result.vacancies.map((v) => ({ ...v, unit: { id: v.unit.id, name: v.unit.name } })),
        citation: result.citation,
      });
    },
  );

  r.get(
    "/api/agreements",
    {
      schema: {
        tags,
        summary: "保密责任书 / Responsibility agreements",
        querystring: AgreementListQuerySchema,
        response: { 200: AgreementListSchema },
      },
    },
    async (request) => {
      const actor = authOf(request).actor;
      const { rows, nextCursor } = await listAgreements(request, actor, request.query);
      return { items: rows.map((row) => presentSummary(row, actor)), nextCursor };
    },
  );

  r.get(
    "/api/agreements/progress",
    {
      schema: {
        tags,
        summary: "责任书签署进度（按单位）/ Signing progress by unit",
        querystring: ProgressQuerySchema,
        response: { 200: ProgressSchema },
      },
    },
    async (request) => {
      const actor = await requirePermission(request, AGREEMENT_READ);
      return agreementProgress(request, actor, request.query.year, request.query.templateId);
    },
  );

  r.get(
    "/api/agreements/:id",
    {
      schema: {
        tags,
        summary: "保密责任书 / An agreement",
        params: AgreementIdParamsSchema,
        response: { 200: AgreementSchema },
      },
    },
    async (request) => {
      const row = await visibleAgreement(request, request.params.id);
      const { policy } = await activePolicy(app.db.kysely);
      return presentAgreement(row, authOf(request).actor, policy);
    },
  );

  r.post(
    "/api/agreements/:id/sign",
    {
      schema: {
        tags,
        summary: "签署责任书（重新输入密码）/ Sign, re-entering the password",
        params: AgreementIdParamsSchema,
        body: SignRequestSchema,
        response: { 200: AgreementSchema },
      },
    },
    async (request) => {
      await signAgreement(request, request.params.id, request.body.password);
      const row = await visibleAgreement(request, request.params.id);
      const { policy } = await activePolicy(app.db.kysely);
      return presentAgreement(row, authOf(request).actor, policy);
    },
  );

  r.post(
    "/api/agreements/:id/void",
    {
      schema: {
        tags,
        summary: "作废未签署的责任书 / Void an unsigned agreement",
        params: AgreementIdParamsSchema,
        body: VoidRequestSchema,
        response: { 200: AgreementSchema },
      },
    },
    async (request) => {
      await voidAgreement(request, request.params.id, request.body.reason);
      const row = await visibleAgreement(request, request.params.id);
      const { policy } = await activePolicy(app.db.kysely);
      return presentAgreement(row, authOf(request).actor, policy);
    },
  );

  r.get(
    "/api/agreements/:id/document",
    {
      schema: {
        tags,
        summary: "下载责任书 (.docx，GB/T 9704 版式) / The agreement as .docx",
        params: AgreementIdParamsSchema,
      },
    },
    async (request, reply) => {
      const row = await visibleAgreement(request, request.params.id);
      await limitExports(request);
      // The docx library is loaded on the first download, not at every start.
      const file = await (await import("./docx.js")).agreementDocx(row);
      await app.audit.record({
        ...auditContext(request),
        action: "agreement.export",
        object: { type: "agreement", id: row.id },
        result: "success",
        details: { format: "docx", status: row.status, bytes: file.length },
      });
      const name = `${row.unit_name}-${row.year}年度${row.title}.docx`;
      return reply
        .header(
          "content-disposition",
          `attachment; filename="agreement-${row.year}-${row.id}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .send(file);
    },
  );
}
