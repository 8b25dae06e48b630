/**
 * Documents received from higher authorities (上级来文) and their briefing and study (传达学习), 实施细则第四条第（一）项
 * 及时组织传达学习上级有关保密工作的文件 and 第十三条第（一）项. The office registers the document — metadata only — with the
 * units that must study it and by when; registering it raises `higherDocument.received`, whose obligation (the leader
 * in charge organizes the briefing) exists from then. Each unit's head or liaison records its own sessions with who
 * presided and who attended; the office records any, including the institution-level briefing that discharges it.
 */
import { institutionToRecord } from "../meetings/institution-to-record.js";
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { authorize } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { fromInstant, toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { coversInstitution, reachesInstitution } from "../meetings/policy.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { raiseEvent } from "../obligations/events.js";
import { dischargeByRecords } from "../obligations/records.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  DOCUMENT_STATUS_NAMES,
  type RecordSessionRequestSchema,
  type RegisterDocumentRequestSchema,
} from "./contract.js";
import { institutionLevelUnits } from "./units.js";

type Db = Kysely<Database>;

export const DOCUMENT_READ = "documentStudy.read" as const;
export const DOCUMENT_MANAGE = "documentStudy.manage" as const;
export const DOCUMENT_RECORD = "documentStudy.record" as const;
export const documentObject = (id: string | null) => ({ type: "higherDocument", id });

export function documentColumns(db: Db) {
  return db
    .selectFrom("higher_document")
    .innerJoin("unit as institution", "institution.id", "higher_document.institution_id")
    .selectAll("higher_document")
    .select(["institution.name as institution_name", "institution.path as institution_path"]);
}
export type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentColumns>["executeTakeFirstOrThrow"]>>;

/** The document, if the actor reads the institution's documents; otherwise an audited 404. */
export async function visibleDocument(request: FastifyRequest, id: string): Promise<DocumentRow> {
  const row = await documentColumns(request.server.db.kysely).where("higher_document.id", "=", id).executeTakeFirst();
  if (!row || !reachesInstitution(authOf(request).actor, DOCUMENT_READ, row.institution_path))
    return notVisible(request, DOCUMENT_READ, documentObject(id));
  return row;
}

/** A unit a session may be recorded for: a required unit, or the institution level (the institution, its office). */
export interface SessionUnit {
  id: string;
  name: string;
  path: string;
  institutionLevel: boolean;
}

/** The units of a document's sessions: its required units, then the institution itself and its secrecy office. */
export async function sessionUnitsOf(db: Db, row: Pick<DocumentRow, "id" | "institution_id" | "institution_path">) {
  const required = await db
    .selectFrom("higher_document_unit")
    .innerJoin("unit", "unit.id", "higher_document_unit.unit_id")
    .select(["unit.id", "unit.name", "unit.path", "unit.sort_order"])
    .where("higher_document_unit.document_id", "=", row.id)
    .orderBy("unit.path")
    .execute();
  const level = await institutionLevelUnits(db, row.institution_id, row.institution_path);
  const units: SessionUnit[] = required.map((u) => ({
    id: u.id,
    name: u.name,
    path: u.path,
    institutionLevel: level.some((l) => l.id === u.id),
  }));
  for (const l of level) if (!units.some((u) => u.id === l.id)) units.push({ ...l, institutionLevel: true });
  return { required: required.map((u) => u.id), units };
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
};

const alreadyRegistered = (documentNo: string) =>
  new AppError(
    "CONFLICT",
    { zh: `该来文（${documentNo}）已登记，请勿重复登记`, en: "This document is already registered" },
    { issues: [{ field: "body.documentNo", message: `该来文（${documentNo}）已登记` }] },
  );

