/**
 * Tracked tasks (督办, 第十条第（二）项 主任督促落实; 第十二条第（二）项 督查制度): each decision of signed minutes, owned by a
 * unit, due on a date. The owner unit's head or liaison records progress and reports it done; the secrecy office
 * checks the report and closes the task or sends it back. Nobody closes a task they reported themselves.
 */
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { type Actor } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { nextTaskStatus, type TaskAction, taskAllows, TASK_STATUS_NAMES } from "../../domain/meeting.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { fromInstant, toInstant } from "../../platform/db/instants.js";
import { type TaskView } from "./contract.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { dischargeByRecords } from "../obligations/records.js";
import { activePolicy } from "../policy/active-policy.js";
import { refuseMarkedText } from "./guards.js";
import {
  canManageMeeting,
  canReadMeeting,
  canUpdateTask,
  MEETING_MANAGE,
  MEETING_READ,
  TASK_UPDATE,
} from "./policy.js";
import { numberOf } from "./presenter.js";
import { taskColumns, type TaskRow } from "./queries.js";

const taskObject = (id: string) => ({ type: "trackedTask", id });

export async function visibleTask(request: FastifyRequest, id: string): Promise<TaskRow> {
  const row = await taskColumns(request.server.db.kysely).where("tracked_task.id", "=", id).executeTakeFirst();
  if (!row || !canReadMeeting(authOf(request).actor, row.institution_path))
    return notVisible(request, MEETING_READ, taskObject(id));
  return row;
}

export function presentTaskSummary(row: TaskRow, today: string) {
  return {
    id: row.id,
    title: row.title,
    assignedBy: row.assigned_by ?? null,
    documentNo: row.document_no ?? null,
    ownerUnit: { id: row.owner_unit_id, name: row.owner_name },
    dueOn: row.due_on,
    status: row.status,
    statusName: TASK_STATUS_NAMES[row.status].zh,
    overdue: row.status !== "closed" && row.due_on < today,
    percent: Number(row.percent),
    meeting:
      row.meeting_id && row.meeting_title
        ? {
            id: row.meeting_id,
            title: row.meeting_title,
            minutesNumber:
              row.meeting_year === null
                ? null
                : numberOf({ year: row.meeting_year, minutes_sequence: row.meeting_sequence }),
          }
        : null,
  };
}

function abilitiesOn(actor: Actor, row: TaskRow, accountId: string) {
  const owner = canUpdateTask(actor, row.owner_path);
  const office = canManageMeeting(actor, row.institution_path);
  return {
    progress: owner && taskAllows(row.status, "progress"),
    report: owner && taskAllows(row.status, "report"),
    // Four eyes: the office checks a report, but not one it filed itself.
    close: office && taskAllows(row.status, "close") && row.reported_by !== accountId,
    reopen: office && taskAllows(row.status, "reopen"),
  };
}

export async function presentTask(request: FastifyRequest, row: TaskRow): Promise<TaskView> {
  const auth = authOf(request);
  const history = await request.server.db.kysely
    .selectFrom("tracked_task_progress")
    .leftJoin("account", "account.id", "tracked_task_progress.by_account")
    .select([
      "tracked_task_progress.kind",
      "tracked_task_progress.note",
      "tracked_task_progress.percent",
      "tracked_task_progress.at",
      "account.display_name",
    ])
    .where("task_id", "=", row.id)
    .orderBy("tracked_task_progress.at")
    .orderBy("tracked_task_progress.id")
    .execute();
  return {
    ...presentTaskSummary(row, dateIn(request.server.clock())),
    reportSummary: row.report_summary,
    reportedAt: row.reported_at,
    closedAt: row.closed_at,
    history: history.map((h) => ({
      kind: h.kind,
      note: h.note,
      percent: h.percent === null ? null : Number(h.percent),
      by: h.display_name,
      at: h.at,
    })),
    abilities: abilitiesOn(auth.actor, row, auth.account.id),
  };
}

/** Progress, a report of completion, a close or a send-back: one entry in the task's history each. */
export async function actOnTask(
  request: FastifyRequest,
  id: string,
  action: TaskAction,
  note: string,
  percent?: number,
): Promise<void> {
  const app = request.server;
  const auth = authOf(request);
  const row = await visibleTask(request, id);
  const abilities = abilitiesOn(auth.actor, row, auth.account.id);
  if (!abilities[action]) {
    nextTaskStatus(row.status, action);
    if (action === "close" && row.reported_by === auth.account.id && canManageMeeting(auth.actor, row.institution_path))
      await deny(
        request,
        new AppError("FORBIDDEN", {
          zh: "办结报告须由报告人以外的保密办公室人员核销",
          en: "Someone other than the reporter must close the task",
        }),
        { action: MEETING_MANAGE, object: taskObject(id) },
      );
    await deny(request, FORBIDDEN, {
      action: action === "close" || action === "reopen" ? MEETING_MANAGE : TASK_UPDATE,
      object: taskObject(id),
    });
  }
  const status = nextTaskStatus(row.status, action);
  await refuseMarkedText(request, [note], taskObject(id));
  const at = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("tracked_task")
      .set({
        status,
        updated_at: at,
        ...(action === "progress" && percent !== undefined ? { percent } : {}),
        ...(action === "report"
          ? { report_summary: note, reported_by: auth.account.id, reported_at: at, percent: 100 }
          : {}),
        ...(action === "close" ? { closed_by: auth.account.id, closed_at: at } : {}),
        ...(action === "reopen" ? { reported_by: null, reported_at: null } : {}),
      })
      .where("id", "=", id)
      .where("status", "=", row.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const now = await trx.selectFrom("tracked_task").select("status").where("id", "=", id).executeTakeFirstOrThrow();
      nextTaskStatus(now.status, action);
      throw new AppError("CONFLICT", { zh: "督办事项已变化，请刷新后重试", en: "The task changed; reload" });
    }
    await trx
      .insertInto("tracked_task_progress")
      .values({
        id: uuidv7(),
        task_id: id,
        kind: action,
        note,
        percent: percent ?? null,
        by_account: auth.account.id,
        at,
      })
      .execute();
    // A task assigned from above discharges the obligation its event raised once the office closes it.
    const fulfilled =
      action === "close" && row.event_id
        ? await dischargeByRecords(
            trx,
            (await activePolicy(trx)).policy,
            row.institution_id,
            Number(dateIn(fromInstant(row.created_at)).slice(0, 4)),
            app.clock(),
          )
        : 0;
    await app.audit.append(trx, {
      ...auditContext(request),
      action: `task.${action}`,
      object: taskObject(id),
      result: "success",
      details: {
        from: row.status,
        to: status,
        ...(percent === undefined ? {} : { percent }),
        ...(fulfilled ? { obligationsFulfilled: fulfilled } : {}),
      },
    });
  });
  if (action === "close" && row.event_id) touchObligations();
}
