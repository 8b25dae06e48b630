/** Obligations: the list and its export, one obligation and its discharge, the dashboard, materializing a year. */
import { limitExports } from "../../platform/http/exports.js";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { authorize } from "../../domain/access.js";
import { AppError } from "../../domain/errors.js";
import { IdParamsSchema } from "../../domain/paging.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { requirePermission } from "../../platform/access/require.js";
import { workbookOf, XLSX_TYPE } from "../../platform/documents/xlsx.js";
import { activePolicy } from "../policy/active-policy.js";
import { institutions } from "./bearers.js";
import {
  DashboardQuerySchema,
  DashboardSchema,
  DecideEvidenceRequestSchema,
  EvidenceParamsSchema,
  MaterializeRequestSchema,
  MaterializeResultSchema,
  ObligationFiltersSchema,
  ObligationListQuerySchema,
  ObligationListSchema,
  ObligationSchema,
  SubmitEvidenceRequestSchema,
  WaiveRequestSchema,
} from "./contract.js";
import { dashboard } from "./dashboard.js";
import { cachedDashboard } from "./dashboard-cache.js";
import { presentObligation } from "./detail.js";
import { refreshYear } from "./engine.js";
import { presentSummary } from "./presenter.js";
import { allObligations, listObligations, resolveFilters } from "./queries.js";
import { decideEvidence, OBLIGATION_MANAGE, submitEvidence, visibleObligation, waiveObligation } from "./service.js";
import { readObligationSettings } from "./settings.js";

const tags = ["obligations"];
const EXPORT_MAX = 50_000;
/** Evidence carries a file of up to 5 MB as base64. */
const EVIDENCE_BODY_LIMIT = 8 * 1024 * 1024;

async function context(request: FastifyRequest) {
  const db = request.server.db.kysely;
  const [{ policy, sha256 }, settings] = await Promise.all([activePolicy(db), readObligationSettings(db)]);
  return { db, policy, sha256, settings, actor: authOf(request).actor };
}

async function detail(request: FastifyRequest, id: string) {
  const row = await visibleObligation(request, id);
  const { db, policy, settings, actor } = await context(request);
  return presentObligation(db, policy, actor, row, request.locale, settings.timings, request.server.clock());
}

