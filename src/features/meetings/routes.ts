/** Committee meetings and tracked tasks (实施细则第十二条第（一）项、第九条第（三）项、第十条第（二）项). */
import { limitExports } from "../../platform/http/exports.js";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { type z } from "zod";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { IdParamsSchema } from "../../domain/paging.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { activePolicy } from "../policy/active-policy.js";
import { committeeRoster } from "../responsibility/committee.js";
import { assignTask } from "./assigned.js";
import {
  AddendumRequestSchema,
  AssignTaskRequestSchema,
  AgendaCallRequestSchema,
  AttendanceRequestSchema,
  CancelRequestSchema,
  CommitteeCandidatesSchema,
  CreateMeetingRequestSchema,
  MeetingChildParamsSchema,
  MeetingListQuerySchema,
  MeetingListSchema,
  MeetingParamsSchema,
  MeetingSchema,
  MinutesRequestSchema,
  ProposeRequestSchema,
  SetAgendaRequestSchema,
  SignRequestSchema,
  TaskDecisionRequestSchema,
  TaskListQuerySchema,
  TaskListSchema,
  TaskProgressRequestSchema,
  TaskReportRequestSchema,
  TaskSchema,
  UploadSchema,
} from "./contract.js";
import { meetingObject, visibleMeeting } from "./guards.js";
import { attachMaterial, MAX_MATERIAL_BYTES, readMaterial } from "./materials.js";
import { presentMeeting, presentMeetingSummary } from "./presenter.js";
import { listMeetings, listTasks, meetingDay, taskFilter } from "./queries.js";
import { registerMeetingExports } from "./exports.js";
import {
  cancelMeeting,
  createMeeting,
  draftMinutes,
  openAgendaCall,
  proposeItem,
  recordAttendance,
  setAgenda,
} from "./service.js";
import { draftAddendum, signAddendum, signMinutes } from "./sign-off.js";
import { actOnTask, presentTask, presentTaskSummary, visibleTask } from "./tasks.js";

const tags = ["meetings"];
const SEAT_NAMES: Record<string, string> = { director: "主任", deputyDirector: "副主任", member: "委员" };

async function meetingView(request: FastifyRequest, id: string) {
  const db = request.server.db.kysely;
  const row = await visibleMeeting(request, id);
  const { policy } = await activePolicy(db);
  return presentMeeting(db, policy, row, authOf(request).actor, request.server.clock());
}

