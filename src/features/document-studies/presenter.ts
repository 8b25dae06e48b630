/** Received documents as the API shows them: completion by unit, sessions with attendance, the obligations served. */
import { raisedOrDischarged } from "../obligations/discharge-view.js";
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { type Actor, authorize } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { keysetPage } from "../../domain/paging.js";
import { authOf } from "../../platform/access/request-auth.js";
import { type Database } from "../../platform/db/schema.js";
import { coversInstitution } from "../meetings/policy.js";
import { reachableInstitutions } from "../meetings/queries.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  AUDIENCE_NAMES,
  DOCUMENT_STATUS_NAMES,
  type DocumentStatus,
  type DocumentView,
  STUDY_ATTENDANCE_NAMES,
  STUDY_FORM_NAMES,
} from "./contract.js";
import {
  DOCUMENT_MANAGE,
  DOCUMENT_READ,
  DOCUMENT_RECORD,
  documentColumns,
  type DocumentRow,
  sessionUnitsOf,
} from "./service.js";

type Db = Kysely<Database>;

/** The articles a received document's briefing serves. */
export const DOCUMENT_ARTICLES = ["art4.1", "art13.1"] as const;
const RECORD_KIND = "documentStudy.held";

export function citationsOf(policy: Policy) {
  return DOCUMENT_ARTICLES.map((ref) => ({ ref, citation: citationOf(policy, ref) ?? ref }));
}