/** Registers a received document and raises `higherDocument.received`; returns its id. */
export async function registerDocument(
  request: FastifyRequest,
  body: z.infer<typeof RegisterDocumentRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const institution = await institutionToRecord(request, DOCUMENT_MANAGE, body.institutionId, documentObject(null));
  const today = dateIn(app.clock());
  if (body.receivedOn > today)
    throw badField("body.receivedOn", "收文日期不能晚于今天", "The date received cannot be in the future");
  if (body.dueOn < body.receivedOn)
    throw badField("body.dueOn", "完成时限不能早于收文日期", "The deadline cannot precede the date received");
  const unitIds = [...new Set(body.unitIds)];
  const units = await db.selectFrom("unit").select(["id", "path"]).where("id", "in", unitIds).execute();
  const stray = unitIds.find((id) => !units.some((u) => u.id === id && u.path.startsWith(institution.path)));
  if (stray !== undefined)
    throw badField(
      `body.unitIds.${body.unitIds.indexOf(stray)}`,
      "所选单位不存在或不属于本院校",
      "A unit does not exist or is not in this institution",
    );
  await refuseMarkedText(
    request,
    [body.issuer, body.documentNo, body.title, body.requirement, body.summary],
    documentObject(null),
  );
  const duplicate = await db
    .selectFrom("higher_document")
    .select("id")
    .where("institution_id", "=", institution.id)
    .where("issuer", "=", body.issuer)
    .where("document_no", "=", body.documentNo)
    .executeTakeFirst();
  if (duplicate) throw alreadyRegistered(body.documentNo);

  // The leader in charge's duty to organize the briefing (第四条第（一）项) exists from the moment it is received.
  const event = await raiseEvent(request, {
    event: "higherDocument.received",
    unitId: institution.id,
    occurredAt: toInstant(app.clock()),
    summary: `${body.issuer}《${body.title}》（${body.documentNo}）`.slice(0, 500),
  }).catch((error: unknown) => {
    // No bearer on the day: the institution has no leader in charge of secrecy work on record (第四条).
    const issues = error instanceof AppError ? (error.details.issues as { field: string }[] | undefined) : undefined;
    if (issues?.[0]?.field !== "body.personId") throw error;
    throw new AppError("CONFLICT", {
      zh: "本院校尚未登记分管保密工作的院领导（第四条），无法生成组织传达学习的履职事项；请先在“组织与职责”中登记其分管范围",
      en: "No leader in charge of secrecy work is on record to bear the briefing duty",
    });
  });
  const id = uuidv7();
  const at = toInstant(app.clock());
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("higher_document")
        .values({
          id,
          institution_id: institution.id,
          issuer: body.issuer,
          document_no: body.documentNo,
          title: body.title,
          received_on: body.receivedOn,
          year: Number(body.receivedOn.slice(0, 4)),
          audience: body.audience,
          requirement: body.requirement || null,
          summary: body.summary || null,
          due_on: body.dueOn,
          status: "open",
          event_id: event.id,
          registered_by: authOf(request).account.id,
          closed_by: null,
          closed_at: null,
          close_note: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto("higher_document_unit")
        .values(unitIds.map((unitId) => ({ document_id: id, unit_id: unitId })))
        .execute();
      await app.audit.append(trx, {
        ...auditContext(request),
        action: "documentStudy.register",
        object: documentObject(id),
        result: "success",
        details: { documentNo: body.documentNo, units: unitIds.length, dueOn: body.dueOn, eventId: event.id },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyRegistered(body.documentNo);
    throw error;
  }
  return id;
}

const closedConflict = (status: DocumentRow["status"], zh: string, en: string) =>
  new AppError(
    "CONFLICT",
    { zh: `该来文当前状态为“${DOCUMENT_STATUS_NAMES[status].zh}”，${zh}`, en },
    { state: status },
  );

/** Records one study session of a unit with its attendance; discharges what it now fulfils. Returns its id. */
export async function recordSession(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof RecordSessionRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const actor = authOf(request).actor;
  const row = await visibleDocument(request, id);
  const { units } = await sessionUnitsOf(db, row);
  const target = units.find((u) => u.id === body.unitId);
  if (!target)
    throw badField(
      "body.unitId",
      "该单位不在本来文的传达学习范围内",
      "This unit is not among those that study the document",
    );
  if (!authorize(actor, DOCUMENT_RECORD, { unitPath: target.path }))
    await deny(request, FORBIDDEN, { action: DOCUMENT_RECORD, object: documentObject(id) });
  if (row.status !== "open")
    throw closedConflict(row.status, "不能再登记传达学习", "The document is closed; no more sessions");
  const today = dateIn(app.clock());
  if (body.heldOn > today) throw badField("body.heldOn", "学习日期不能晚于今天", "The date cannot be in the future");
  if (body.heldOn < row.received_on)
    throw badField("body.heldOn", "学习日期不能早于收文日期", "The session cannot precede the document's receipt");
  const presider = await db
    .selectFrom("person")
    .leftJoin("unit", "unit.id", "person.unit_id")
    .select(["person.id", "unit.path"])
    .where("person.id", "=", body.presidedBy)
    .executeTakeFirst();
  if (!presider?.path?.startsWith(row.institution_path))
    throw badField("body.presidedBy", "主持人不存在或不属于本院校", "The presiding person is not in this institution");
  const personIds = body.attendance.map((a) => a.personId);
  const repeated = personIds.findIndex((p, i) => personIds.indexOf(p) !== i);
  if (repeated >= 0)
    throw badField(`body.attendance.${repeated}.personId`, "同一人员不能重复登记", "A person is listed twice");
  // Attendance is the unit's own people (its sub-units included); the institution level is everyone's.
  const scope = target.institutionLevel ? row.institution_path : target.path;
  const people = await db
    .selectFrom("person")
    .innerJoin("unit", "unit.id", "person.unit_id")
    .select(["person.id", "unit.path"])
    .where("person.id", "in", personIds)
    .execute();
  const outside = personIds.findIndex((p) => !people.some((x) => x.id === p && x.path.startsWith(scope)));
  if (outside >= 0)
    throw badField(
      `body.attendance.${outside}.personId`,
      `参加人员须为${target.name}的人员`,
      "Attendance lists the unit's own people",
    );
  if (!body.attendance.some((a) => a.kind === "present"))
    throw badField("body.attendance", "请至少登记一名出席人员", "At least one person attended");
  await refuseMarkedText(request, [body.place, body.notes, ...body.attendance.map((a) => a.note)], documentObject(id));

  const sessionId = uuidv7();
  const now = app.clock();
  const at = toInstant(now);
  const { policy } = await activePolicy(db);
  await db.transaction().execute(async (trx) => {
    // Recorded only while the document is open: a close in between ends as the 409 of its new state.
    const result = await trx
      .updateTable("higher_document")
      .set({ updated_at: at })
      .where("id", "=", id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw closedConflict("closed", "不能再登记传达学习", "The document is closed; no more sessions");
    await trx
      .insertInto("document_study_session")
      .values({
        id: sessionId,
        document_id: id,
        unit_id: target.id,
        held_on: body.heldOn,
        place: body.place,
        form: body.form,
        presided_by: body.presidedBy,
        notes: body.notes || null,
        recorded_by: authOf(request).account.id,
        recorded_at: at,
      })
      .execute();
    await trx
      .insertInto("document_study_attendance")
      .values(
        body.attendance.map((a) => ({
          session_id: sessionId,
          person_id: a.personId,
          kind: a.kind,
          note: a.note || null,
        })),
      )
      .execute();
    // The event's obligation is of the year it was registered; an obligation of Art. 13(1) of the session's year.
    const years = new Set([Number(dateIn(fromInstant(row.created_at)).slice(0, 4)), Number(body.heldOn.slice(0, 4))]);
    let fulfilled = 0;
    for (const year of years) fulfilled += await dischargeByRecords(trx, policy, row.institution_id, year, now);
    const present = body.attendance.filter((a) => a.kind === "present").length;
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "documentStudy.session",
      object: documentObject(id),
      result: "success",
      details: {
        sessionId,
        unitId: target.id,
        heldOn: body.heldOn,
        present,
        attendance: body.attendance.length,
        ...(fulfilled ? { obligationsFulfilled: fulfilled } : {}),
      },
    });
  });
  touchObligations();
  return sessionId;
}

/** 办结: the office closes the document's briefing; sessions are no longer recorded. */
export async function closeDocument(request: FastifyRequest, id: string, note: string): Promise<void> {
  const app = request.server;
  const row = await visibleDocument(request, id);
  if (!coversInstitution(authOf(request).actor, DOCUMENT_MANAGE, row.institution_path))
    await deny(request, FORBIDDEN, { action: DOCUMENT_MANAGE, object: documentObject(id) });
  if (row.status !== "open") throw closedConflict(row.status, "不能再次办结", "The document is already closed");
  await refuseMarkedText(request, [note], documentObject(id));
  const at = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("higher_document")
      .set({ status: "closed", closed_by: authOf(request).account.id, closed_at: at, close_note: note, updated_at: at })
      .where("id", "=", id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw closedConflict("closed", "不能再次办结", "The document is already closed");
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "documentStudy.close",
      object: documentObject(id),
      result: "success",
      details: { length: note.length },
    });
  });
}