export function registerMeetingRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerMeetingExports(app);

  r.get(
    "/api/meetings",
    {
      schema: {
        tags,
        summary: "会议列表（第十二条第（一）项）/ Meetings",
        querystring: MeetingListQuerySchema,
        response: { 200: MeetingListSchema },
      },
    },
    async (request) => {
      const db = app.db.kysely;
      const { policy } = await activePolicy(db);
      const page = await listMeetings(db, authOf(request).actor, request.query);
      return { items: page.rows.map((row) => presentMeetingSummary(row, policy)), nextCursor: page.nextCursor };
    },
  );

  r.post(
    "/api/meetings",
    {
      schema: {
        tags,
        summary: "筹备会议（例会、临时会议、全院保密工作会议）/ Prepare a meeting",
        body: CreateMeetingRequestSchema,
        response: { 201: MeetingSchema },
      },
    },
    async (request, reply) => {
      const id = await createMeeting(request, request.body);
      return reply.status(201).send(await meetingView(request, id));
    },
  );

  r.get(
    "/api/meetings/:id",
    {
      schema: { tags, summary: "会议详情 / A meeting", params: MeetingParamsSchema, response: { 200: MeetingSchema } },
    },
    async (request) => meetingView(request, request.params.id),
  );

  r.get(
    "/api/meetings/:id/committee",
    {
      schema: {
        tags,
        summary: "会议当日的委员会组成（登记出席用）/ The committee on the meeting day",
        params: MeetingParamsSchema,
        response: { 200: CommitteeCandidatesSchema },
      },
    },
    async (request) => {
      const row = await visibleMeeting(request, request.params.id);
      const { policy } = await activePolicy(app.db.kysely);
      const roster = await committeeRoster(app.db.kysely, policy, row.institution_id, meetingDay(row));
      const seen = new Set<string>();
      const seats = roster.seats.flatMap((seat) =>
        seat.holders
          .filter((holder) => !seen.has(holder.personId) && seen.add(holder.personId))
          .map((holder) => ({
            person: { id: holder.personId, name: holder.personName },
            seat: seat.seat,
            seatName: SEAT_NAMES[seat.seat] ?? seat.seat,
          })),
      );
      return { seats };
    },
  );

  /**
   * A workflow step: the meeting id in the path, a body, the meeting as it now stands in the answer. Registered one by
   * one so each runner is checked against its own body schema.
   */
  const step = <S extends z.ZodType>(
    method: "POST" | "PUT",
    url: string,
    summary: string,
    body: S,
    run: (request: FastifyRequest, id: string, body: z.infer<S>) => Promise<void>,
    status = 200,
  ) =>
    r.route({
      method,
      url,
      schema: { tags, summary, params: MeetingParamsSchema, body, response: { [status]: MeetingSchema } },
      handler: async (request, reply) => {
        const { id } = request.params;
        await run(request, id, request.body as z.infer<S>);
        return reply.status(status).send(await meetingView(request, id));
      },
    });
  step(
    "POST",
    "/api/meetings/:id/agenda-call",
    "发起议题征集 / Open the agenda call",
    AgendaCallRequestSchema,
    openAgendaCall,
  );
  step(
    "POST",
    "/api/meetings/:id/proposals",
    "提交议题 / Propose an agenda item",
    ProposeRequestSchema,
    proposeItem,
    201,
  );
  step("PUT", "/api/meetings/:id/agenda", "确定议程 / Set the agenda", SetAgendaRequestSchema, setAgenda);
  step(
    "PUT",
    "/api/meetings/:id/attendance",
    "登记出席情况 / Record attendance",
    AttendanceRequestSchema,
    recordAttendance,
  );
  step("PUT", "/api/meetings/:id/minutes", "起草会议纪要 / Draft the minutes", MinutesRequestSchema, draftMinutes);
  step(
    "POST",
    "/api/meetings/:id/sign",
    "审定签发纪要（第十条第（二）项）/ Sign off the minutes",
    SignRequestSchema,
    (q, id, b) => signMinutes(q, id, b.password),
  );
  step(
    "POST",
    "/api/meetings/:id/addenda",
    "起草补充纪要 / Draft an addendum",
    AddendumRequestSchema,
    (q, id, b) => draftAddendum(q, id, b.text),
    201,
  );
  step("POST", "/api/meetings/:id/cancel", "取消会议 / Cancel the meeting", CancelRequestSchema, (q, id, b) =>
    cancelMeeting(q, id, b.reason),
  );

  r.post(
    "/api/meetings/:id/materials",
    {
      // Base64 makes 10 MB about 13.4 MB of JSON.
      bodyLimit: Math.ceil((MAX_MATERIAL_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary: "上传会议材料 / Attach materials",
        params: MeetingParamsSchema,
        body: UploadSchema,
        response: { 201: MeetingSchema },
      },
    },
    async (request, reply) => {
      await attachMaterial(request, request.params.id, request.body);
      return reply.status(201).send(await meetingView(request, request.params.id));
    },
  );

  r.get(
    "/api/meetings/:id/materials/:childId",
    { schema: { tags, summary: "下载会议材料 / Download a material", params: MeetingChildParamsSchema } },
    async (request, reply) => {
      const file = await readMaterial(request, request.params.id, request.params.childId);
      return reply
        .header(
          "content-disposition",
          `attachment; filename="material"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .type(file.type)
        .send(file.content);
    },
  );

  r.post(
    "/api/meetings/:id/addenda/:childId/sign",
    {
      schema: {
        tags,
        summary: "签发补充纪要 / Sign an addendum",
        params: MeetingChildParamsSchema,
        body: SignRequestSchema,
        response: { 200: MeetingSchema },
      },
    },
    async (request) => {
      await signAddendum(request, request.params.id, request.params.childId, request.body.password);
      return meetingView(request, request.params.id);
    },
  );

  r.get(
    "/api/meetings/:id/minutes.docx",
    {
      schema: {
        tags,
        summary: "下载会议纪要 (.docx，GB/T 9704 纪要格式) / The minutes as .docx",
        params: MeetingParamsSchema,
      },
    },
    async (request, reply) => {
      const meeting = await meetingView(request, request.params.id);
      if (!meeting.minutes)
        throw new AppError(
          "CONFLICT",
          { zh: "会议纪要尚未起草", en: "The minutes are not drafted yet" },
          { state: meeting.status },
        );
      await limitExports(request);
      // The docx library is loaded on the first download, not at every start.
      const [{ minutesDocx }, { minutesDocument }] = await Promise.all([
        import("./minutes-docx.js"),
        import("./minutes-data.js"),
      ]);
      const file = await minutesDocx(minutesDocument(meeting));
      await app.audit.record({
        ...auditContext(request),
        action: "meeting.export",
        object: meetingObject(meeting.id),
        result: "success",
        details: { format: "docx", status: meeting.status, bytes: file.length },
      });
      const name = `${meeting.minutesNumber ?? "草稿"}-${meeting.title}.docx`;
      return reply
        .header(
          "content-disposition",
          `attachment; filename="minutes-${meeting.id}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .send(file);
    },
  );

  r.get(
    "/api/tasks",
    {
      schema: {
        tags,
        summary: "督办事项 / Tracked tasks",
        querystring: TaskListQuerySchema,
        response: { 200: TaskListSchema },
      },
    },
    async (request) => {
      const db = app.db.kysely;
      const today = dateIn(app.clock());
      const page = await listTasks(db, authOf(request).actor, await taskFilter(db, request.query, today));
      return { items: page.rows.map((row) => presentTaskSummary(row, today)), nextCursor: page.nextCursor };
    },
  );

  r.post(
    "/api/tasks",
    {
      schema: {
        tags,
        summary: "登记交办任务（第九条第（五）项、第十三条第（十）项）/ Record an assigned task",
        body: AssignTaskRequestSchema,
        response: { 201: TaskSchema },
      },
    },
    async (request, reply) => {
      const id = await assignTask(request, request.body);
      return reply.status(201).send(await presentTask(request, await visibleTask(request, id)));
    },
  );

  r.get(
    "/api/tasks/:id",
    {
      schema: { tags, summary: "督办事项详情 / A tracked task", params: IdParamsSchema, response: { 200: TaskSchema } },
    },
    async (request) => presentTask(request, await visibleTask(request, request.params.id)),
  );

  r.post(
    "/api/tasks/:id/progress",
    {
      schema: {
        tags,
        summary: "登记进展 / Record progress",
        params: IdParamsSchema,
        body: TaskProgressRequestSchema,
        response: { 200: TaskSchema },
      },
    },
    async (request) => {
      await actOnTask(request, request.params.id, "progress", request.body.note, request.body.percent);
      return presentTask(request, await visibleTask(request, request.params.id));
    },
  );

  r.post(
    "/api/tasks/:id/report",
    {
      schema: {
        tags,
        summary: "报告办结 / Report it done",
        params: IdParamsSchema,
        body: TaskReportRequestSchema,
        response: { 200: TaskSchema },
      },
    },
    async (request) => {
      await actOnTask(request, request.params.id, "report", request.body.summary);
      return presentTask(request, await visibleTask(request, request.params.id));
    },
  );

  for (const action of ["close", "reopen"] as const)
    r.post(
      `/api/tasks/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === "close" ? "核销办结 / Close the task" : "退回重办 / Send it back",
          params: IdParamsSchema,
          body: TaskDecisionRequestSchema,
          response: { 200: TaskSchema },
        },
      },
      async (request) => {
        await actOnTask(request, request.params.id, action, request.body.note);
        return presentTask(request, await visibleTask(request, request.params.id));
      },
    );
}
