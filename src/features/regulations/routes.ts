/** The regulations library (规章制度库, 实施细则第十三条第（四）项、第六条第（一）项) and higher regulations issued. */
import { recordHigherRegulation } from "./higher.js";
import { ensureSeeds } from "./seed.js";
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { dateIn } from "../../domain/calendar.js";
import { IdParamsSchema } from "../../domain/paging.js";
import { authOf } from "../../platform/access/request-auth.js";
import { workbookOf } from "../../platform/documents/xlsx.js";
import { sendExport } from "../../platform/http/exports.js";
import { reachableInstitutions } from "../meetings/queries.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  AdoptRegulationRequestSchema,
  CreateRegulationRequestSchema,
  HigherRegulationListQuerySchema,
  HigherRegulationListSchema,
  HigherRegulationSummarySchema,
  RecordHigherRegulationRequestSchema,
  RegulationListQuerySchema,
  RegulationListSchema,
  RegulationSchema,
  RepealRegulationRequestSchema,
  ReviseRegulationRequestSchema,
  UpdateRegulationRequestSchema,
  VersionParamsSchema,
} from "./contract.js";
import {
  listHigherRegulations,
  listRegulations,
  presentRegulation,
  presentRegulationSummaries,
  type RegulationFilter,
} from "./presenter.js";
import {
  adoptRegulation,
  createRegulation,
  readVersionFile,
  REGULATION_READ,
  repealRegulation,
  reviseRegulation,
  updateRegulation,
  visibleRegulation,
} from "./service.js";

const tags = ["regulations"];
const EXPORT_MAX = 5000;

export function registerRegulationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The page of regulations the actor reads; each institution's seed entry is created on its first read. */
  const page = async (request: Parameters<typeof authOf>[0], filter: RegulationFilter) => {
    const db = app.db.kysely;
    const actor = authOf(request).actor;
    const institutions = await reachableInstitutions(db, actor, REGULATION_READ);
    await ensureSeeds(request, institutions);
    const { policy } = await activePolicy(db);
    const found = await listRegulations(db, actor, institutions, filter);
    return { items: await presentRegulationSummaries(db, policy, found.rows), nextCursor: found.nextCursor };
  };

  r.get(
    "/api/regulations",
    {
      schema: {
        tags,
        summary: "规章制度库 / The regulations library",
        querystring: RegulationListQuerySchema,
        response: { 200: RegulationListSchema },
      },
    },
    async (request) => page(request, request.query),
  );

  r.get(
    "/api/regulations/export",
    {
      schema: {
        tags,
        summary: "导出规章制度目录 (.xlsx) / Export the library",
        querystring: RegulationListQuerySchema,
      },
    },
    async (request, reply) => {
      const today = dateIn(app.clock());
      const { items } = await page(request, { ...request.query, limit: EXPORT_MAX });
      return sendExport(request, reply, {
        action: "regulation.export",
        file: `regulations-${today}.xlsx`,
        rows: items.length,
        build: () =>
          workbookOf(
            "规章制度",
            [
              { header: "制度名称", width: 44, value: (x) => x.title },
              { header: "发文字号", width: 22, value: (x) => x.documentNo ?? "" },
              { header: "制定单位", width: 22, value: (x) => x.unit.name },
              { header: "类别", width: 18, value: (x) => x.categoryName },
              { header: "状态", width: 12, value: (x) => x.statusName },
              { header: "现行版本", width: 10, value: (x) => (x.versionNo === null ? "" : `第 ${x.versionNo} 版`) },
              { header: "施行日期", width: 12, value: (x) => x.effectiveOn ?? "" },
              { header: "废止日期", width: 12, value: (x) => x.repealedOn ?? "" },
              { header: "依据", width: 20, value: (x) => x.citation },
            ],
            items,
            `保密规章制度目录（导出于 ${today}，共 ${items.length} 项）`,
          ),
      });
    },
  );

  r.post(
    "/api/regulations",
    {
      schema: {
        tags,
        summary: "起草规章制度 / Draft a regulation",
        body: CreateRegulationRequestSchema,
        response: { 201: RegulationSchema },
      },
    },
    async (request, reply) => {
      const id = await createRegulation(request, request.body);
      return reply.status(201).send(await presentRegulation(request, await visibleRegulation(request, id)));
    },
  );

  r.get(
    "/api/regulations/:id",
    {
      schema: {
        tags,
        summary: "规章制度详情 / A regulation",
        params: IdParamsSchema,
        response: { 200: RegulationSchema },
      },
    },
    async (request) => presentRegulation(request, await visibleRegulation(request, request.params.id)),
  );

  r.put(
    "/api/regulations/:id",
    {
      schema: {
        tags,
        summary: "修改草稿 / Edit the draft",
        params: IdParamsSchema,
        body: UpdateRegulationRequestSchema,
        response: { 200: RegulationSchema },
      },
    },
    async (request) => {
      await updateRegulation(request, request.params.id, request.body);
      return presentRegulation(request, await visibleRegulation(request, request.params.id));
    },
  );

  r.post(
    "/api/regulations/:id/adopt",
    {
      schema: {
        tags,
        summary: "制定施行 / Adopt",
        params: IdParamsSchema,
        body: AdoptRegulationRequestSchema,
        response: { 200: RegulationSchema },
      },
    },
    async (request) => {
      await adoptRegulation(request, request.params.id, request.body);
      return presentRegulation(request, await visibleRegulation(request, request.params.id));
    },
  );

  r.post(
    "/api/regulations/:id/revise",
    {
      schema: {
        tags,
        summary: "修订 / Revise",
        params: IdParamsSchema,
        body: ReviseRegulationRequestSchema,
        response: { 200: RegulationSchema },
      },
    },
    async (request) => {
      await reviseRegulation(request, request.params.id, request.body);
      return presentRegulation(request, await visibleRegulation(request, request.params.id));
    },
  );

  r.post(
    "/api/regulations/:id/repeal",
    {
      schema: {
        tags,
        summary: "废止 / Repeal",
        params: IdParamsSchema,
        body: RepealRegulationRequestSchema,
        response: { 200: RegulationSchema },
      },
    },
    async (request) => {
      await repealRegulation(request, request.params.id, request.body);
      return presentRegulation(request, await visibleRegulation(request, request.params.id));
    },
  );

  r.get(
    "/api/regulations/:id/versions/:childId/file",
    { schema: { tags, summary: "下载制度文件 / A version's file", params: VersionParamsSchema } },
    async (request, reply) => {
      const file = await readVersionFile(request, request.params.id, request.params.childId);
      return reply
        .header(
          "content-disposition",
          `attachment; filename="regulation-${request.params.childId}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .type(file.type)
        .send(file.content);
    },
  );

  r.get(
    "/api/higher-regulations",
    {
      schema: {
        tags,
        summary: "上级法规文件登记 / Higher regulations issued",
        querystring: HigherRegulationListQuerySchema,
        response: { 200: HigherRegulationListSchema },
      },
    },
    async (request) => listHigherRegulations(request, request.query),
  );

  r.post(
    "/api/higher-regulations",
    {
      schema: {
        tags,
        summary: "登记上级法规（第十三条第（四）项）/ Record a higher regulation issued",
        body: RecordHigherRegulationRequestSchema,
        response: { 201: HigherRegulationSummarySchema },
      },
    },
    async (request, reply) => {
      const id = await recordHigherRegulation(request, request.body);
      const { items } = await listHigherRegulations(request, { id, limit: 1 });
      return reply.status(201).send(items[0]!);
    },
  );
}
