/** Personal self-checks (第七条第（二）项): the person's own, the superior's to confirm, the institution's list. */
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { dateIn } from "../../domain/calendar.js";
import { IdParamsSchema } from "../../domain/paging.js";
import { authOf } from "../../platform/access/request-auth.js";
import { workbookOf } from "../../platform/documents/xlsx.js";
import { sendExport } from "../../platform/http/exports.js";
import { activePolicy } from "../policy/active-policy.js";
import { visibleSelfCheck } from "./access.js";
import {
  ConfirmRequestSchema,
  MySelfChecksSchema,
  ReturnRequestSchema,
  SaveAnswersRequestSchema,
  SelfCheckListQuerySchema,
  SelfCheckListSchema,
  SelfCheckSchema,
  StartSelfCheckRequestSchema,
  ToConfirmSchema,
} from "./contract.js";
import { listSelfChecks, owedSlots, ownSelfChecks, selfChecksToConfirm } from "./lists.js";
import { presentOwed, presentSelfCheck, presentSelfCheckSummary } from "./presenter.js";
import { confirmSelfCheck, returnSelfCheck, saveAnswers, startSelfCheck, submitSelfCheck } from "./service.js";

const tags = ["self-checks"];
const EXPORT_MAX = 5000;

export function registerSelfCheckRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (request: FastifyRequest, id: string) => {
    const { row, confirmers } = await visibleSelfCheck(request, id);
    return presentSelfCheck(request, row, confirmers);
  };

  r.get(
    "/api/self-checks/mine",
    {
      schema: {
        tags,
        summary: "我的个人保密自查 / My self-checks and the periods I owe",
        response: { 200: MySelfChecksSchema },
      },
    },
    async (request) => {
      const db = app.db.kysely;
      const personId = authOf(request).actor.personId;
      if (personId === null) return { owed: [], items: [] };
      const { policy } = await activePolicy(db);
      const own = await ownSelfChecks(db, personId);
      const owed = await presentOwed(db, await owedSlots(db, policy, personId), own, app.clock());
      return { owed, items: own.map(presentSelfCheckSummary) };
    },
  );

  r.get(
    "/api/self-checks/to-confirm",
    {
      schema: { tags, summary: "待确认的自查表 / Self-checks I confirm", response: { 200: ToConfirmSchema } },
    },
    async (request) => {
      const { policy } = await activePolicy(app.db.kysely);
      const rows = await selfChecksToConfirm(app.db.kysely, policy, authOf(request).actor);
      return { items: rows.map(presentSelfCheckSummary) };
    },
  );

  r.get(
    "/api/self-checks",
    {
      schema: {
        tags,
        summary: "个人保密自查 / Self-checks",
        querystring: SelfCheckListQuerySchema,
        response: { 200: SelfCheckListSchema },
      },
    },
    async (request) => {
      const page = await listSelfChecks(app.db.kysely, authOf(request).actor, request.query);
      return { items: page.rows.map(presentSelfCheckSummary), nextCursor: page.nextCursor };
    },
  );

  r.get(
    "/api/self-checks/export",
    { schema: { tags, summary: "导出个人保密自查 (.xlsx) / Export", querystring: SelfCheckListQuerySchema } },
    async (request, reply) => {
      const today = dateIn(app.clock());
      const page = await listSelfChecks(app.db.kysely, authOf(request).actor, {
        ...request.query,
        cursor: undefined,
        limit: EXPORT_MAX,
      });
      const rows = page.rows.map(presentSelfCheckSummary);
      return sendExport(request, reply, {
        action: "selfCheck.export",
        file: `self-checks-${today}.xlsx`,
        rows: rows.length,
        build: () =>
          workbookOf(
            "个人保密自查",
            [
              { header: "姓名", width: 12, value: (s) => s.person.name },
              { header: "单位", width: 20, value: (s) => s.unit.name },
              { header: "自查周期", width: 16, value: (s) => s.period },
              { header: "截止日期", width: 12, value: (s) => s.dueOn ?? "" },
              { header: "状态", width: 10, value: (s) => s.statusName },
              { header: "已填条目", width: 10, value: (s) => `${s.answered}/${s.itemCount}` },
              { header: "不符合项", width: 10, value: (s) => s.failed },
              { header: "提交时间", width: 22, value: (s) => s.submittedAt ?? "" },
              { header: "确认时间", width: 22, value: (s) => s.confirmedAt ?? "" },
            ],
            rows,
            `个人保密自查（第七条第（二）项；导出于 ${today}，共 ${rows.length} 份）`,
          ),
      });
    },
  );

  r.post(
    "/api/self-checks",
    {
      schema: {
        tags,
        summary: "开始填写本周期自查表 / Start a self-check",
        body: StartSelfCheckRequestSchema,
        response: { 201: SelfCheckSchema },
      },
    },
    async (request, reply) => {
      const id = await startSelfCheck(request, request.body);
      return reply.status(201).send(await view(request, id));
    },
  );

  r.get(
    "/api/self-checks/:id",
    {
      schema: { tags, summary: "自查表 / A self-check", params: IdParamsSchema, response: { 200: SelfCheckSchema } },
    },
    async (request) => view(request, request.params.id),
  );

  r.put(
    "/api/self-checks/:id/answers",
    {
      schema: {
        tags,
        summary: "保存自查内容（草稿）/ Save answers",
        params: IdParamsSchema,
        body: SaveAnswersRequestSchema,
        response: { 200: SelfCheckSchema },
      },
    },
    async (request) => {
      await saveAnswers(request, request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  r.post(
    "/api/self-checks/:id/submit",
    {
      schema: {
        tags,
        summary: "提交上级确认 / Submit for confirmation",
        params: IdParamsSchema,
        body: z.strictObject({}),
        response: { 200: SelfCheckSchema },
      },
    },
    async (request) => {
      await submitSelfCheck(request, request.params.id);
      return view(request, request.params.id);
    },
  );

  r.post(
    "/api/self-checks/:id/confirm",
    {
      schema: {
        tags,
        summary: "确认自查表 / Confirm",
        params: IdParamsSchema,
        body: ConfirmRequestSchema,
        response: { 200: SelfCheckSchema },
      },
    },
    async (request) => {
      await confirmSelfCheck(request, request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  r.post(
    "/api/self-checks/:id/return",
    {
      schema: {
        tags,
        summary: "退回自查表 / Return",
        params: IdParamsSchema,
        body: ReturnRequestSchema,
        response: { 200: SelfCheckSchema },
      },
    },
    async (request) => {
      await returnSelfCheck(request, request.params.id, request.body.reason);
      return view(request, request.params.id);
    },
  );
}