export function registerObligationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/obligations",
    {
      schema: {
        tags,
        summary: "履职事项 / Obligations",
        querystring: ObligationListQuerySchema,
        response: { 200: ObligationListSchema },
      },
    },
    async (request) => {
      const { db, policy, settings, actor } = await context(request);
      const { cursor, limit, ...filters } = request.query;
      const resolved = await resolveFilters(db, policy, actor, filters, app.clock());
      const page = await listObligations(db, actor, resolved, { cursor, limit }, actor.today, settings.timings);
      return {
        items: page.rows.map((row) =>
          presentSummary(policy, row, request.locale, actor.today, settings.timings, resolved.now),
        ),
        nextCursor: page.nextCursor,
      };
    },
  );

  r.get(
    "/api/obligations/export",
    { schema: { tags, summary: "导出履职事项 (.xlsx) / Export obligations", querystring: ObligationFiltersSchema } },
    async (request, reply) => {
      const { db, policy, settings, actor } = await context(request);
      await limitExports(request);
      const resolved = await resolveFilters(db, policy, actor, request.query, app.clock());
      const rows = (await allObligations(db, actor, resolved, actor.today, settings.timings, EXPORT_MAX)).map((row) =>
        presentSummary(policy, row, "zh-CN", actor.today, settings.timings, resolved.now),
      );
      const file = await workbookOf(
        "履职事项",
        [
          { header: "条款", width: 22, value: (o) => o.citation },
          { header: "职责", width: 40, value: (o) => o.duty },
          { header: "责任主体", width: 18, value: (o) => o.bearerRoleName },
          { header: "承担者", width: 18, value: (o) => o.bearer },
          { header: "所在单位", width: 20, value: (o) => o.unit.name },
          { header: "期间", width: 24, value: (o) => o.period },
          { header: "截止日期", width: 12, value: (o) => o.dueOn ?? "" },
          { header: "状态", width: 10, value: (o) => o.statusName },
          { header: "办结时间", width: 22, value: (o) => o.closedAt ?? "" },
        ],
        rows,
        `履职事项（导出于 ${actor.today}，共 ${rows.length} 项）`,
      );
      await app.audit.record({
        ...auditContext(request),
        action: "obligation.export",
        object: null,
        result: "success",
        details: { filters: request.query, rows: rows.length },
      });
      return reply
        .header("content-disposition", `attachment; filename="obligations-${actor.today}.xlsx"`)
        .type(XLSX_TYPE)
        .send(file);
    },
  );

  r.get(
    "/api/obligations/dashboard",
    {
      schema: {
        tags,
        summary: "责任落实总览 / Responsibility dashboard",
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema },
      },
    },
    async (request) => {
      const { db, policy, settings, actor } = await context(request);
      const year = request.query.year ?? Number(actor.today.slice(0, 4));
      const resolved = await resolveFilters(db, policy, actor, { unitId: request.query.unitId }, app.clock());
      return cachedDashboard(
        actor,
        { year, unitId: resolved.unitId, locale: request.locale, settings },
        Date.now(),
        () => dashboard(db, policy, actor, { ...resolved, year }, request.locale, settings.timings),
      );
    },
  );

  r.post(
    "/api/obligations/materialize",
    {
      schema: {
        tags,
        summary: "生成年度履职事项 / Materialize a year's obligations",
        body: MaterializeRequestSchema,
        response: { 200: MaterializeResultSchema },
      },
    },
    async (request) => {
      await requirePermission(request, OBLIGATION_MANAGE);
      const { db, policy, sha256, settings, actor } = await context(request);
      const totals = { year: request.body.year, created: 0, removed: 0, kept: 0, fulfilledByRecords: 0 };
      for (const institution of await institutions(db)) {
        // Only institutions the actor manages: a secrecy office regenerates its own, not its neighbours'.
        if (!authorize(actor, OBLIGATION_MANAGE, { unitPath: institution.path })) continue;
        const result = await refreshYear(db, {
          policy,
          policyVersion: sha256,
          institution,
          year: request.body.year,
          today: actor.today,
          now: app.clock(),
          settings,
        });
        totals.created += result.created;
        totals.removed += result.removed;
        totals.kept += result.kept;
        totals.fulfilledByRecords += result.fulfilledByRecords;
      }
      await app.audit.record({
        ...auditContext(request),
        action: "obligation.materialize",
        object: null,
        result: "success",
        details: totals,
      });
      return totals;
    },
  );

  r.get(
    "/api/obligations/:id",
    {
      schema: {
        tags,
        summary: "履职事项详情 / One obligation",
        params: IdParamsSchema,
        response: { 200: ObligationSchema },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  r.post(
    "/api/obligations/:id/evidence",
    {
      bodyLimit: EVIDENCE_BODY_LIMIT,
      schema: {
        tags,
        summary: "提交落实材料 / Submit evidence",
        params: IdParamsSchema,
        body: SubmitEvidenceRequestSchema,
        response: { 200: ObligationSchema },
      },
    },
    async (request) => {
      await submitEvidence(request, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  r.get(
    "/api/obligations/:id/evidence/:evidenceId/file",
    { schema: { tags, summary: "下载落实材料附件 / Download an evidence file", params: EvidenceParamsSchema } },
    async (request, reply) => {
      await visibleObligation(request, request.params.id);
      const file = await app.db.kysely
        .selectFrom("obligation_evidence as e")
        .innerJoin("evidence_file as f", "f.evidence_id", "e.id")
        .select(["e.file_name", "e.file_type", "f.content"])
        .where("e.id", "=", request.params.evidenceId)
        .where("e.obligation_id", "=", request.params.id)
        .executeTakeFirst();
      if (!file) throw new AppError("NOT_FOUND", { zh: "附件不存在", en: "No such file" });
      return reply
        .header(
          "content-disposition",
          `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(file.file_name ?? "evidence")}`,
        )
        .type(file.file_type ?? "application/octet-stream")
        .send(Buffer.from(file.content));
    },
  );

  r.post(
    "/api/obligations/:id/evidence/:evidenceId/decision",
    {
      schema: {
        tags,
        summary: "审核落实材料 / Decide on evidence",
        params: EvidenceParamsSchema,
        body: DecideEvidenceRequestSchema,
        response: { 200: ObligationSchema },
      },
    },
    async (request) => {
      await decideEvidence(request, request.params.id, request.params.evidenceId, request.body);
      return detail(request, request.params.id);
    },
  );

  r.post(
    "/api/obligations/:id/waiver",
    {
      schema: {
        tags,
        summary: "豁免履职事项 / Waive an obligation",
        params: IdParamsSchema,
        body: WaiveRequestSchema,
        response: { 200: ObligationSchema },
      },
    },
    async (request) => {
      await waiveObligation(request, request.params.id, request.body.reason);
      return detail(request, request.params.id);
    },
  );
}