export interface DocumentFilter {
  year?: number | undefined;
  status?: DocumentStatus | undefined;
  unitId?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The documents of the institutions the actor reads, newest received first; cursor `receivedOn|id`. */
export async function listDocuments(db: Db, actor: Actor, filter: DocumentFilter) {
  const institutions = await reachableInstitutions(db, actor, DOCUMENT_READ);
  if (institutions.length === 0) return { rows: [] as DocumentRow[], nextCursor: null };
  const [on, id] = (filter.cursor ?? "").split("|");
  const like = `%${(filter.q ?? "").replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await documentColumns(db)
    .where("higher_document.institution_id", "in", institutions)
    .$if(filter.year !== undefined, (q) => q.where("higher_document.year", "=", filter.year ?? 0))
    .$if(filter.status !== undefined, (q) => q.where("higher_document.status", "=", filter.status ?? "open"))
    .$if(filter.unitId !== undefined, (q) =>
      q.where(
        "higher_document.id",
        "in",
        db
          .selectFrom("higher_document_unit")
          .select("document_id")
          .where("unit_id", "=", filter.unitId ?? ""),
      ),
    )
    .$if(filter.q !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("higher_document.title", "like", like),
          eb("higher_document.document_no", "like", like),
          eb("higher_document.issuer", "like", like),
        ]),
      ),
    )
    .$if(Boolean(on && id), (q) =>
      q.where((eb) =>
        eb.or([
          eb("higher_document.received_on", "<", on ?? ""),
          eb.and([eb("higher_document.received_on", "=", on ?? ""), eb("higher_document.id", "<", id ?? "")]),
        ]),
      ),
    )
    .orderBy("higher_document.received_on", "desc")
    .orderBy("higher_document.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  return keysetPage(rows, filter.limit, (row) => `${row.received_on}|${row.id}`);
}

/** The list rows, with each document's completion and obligations read for the whole page at once. */
export async function presentDocumentSummaries(db: Db, policy: Policy, rows: DocumentRow[], today: string) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const completion = await db
    .selectFrom("higher_document_unit as u")
    .leftJoin("document_study_session as s", (join) =>
      join.onRef("s.document_id", "=", "u.document_id").onRef("s.unit_id", "=", "u.unit_id"),
    )
    .select((eb) => [
      "u.document_id",
      eb.fn.count<number>("u.unit_id").distinct().as("required"),
      eb.fn.count<number>("s.unit_id").distinct().as("held"),
    ])
    .where("u.document_id", "in", ids)
    .groupBy("u.document_id")
    .execute();
  const events = rows.map((r) => r.event_id).filter((e): e is string => e !== null);
  const obligations = events.length
    ? await db.selectFrom("obligation").select(["event_id", "state"]).where("event_id", "in", events).execute()
    : [];
  const citation = citationsOf(policy)
    .map((c) => c.citation)
    .join("、");
  return rows.map((row) => {
    const c = completion.find((x) => x.document_id === row.id);
    const required = Number(c?.required ?? 0);
    const held = Number(c?.held ?? 0);
    const own = obligations.filter((o) => o.event_id === row.event_id);
    return {
      ...summaryOf(row),
      overdue: row.status === "open" && held < required && row.due_on < today,
      completion: { required, held },
      citation,
      obligations: { total: own.length, fulfilled: own.filter((o) => o.state === "fulfilled").length },
    };
  });
}

function summaryOf(row: DocumentRow) {
  return {
    id: row.id,
    institution: { id: row.institution_id, name: row.institution_name },
    issuer: row.issuer,
    documentNo: row.document_no,
    title: row.title,
    receivedOn: row.received_on,
    audience: row.audience,
    audienceName: AUDIENCE_NAMES[row.audience].zh,
    dueOn: row.due_on,
    status: row.status,
    statusName: DOCUMENT_STATUS_NAMES[row.status].zh,
  };
}

export async function presentDocument(request: FastifyRequest, row: DocumentRow): Promise<DocumentView> {
  const db = request.server.db.kysely;
  const actor = authOf(request).actor;
  const { policy } = await activePolicy(db);
  const today = dateIn(request.server.clock());
  const [summary] = await presentDocumentSummaries(db, policy, [row], today);
  const { required, units } = await sessionUnitsOf(db, row);
  const sessions = await db
    .selectFrom("document_study_session as s")
    .innerJoin("unit", "unit.id", "s.unit_id")
    .innerJoin("person", "person.id", "s.presided_by")
    .leftJoin("account", "account.id", "s.recorded_by")
    .select([
      "s.id",
      "s.unit_id",
      "unit.name as unit_name",
      "s.held_on",
      "s.place",
      "s.form",
      "s.presided_by",
      "person.name as presider_name",
      "s.notes",
      "account.display_name as recorded_by",
      "s.recorded_at",
    ])
    .where("s.document_id", "=", row.id)
    .orderBy("s.held_on")
    .orderBy("s.recorded_at")
    .execute();
  const attendance = sessions.length
    ? await db
        .selectFrom("document_study_attendance as a")
        .innerJoin("person", "person.id", "a.person_id")
        .select(["a.session_id", "a.person_id", "person.name", "a.kind", "a.note"])
        .where(
          "a.session_id",
          "in",
          sessions.map((s) => s.id),
        )
        .orderBy("person.name")
        .execute()
    : [];
  const levelIds = new Set(units.filter((u) => u.institutionLevel).map((u) => u.id));
  const views = sessions.map((s) => {
    const own = attendance.filter((a) => a.session_id === s.id);
    return {
      id: s.id,
      unit: { id: s.unit_id, name: s.unit_name },
      institutionLevel: levelIds.has(s.unit_id),
      heldOn: s.held_on,
      place: s.place,
      form: s.form,
      formName: STUDY_FORM_NAMES[s.form].zh,
      presidedBy: { id: s.presided_by, name: s.presider_name },
      notes: s.notes,
      recordedBy: s.recorded_by,
      recordedAt: s.recorded_at,
      counts: {
        present: own.filter((a) => a.kind === "present").length,
        onLeave: own.filter((a) => a.kind === "onLeave").length,
        absent: own.filter((a) => a.kind === "absent").length,
      },
      attendance: own.map((a) => ({
        person: { id: a.person_id, name: a.name },
        kind: a.kind,
        kindName: STUDY_ATTENDANCE_NAMES[a.kind].zh,
        note: a.note,
      })),
    };
  });
  const briefing = views.find((s) => s.institutionLevel);
  const open = row.status === "open";
  const recordable = open ? units.filter((u) => authorize(actor, DOCUMENT_RECORD, { unitPath: u.path })) : [];
  return {
    ...summary!,
    requirement: row.requirement,
    summary: row.summary,
    registeredAt: row.created_at,
    closedAt: row.closed_at,
    closeNote: row.close_note,
    units: units
      .filter((u) => required.includes(u.id))
      .map((u) => {
        const own = views.filter((s) => s.unit.id === u.id);
        return {
          unit: { id: u.id, name: u.name },
          held: own.length > 0,
          sessions: own.length,
          lastHeldOn: own.at(-1)?.heldOn ?? null,
          counts: {
            present: own.reduce((n, s) => n + s.counts.present, 0),
            onLeave: own.reduce((n, s) => n + s.counts.onLeave, 0),
            absent: own.reduce((n, s) => n + s.counts.absent, 0),
          },
        };
      }),
    institutionBriefing: briefing
      ? { heldOn: briefing.heldOn, presidedBy: briefing.presidedBy, sessionId: briefing.id }
      : null,
    sessions: views,
    citations: citationsOf(policy),
    discharges: await raisedOrDischarged(
      db,
      policy,
      { eventId: row.event_id, recordKind: RECORD_KIND, recordIds: views.map((s) => s.id) },
      request.server.clock(),
    ),
    recordableUnits: recordable.map((u) => ({ id: u.id, name: u.name, institutionLevel: u.institutionLevel })),
    abilities: {
      record: recordable.length > 0,
      close: open && coversInstitution(actor, DOCUMENT_MANAGE, row.institution_path),
    },
  };
}
