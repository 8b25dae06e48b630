/** A meeting as the API shows it: its steps, the committee's attendance, its signer, and the obligations it serves. */
import { type Kysely } from "kysely";
import { type Actor } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import {
  ATTENDANCE_NAMES,
  MEETING_KIND_ARTICLES,
  MEETING_KIND_NAMES,
  MEETING_STATUS_NAMES,
  meetingAllows,
  minutesNumber,
  PROPOSAL_STATUS_NAMES,
} from "../../domain/meeting.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type Database } from "../../platform/db/schema.js";
import { committeeRoster } from "../responsibility/committee.js";
import { type MeetingSummary, type MeetingView } from "./contract.js";
import { dischargedBy } from "./discharge.js";
import { canManageMeeting, canProposeIn } from "./policy.js";
import { meetingDay, type MeetingRow } from "./queries.js";
import { signingRight } from "./signer.js";

type Db = Kysely<Database>;

/** 保委纪: the customary 代字 of a secrecy committee's minutes. */
export const MINUTES_PREFIX = "保委纪";

export function numberOf(row: Pick<MeetingRow, "year" | "minutes_sequence">): string | null {
  return row.minutes_sequence === null ? null : minutesNumber(MINUTES_PREFIX, Number(row.year), row.minutes_sequence);
}

export function presentMeetingSummary(row: MeetingRow, policy: Policy): MeetingSummary {
  return {
    id: row.id,
    institution: { id: row.institution_id, name: row.institution_name },
    kind: row.kind,
    kindName: MEETING_KIND_NAMES[row.kind].zh,
    title: row.title,
    status: row.status,
    statusName: MEETING_STATUS_NAMES[row.status].zh,
    plannedAt: row.planned_at,
    place: row.place,
    heldAt: row.held_at,
    minutesNumber: numberOf(row),
    signedAt: row.signed_at,
    citation: citationOf(policy, MEETING_KIND_ARTICLES[row.kind]) ?? MEETING_KIND_ARTICLES[row.kind],
  };
}

