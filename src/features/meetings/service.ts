/**
 * The meeting workflow up to the minutes (实施细则第十二条第（一）项: 议题征集 → 议程 → 材料 → 出席 → 纪要): each step one
 * transaction with its audit entry, refused with a 409 naming the status when the meeting is elsewhere.
 */
import { type FastifyRequest } from "fastify";
import { type Transaction, type Updateable } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { type MeetingAction, nextMeetingStatus } from "../../domain/meeting.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN } from "../../platform/access/require.js";
import { fromInstant, toInstant } from "../../platform/db/instants.js";
import { type Database, type MeetingTable } from "../../platform/db/schema.js";
import { raiseEvent } from "../obligations/events.js";
import {
  type AgendaCallRequestSchema,
  type AttendanceRequestSchema,
  type CreateMeetingRequestSchema,
  type MinutesRequestSchema,
  type ProposeRequestSchema,
  type SetAgendaRequestSchema,
} from "./contract.js";
import { badField, managedMeeting, meetingObject, refuseAsNow, refuseMarkedText, visibleMeeting } from "./guards.js";
import { canProposeFor, coversInstitution, MEETING_MANAGE, MEETING_PROPOSE } from "./policy.js";
import { type MeetingRow } from "./queries.js";

type Body<T extends z.ZodType> = z.infer<T>;
type Trx = Transaction<Database>;

/** The events that raise the obligation an extraordinary meeting or the conference discharges. */
const KIND_EVENTS = { extraordinary: "extraordinaryMeeting.called", conference: "conference.called" } as const;

/**
 * Moves the meeting from the status it was read in to the one the action leads to, in `trx`, with `set`; a 409 naming
 * the status when another request moved it first (the update is conditional on the status read).
 */
async function advance(
  trx: Trx,
  row: MeetingRow,
  action: MeetingAction,
  set: Updateable<MeetingTable>,
  at: string,
): Promise<void> {
  const status = nextMeetingStatus(row.status, action);
  const result = await trx
    .updateTable("meeting")
    .set({ ...set, status, updated_at: at })
    .where("id", "=", row.id)
    .where("status", "=", row.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) await refuseAsNow(trx, row.id, action);
}

/** A unit of the meeting's institution (the agenda and the decisions only name units of it). */
async function unitOfInstitution(request: FastifyRequest, row: MeetingRow, unitId: string, field: string) {
  const unit = await request.server.db.kysely
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!unit || !unit.path.startsWith(row.institution_path))
    throw badField(field, "该单位不存在或不属于本院校", "No such unit in this institution");
  return unit;
}

/** Creates a meeting in preparation; an extraordinary meeting or the conference also records the event it answers. */
export async function createMeeting(
  request: FastifyRequest,
  body: Body<typeof CreateMeetingRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const actor = authOf(request).actor;
  const institutions = await db
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("kind", "=", "institution")
    .$if(body.institutionId !== undefined, (q) => q.where("id", "=", body.institutionId ?? ""))
    .execute();
  const managed = institutions.filter((i) => coversInstitution(actor, MEETING_MANAGE, i.path));
  if (managed.length === 0) {
    if (body.institutionId && institutions.length === 0)
      throw badField("body.institutionId", "院校不存在", "No such institution");
    return deny(request, FORBIDDEN, { action: MEETING_MANAGE, object: { type: "meeting", id: null } });
  }
  if (managed.length > 1)
    throw badField("body.institutionId", "请指明召开会议的院校", "Name the institution holding the meeting");
  const institution = managed[0]!;
  if (body.kind === "extraordinary" && !body.reason)
    throw badField("body.reason", "召开临时会议须说明事由（第十二条第（一）项）", "Say why the meeting is called");
  await refuseMarkedText(request, [body.title, body.place, body.reason], { type: "meeting", id: null });

  const now = app.clock();
  const plannedAt = toInstant(new Date(body.plannedAt));
  let eventId: string | null = null;
  if (body.kind !== "regular") {
    // The event raises the obligation this meeting will discharge when its minutes are signed.
    const event = await raiseEvent(request, {
      event: KIND_EVENTS[body.kind],
      unitId: institution.id,
      occurredAt: toInstant(now),
      summary: body.reason ?? body.title,
    });
    eventId = event.id;
  }
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("meeting")
      .values({
        id,
        institution_id: institution.id,
        kind: body.kind,
        title: body.title,
        status: "draft",
        year: Number(dateIn(fromInstant(plannedAt)).slice(0, 4)),
        planned_at: plannedAt,
        place: body.place,
        agenda_call_deadline: null,
        agenda_call_note: null,
        held_at: null,
        minutes_text: null,
        minutes_drafted_by: null,
        minutes_drafted_at: null,
        minutes_sequence: null,
        signed_by_account: null,
        signed_by_person: null,
        signed_as: null,
        delegation_id: null,
        signed_at: null,
        signature: null,
        cancel_reason: null,
        event_id: eventId,
        created_by: authOf(request).account.id,
        created_at: toInstant(now),
        updated_at: toInstant(now),
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.create",
      object: meetingObject(id),
      result: "success",
      details: { kind: body.kind, institutionId: institution.id, plannedAt, eventId },
    });
  });
  return id;
}