/** The people a session of this unit may list as attending (its sub-units included), for the attendance form. */
export async function rosterOf(request: FastifyRequest, id: string, unitId: string) {
  const db = request.server.db.kysely;
  const row = await visibleDocument(request, id);
  const { units } = await sessionUnitsOf(db, row);
  const target = units.find((u) => u.id === unitId);
  if (!target)
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "该单位不在本来文的传达学习范围内", en: "This unit does not study the document" },
      { issues: [{ field: "query.unitId", message: "该单位不在本来文的传达学习范围内" }] },
    );
  if (!authorize(authOf(request).actor, DOCUMENT_RECORD, { unitPath: target.path }))
    await deny(request, FORBIDDEN, { action: DOCUMENT_RECORD, object: documentObject(id) });
  const scope = target.institutionLevel ? row.institution_path : target.path;
  const people = await db
    .selectFrom("person")
    .innerJoin("unit", "unit.id", "person.unit_id")
    .select(["person.id", "person.name", "unit.name as unit_name"])
    .where("unit.path", "like", `${scope}%`)
    .orderBy("unit.path")
    .orderBy("person.name")
    .limit(1000)
    .execute();
  return {
    unit: { id: target.id, name: target.name },
    people: people.map((p) => ({ id: p.id, name: p.name, unitName: p.unit_name })),
  };
}
