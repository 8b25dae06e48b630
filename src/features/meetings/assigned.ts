/**
 * Recording a task assigned from above (上级交办任务, 实施细则第九条第（五）项) or by the committee or the leaders to the
 * secrecy office (第十三条第（十）项). The event it answers is raised at once, so its obligation exists from that moment;
 * the task is then followed like any tracked task, and closing it discharges the obligation (records.ts).
 */
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { auditContext } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { SECRECY_OFFICE_CODE } from "../obligations/bearers.js";
import { raiseEvent } from "../obligations/events.js";
import { type AssignTaskRequestSchema } from "./contract.js";
import { badField, refuseMarkedText } from "./guards.js";
import { institutionToRecord } from "./institution-to-record.js";
import { MEETING_MANAGE } from "./policy.js";

const EVENTS = { higher: "assignedTask.received", committee: "officeTask.assigned" } as const;

export async function assignTask(
  request: FastifyRequest,
  body: z.infer<typeof AssignTaskRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const institution = await institutionToRecord(request, MEETING_MANAGE, body.institutionId, {
    type: "trackedTask",
    id: null,
  });
  const owner = body.ownerUnitId
    ? await db.selectFrom("unit").select(["id", "path"]).where("id", "=", body.ownerUnitId).executeTakeFirst()
    : await db
        .selectFrom("unit")
        .select(["id", "path"])
        .where("code", "=", SECRECY_OFFICE_CODE)
        .where("path", "like", `${institution.path}%`)
        .executeTakeFirst();
  if (!owner || !owner.path.startsWith(institution.path))
    throw badField(
      "body.ownerUnitId",
      body.ownerUnitId ? "该单位不存在或不属于本院校" : "本院校未设保密办公室（代码 SECRECY_OFFICE），请指明承办单位",
      "Name the unit that carries it out",
    );
  await refuseMarkedText(request, [body.title, body.assignedBy, body.documentNo], { type: "trackedTask", id: null });
  const event = await raiseEvent(request, {
    event: EVENTS[body.origin],
    unitId: institution.id,
    occurredAt: toInstant(app.clock()),
    summary: `${body.assignedBy}交办：${body.title}`.slice(0, 500),
  });
  const id = uuidv7();
  const at = toInstant(app.clock());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("tracked_task")
      .values({
        id,
        institution_id: institution.id,
        meeting_id: null,
        decision_id: null,
        title: body.title,
        owner_unit_id: owner.id,
        due_on: body.dueOn,
        status: "open",
        report_summary: null,
        reported_by: null,
        reported_at: null,
        closed_by: null,
        closed_at: null,
        assigned_by: body.assignedBy,
        document_no: body.documentNo ?? null,
        event_id: event.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "task.assign",
      object: { type: "trackedTask", id },
      result: "success",
      details: { origin: body.origin, ownerUnitId: owner.id, dueOn: body.dueOn, eventId: event.id },
    });
  });
  return id;
}