/** Opens the agenda call (议题征集) to members and units, until a deadline before the meeting. */
export async function openAgendaCall(
  request: FastifyRequest,
  id: string,
  body: Body<typeof AgendaCallRequestSchema>,
): Promise<void> {
  const app = request.server;
  const row = await managedMeeting(request, id);
  nextMeetingStatus(row.status, "openAgendaCall");
  const deadline = toInstant(new Date(body.deadline));
  const now = app.clock();
  if (Date.parse(deadline) <= now.getTime())
    throw badField("body.deadline", "征集截止时间须晚于当前时间", "The deadline must be in the future");
  if (Date.parse(deadline) > Date.parse(row.planned_at))
    throw badField("body.deadline", "征集截止时间不得晚于会议时间", "The deadline must be before the meeting");
  await refuseMarkedText(request, [body.note], meetingObject(id));
  await app.db.kysely.transaction().execute(async (trx) => {
    await advance(
      trx,
      row,
      "openAgendaCall",
      { agenda_call_deadline: deadline, agenda_call_note: body.note ?? null },
      toInstant(now),
    );
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.agendaCall",
      object: meetingObject(id),
      result: "success",
      details: { deadline },
    });
  });
}

/** A member or unit proposes an agenda item for a unit in their scope, while the call is open. */
export async function proposeItem(
  request: FastifyRequest,
  id: string,
  body: Body<typeof ProposeRequestSchema>,
): Promise<void> {
  const app = request.server;
  const actor = authOf(request).actor;
  const row = await visibleMeeting(request, id);
  const unit = await unitOfInstitution(request, row, body.unitId, "body.unitId");
  if (!canProposeFor(actor, unit.path))
    await deny(request, FORBIDDEN, { action: MEETING_PROPOSE, object: meetingObject(id) });
  nextMeetingStatus(row.status, "propose");
  const now = app.clock();
  if (row.agenda_call_deadline && now.getTime() > Date.parse(row.agenda_call_deadline))
    throw new AppError(
      "CONFLICT",
      { zh: "议题征集已截止，不能再提交议题", en: "The agenda call has closed" },
      { state: row.status },
    );
  await refuseMarkedText(request, [body.title, body.summary], meetingObject(id));
  const proposalId = uuidv7();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("agenda_proposal")
      .values({
        id: proposalId,
        meeting_id: id,
        unit_id: unit.id,
        title: body.title,
        summary: body.summary,
        proposed_by: authOf(request).account.id,
        proposed_at: toInstant(now),
        status: "proposed",
        position: null,
        decline_reason: null,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.propose",
      object: meetingObject(id),
      result: "success",
      details: { proposalId, unitId: unit.id },
    });
  });
}

/** The office screens every proposal into the agenda (in order) or out of it (with a reason), and adds its own items. */
export async function setAgenda(
  request: FastifyRequest,
  id: string,
  body: Body<typeof SetAgendaRequestSchema>,
): Promise<void> {
  const app = request.server;
  const db = app.db.kysely;
  const row = await managedMeeting(request, id);
  nextMeetingStatus(row.status, "setAgenda");
  const proposals = await db
    .selectFrom("agenda_proposal")
    .select(["id", "title"])
    .where("meeting_id", "=", id)
    .execute();
  const known = new Map(proposals.map((p) => [p.id, p]));
  const settled = new Set<string>();
  for (const [index, item] of body.items.entries()) {
    if ("proposalId" in item) {
      if (!known.has(item.proposalId))
        throw badField(`body.items.${index}.proposalId`, "该议题不属于本次会议", "No such proposal in this meeting");
      if (settled.has(item.proposalId))
        throw badField(`body.items.${index}.proposalId`, "同一议题不能重复列入", "A proposal appears twice");
      settled.add(item.proposalId);
    } else await unitOfInstitution(request, row, item.unitId, `body.items.${index}.unitId`);
  }
  for (const [index, item] of body.declined.entries()) {
    if (!known.has(item.proposalId) || settled.has(item.proposalId))
      throw badField(
        `body.declined.${index}.proposalId`,
        "该议题不属于本次会议，或已列入议程",
        "No such proposal, or it is on the agenda",
      );
    settled.add(item.proposalId);
  }
  const unsettled = proposals.find((p) => !settled.has(p.id));
  if (unsettled)
    throw badField(
      "body.items",
      `议题“${unsettled.title}”尚未处理：请列入议程或说明不列入的理由`,
      `The proposal “${unsettled.title}” is neither on the agenda nor declined`,
    );
  await refuseMarkedText(
    request,
    [...body.items.map((i) => ("title" in i ? i.title : null)), ...body.declined.map((d) => d.reason)],
    meetingObject(id),
  );
  const now = toInstant(app.clock());
  const accountId = authOf(request).account.id;
  await db.transaction().execute(async (trx) => {
    await advance(trx, row, "setAgenda", {}, now);
    for (const [index, item] of body.items.entries()) {
      if ("proposalId" in item)
        await trx
          .updateTable("agenda_proposal")
          .set({ status: "accepted", position: index + 1, decline_reason: null })
          .where("id", "=", item.proposalId)
          .execute();
      else
        await trx
          .insertInto("agenda_proposal")
          .values({
            id: uuidv7(),
            meeting_id: id,
            unit_id: item.unitId,
            title: item.title,
            summary: item.title,
            proposed_by: accountId,
            proposed_at: now,
            status: "accepted",
            position: index + 1,
            decline_reason: null,
          })
          .execute();
    }
    for (const item of body.declined)
      await trx
        .updateTable("agenda_proposal")
        .set({ status: "declined", position: null, decline_reason: item.reason })
        .where("id", "=", item.proposalId)
        .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.agenda",
      object: meetingObject(id),
      result: "success",
      details: { items: body.items.length, declined: body.declined.length },
    });
  });
}