/** The full view, with what this actor may do next. */
export async function presentMeeting(
  db: Db,
  policy: Policy,
  row: MeetingRow,
  actor: Actor,
  now: Date,
): Promise<MeetingView> {
  const today = dateIn(now);
  const [proposals, materials, attendance, decisions, addenda, signerPerson, delegation, roster, obligations] =
    await Promise.all([
      db
        .selectFrom("agenda_proposal")
        .innerJoin("unit", "unit.id", "agenda_proposal.unit_id")
        .leftJoin("account", "account.id", "agenda_proposal.proposed_by")
        .selectAll("agenda_proposal")
        .select(["unit.name as unit_name", "account.display_name as proposer"])
        .where("meeting_id", "=", row.id)
        .orderBy("agenda_proposal.position")
        .orderBy("agenda_proposal.proposed_at")
        .execute(),
      db
        .selectFrom("meeting_material")
        .select(["id", "name", "type", "size", "sha256", "uploaded_at"])
        .where("meeting_id", "=", row.id)
        .orderBy("uploaded_at")
        .execute(),
      db
        .selectFrom("meeting_attendance")
        .innerJoin("person", "person.id", "meeting_attendance.person_id")
        .select(["person.id", "person.name", "meeting_attendance.kind", "meeting_attendance.note"])
        .where("meeting_id", "=", row.id)
        .execute(),
      db
        .selectFrom("minutes_decision")
        .innerJoin("unit", "unit.id", "minutes_decision.owner_unit_id")
        .leftJoin("tracked_task", "tracked_task.decision_id", "minutes_decision.id")
        .select([
          "minutes_decision.id",
          "minutes_decision.position",
          "minutes_decision.text",
          "minutes_decision.owner_unit_id",
          "unit.name as unit_name",
          "minutes_decision.due_on",
          "tracked_task.id as task_id",
        ])
        .where("minutes_decision.meeting_id", "=", row.id)
        .orderBy("minutes_decision.position")
        .execute(),
      db
        .selectFrom("meeting_addendum")
        .leftJoin("person", "person.id", "meeting_addendum.signed_by_person")
        .leftJoin("delegation", "delegation.id", "meeting_addendum.delegation_id")
        .selectAll("meeting_addendum")
        .select(["person.name as signer_name", "delegation.purpose", "delegation.starts_on", "delegation.ends_on"])
        .where("meeting_id", "=", row.id)
        .orderBy("drafted_at")
        .execute(),
      row.signed_by_person
        ? db.selectFrom("person").select(["id", "name"]).where("id", "=", row.signed_by_person).executeTakeFirst()
        : undefined,
      row.delegation_id
        ? db
            .selectFrom("delegation")
            .select(["id", "purpose", "starts_on", "ends_on"])
            .where("id", "=", row.delegation_id)
            .executeTakeFirst()
        : undefined,
      committeeRoster(db, policy, row.institution_id, meetingDay(row)),
      dischargedBy(db, policy, row, now),
    ]);

  // The committee of the meeting day, each seat holder once, with their attendance when recorded; then anyone else
  // recorded (列席 guests).
  const recorded = new Map(attendance.map((a) => [a.id, a]));
  const seated = new Map<string, { name: string; seat: string }>();
  for (const seat of roster.seats)
    for (const holder of seat.holders)
      if (!seated.has(holder.personId)) seated.set(holder.personId, { name: holder.personName, seat: seat.seat });
  const attendanceView: MeetingView["attendance"] = [];
  for (const [personId, { name, seat }] of seated) {
    const entry = recorded.get(personId);
    if (!entry) continue;
    attendanceView.push({
      person: { id: personId, name },
      seat,
      kind: entry.kind,
      kindName: ATTENDANCE_NAMES[entry.kind].zh,
      note: entry.note,
    });
  }
  for (const entry of attendance)
    if (!seated.has(entry.id))
      attendanceView.push({
        person: { id: entry.id, name: entry.name },
        seat: null,
        kind: entry.kind,
        kindName: ATTENDANCE_NAMES[entry.kind].zh,
        note: entry.note,
      });

  const manage = canManageMeeting(actor, row.institution_path);
  // Whether this actor may sign today: asked of the roster only when there is something to sign.
  const unsigned = row.status === "minutesDrafted" || addenda.some((a) => a.signed_at === null);
  const maySign = unsigned && (await signingRight(db, policy, row.institution_id, actor.personId, today)) !== null;
  const may = (action: Parameters<typeof meetingAllows>[1]) => meetingAllows(row.status, action);
  const signerOf = (facts: {
    name: string | undefined | null;
    signedAs: "director" | "delegate" | null;
    delegation: { id: string; purpose: string; starts_on: string; ends_on: string } | undefined | null;
    signedAt: string | null;
    signature: string | null;
    personId: string | null;
  }) =>
    facts.signedAt && facts.signature && facts.signedAs && facts.personId
      ? {
          person: { id: facts.personId, name: facts.name ?? "" },
          signedAs: facts.signedAs,
          delegation: facts.delegation
            ? {
                id: facts.delegation.id,
                purpose: facts.delegation.purpose,
                startsOn: facts.delegation.starts_on,
                endsOn: facts.delegation.ends_on,
              }
            : null,
          signedAt: facts.signedAt,
          signature: facts.signature,
        }
      : null;

  return {
    ...presentMeetingSummary(row, policy),
    agendaCall: row.agenda_call_deadline ? { deadline: row.agenda_call_deadline, note: row.agenda_call_note } : null,
    proposals: proposals.map((p) => ({
      id: p.id,
      unit: { id: p.unit_id, name: p.unit_name },
      title: p.title,
      summary: p.summary,
      proposedBy: p.proposer,
      proposedAt: p.proposed_at,
      status: p.status,
      statusName: PROPOSAL_STATUS_NAMES[p.status].zh,
      position: p.position,
      declineReason: p.decline_reason,
    })),
    materials: materials.map((m) => ({
      id: m.id,
      name: m.name,
      type: m.type,
      size: Number(m.size),
      sha256: m.sha256,
      uploadedAt: m.uploaded_at,
    })),
    attendance: attendanceView,
    minutes:
      row.minutes_text === null
        ? null
        : {
            text: row.minutes_text,
            draftedAt: row.minutes_drafted_at,
            decisions: decisions.map((d) => ({
              id: d.id,
              position: Number(d.position),
              text: d.text,
              ownerUnit: { id: d.owner_unit_id, name: d.unit_name },
              dueOn: d.due_on,
              taskId: d.task_id,
            })),
          },
    signer: signerOf({
      name: signerPerson?.name,
      signedAs: row.signed_as,
      delegation,
      signedAt: row.signed_at,
      signature: row.signature,
      personId: row.signed_by_person,
    }),
    addenda: addenda.map((a) => ({
      id: a.id,
      text: a.text,
      draftedAt: a.drafted_at,
      signer: signerOf({
        name: a.signer_name,
        signedAs: a.signed_as,
        delegation:
          a.delegation_id && a.purpose && a.starts_on && a.ends_on
            ? { id: a.delegation_id, purpose: a.purpose, starts_on: a.starts_on, ends_on: a.ends_on }
            : null,
        signedAt: a.signed_at,
        signature: a.signature,
        personId: a.signed_by_person,
      }),
      abilities: { sign: maySign && a.signed_at === null },
    })),
    cancelReason: row.cancel_reason,
    obligations,
    abilities: {
      openAgendaCall: manage && may("openAgendaCall"),
      propose: canProposeIn(actor, row.institution_path) && may("propose"),
      setAgenda: manage && may("setAgenda"),
      attachMaterial: manage && may("attachMaterial"),
      recordAttendance: manage && may("recordAttendance"),
      draftMinutes: manage && may("draftMinutes"),
      signOff: maySign && may("signOff"),
      addAddendum: manage && may("addAddendum"),
      cancel: manage && may("cancel"),
    },
  };
}
