/** The meeting and tracked-task lists as .xlsx: the same filters and visibility as the lists, up to EXPORT_MAX rows. */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { dateIn } from "../../domain/calendar.js";
import { authOf } from "../../platform/access/request-auth.js";
import { workbookOf } from "../../platform/documents/xlsx.js";
import { sendExport } from "../../platform/http/exports.js";
import { activePolicy } from "../policy/active-policy.js";
import { MeetingListQuerySchema, TaskListQuerySchema } from "./contract.js";
import { presentMeetingSummary } from "./presenter.js";
import { listMeetings, listTasks, taskFilter } from "./queries.js";
import { presentTaskSummary } from "./tasks.js";

const EXPORT_MAX = 5000;
const tags = ["meetings"];

export function registerMeetingExports(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/meetings/export",
    { schema: { tags, summary: "导出会议列表 (.xlsx) / Export meetings", querystring: MeetingListQuerySchema } },
    async (request, reply) => {
      const db = app.db.kysely;
      const { policy } = await activePolicy(db);
      const today = dateIn(app.clock());
      const page = await listMeetings(db, authOf(request).actor, { ...request.query, limit: EXPORT_MAX });
      const rows = page.rows.map((row) => presentMeetingSummary(row, policy));
      return sendExport(request, reply, {
        action: "meeting.exportList",
        file: `meetings-${today}.xlsx`,
        rows: rows.length,
        build: () =>
          workbookOf(
            "会议",
            [
              { header: "会议名称", width: 36, value: (m) => m.title },
              { header: "类别", width: 20, value: (m) => m.kindName },
              { header: "依据", width: 20, value: (m) => m.citation },
              { header: "院校", width: 20, value: (m) => m.institution.name },
              { header: "计划时间", width: 22, value: (m) => m.plannedAt },
              { header: "地点", width: 20, value: (m) => m.place },
              { header: "状态", width: 14, value: (m) => m.statusName },
              { header: "纪要文号", width: 18, value: (m) => m.minutesNumber ?? "" },
              { header: "签发时间", width: 22, value: (m) => m.signedAt ?? "" },
            ],
            rows,
            `委员会会议（导出于 ${today}，共 ${rows.length} 项）`,
          ),
      });
    },
  );

  r.get(
    "/api/tasks/export",
    { schema: { tags, summary: "导出督办事项 (.xlsx) / Export tracked tasks", querystring: TaskListQuerySchema } },
    async (request, reply) => {
      const db = app.db.kysely;
      const today = dateIn(app.clock());
      const filter = await taskFilter(db, request.query, today);
      const page = await listTasks(db, authOf(request).actor, { ...filter, limit: EXPORT_MAX });
      const rows = page.rows.map((row) => presentTaskSummary(row, today));
      return sendExport(request, reply, {
        action: "task.export",
        file: `tracked-tasks-${today}.xlsx`,
        rows: rows.length,
        build: () =>
          workbookOf(
            "督办事项",
            [
              { header: "督办事项", width: 44, value: (t) => t.title },
              { header: "责任单位", width: 20, value: (t) => t.ownerUnit.name },
              { header: "完成时限", width: 12, value: (t) => t.dueOn },
              { header: "状态", width: 16, value: (t) => t.statusName },
              { header: "逾期", width: 8, value: (t) => (t.overdue ? "是" : "") },
              { header: "完成比例", width: 10, value: (t) => `${t.percent}%` },
              { header: "来源会议", width: 30, value: (t) => t.meeting?.title ?? "" },
              { header: "纪要文号", width: 18, value: (t) => t.meeting?.minutesNumber ?? "" },
            ],
            rows,
            `督办事项（导出于 ${today}，共 ${rows.length} 项）`,
          ),
      });
    },
  );
}