/** Records who attended (出席 / 请假 / 列席): the meeting is then held. A second call replaces the record. */
export async function recordAttendance(
  request: FastifyRequest,
  id: string,
  body: Body<typeof AttendanceRequestSchema>,
): Promise<void> {
  const app = request.server;
  const db = app.db.kysely;
  const row = await managedMeeting(request, id);
  nextMeetingStatus(row.status, "recordAttendance");
  const ids = body.entries.map((e) => e.personId);
  const people = new Set(
    (await db.selectFrom("person").select("id").where("id", "in", ids).execute()).map((p) => p.id),
  );
  for (const [index, entry] of body.entries.entries()) {
    if (!people.has(entry.personId)) throw badField(`body.entries.${index}.personId`, "人员不存在", "No such person");
    if (ids.indexOf(entry.personId) !== index)
      throw badField(`body.entries.${index}.personId`, "同一人员只能登记一次", "A person is listed twice");
  }
  await refuseMarkedText(
    request,
    body.entries.map((e) => e.note),
    meetingObject(id),
  );
  const heldAt = toInstant(new Date(body.heldAt ?? row.held_at ?? row.planned_at));
  const now = app.clock();
  if (Date.parse(heldAt) > now.getTime() + 60_000)
    throw badField("body.heldAt", "会议尚未召开，不能登记出席情况", "The meeting has not taken place yet");
  await db.transaction().execute(async (trx) => {
    await advance(trx, row, "recordAttendance", { held_at: heldAt }, toInstant(now));
    await trx.deleteFrom("meeting_attendance").where("meeting_id", "=", id).execute();
    await trx
      .insertInto("meeting_attendance")
      .values(body.entries.map((e) => ({ meeting_id: id, person_id: e.personId, kind: e.kind, note: e.note ?? null })))
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.attendance",
      object: meetingObject(id),
      result: "success",
      details: { heldAt, present: body.entries.filter((e) => e.kind === "present").length },
    });
  });
}

/** The office drafts (or edits) the minutes and their decisions, which go to the director for sign-off. */
export async function draftMinutes(
  request: FastifyRequest,
  id: string,
  body: Body<typeof MinutesRequestSchema>,
): Promise<void> {
  const app = request.server;
  const row = await managedMeeting(request, id);
  nextMeetingStatus(row.status, "draftMinutes");
  for (const [index, decision] of body.decisions.entries())
    await unitOfInstitution(request, row, decision.ownerUnitId, `body.decisions.${index}.ownerUnitId`);
  await refuseMarkedText(request, [body.text, ...body.decisions.map((d) => d.text)], meetingObject(id));
  const now = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    await advance(
      trx,
      row,
      "draftMinutes",
      { minutes_text: body.text, minutes_drafted_by: authOf(request).account.id, minutes_drafted_at: now },
      now,
    );
    await trx.deleteFrom("minutes_decision").where("meeting_id", "=", id).execute();
    if (body.decisions.length > 0)
      await trx
        .insertInto("minutes_decision")
        .values(
          body.decisions.map((d, index) => ({
            id: uuidv7(),
            meeting_id: id,
            position: index + 1,
            text: d.text,
            owner_unit_id: d.ownerUnitId,
            due_on: d.dueOn,
          })),
        )
        .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.minutes",
      object: meetingObject(id),
      result: "success",
      details: { length: body.text.length, decisions: body.decisions.length },
    });
  });
}

/** Cancels a meeting not yet held, with a reason. */
export async function cancelMeeting(request: FastifyRequest, id: string, reason: string): Promise<void> {
  const app = request.server;
  const row = await managedMeeting(request, id);
  nextMeetingStatus(row.status, "cancel");
  await refuseMarkedText(request, [reason], meetingObject(id));
  await app.db.kysely.transaction().execute(async (trx) => {
    await advance(trx, row, "cancel", { cancel_reason: reason }, toInstant(app.clock()));
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.cancel",
      object: meetingObject(id),
      result: "success",
      details: { from: row.status },
    });
  });
}
