/**
 * Meetings as records that discharge obligations (DESIGN.md §4, discharge by records): a regular meeting whose minutes
 * the director signed fulfils its semester's 例会 obligation (实施细则第十二条第（一）项); an extraordinary meeting or
 * the institution-wide conference fulfils the obligation its own event raised (第十二条第（一）项, 第九条第（三）项).
 * The signer is frozen as who was responsible.
 */
import { type Kysely } from "kysely";
import { type Policy } from "../../domain/policy/schema.js";
import { type Database } from "../../platform/db/schema.js";
import { DISCHARGE_COLUMNS, presentDischarges } from "../obligations/discharge-view.js";
import { type MeetingView } from "./contract.js";
import { meetingDay, type MeetingRow } from "./queries.js";

type Db = Kysely<Database>;

/** The record kinds meetings provide, by the name the policy gives them. */
export const MEETING_RECORD_KINDS = ["meeting.minutesSigned", "conference.held"] as const;

/** An open obligation, with the window and event a meeting is matched on. */
export interface OpenObligation {
  id: string;
  duty_id: string;
  starts_on: string;
  due_on: string | null;
  event_id: string | null;
}

export interface MeetingMatch {
  obligationId: string;
  recordId: string;
  at: string;
  responsible: { personId: string; name: string; role: string; acting: boolean }[];
}

/** Signed meetings of an institution around a year: the few a year has, read at once. */
async function signedMeetings(db: Db, institutionId: string, year: number) {
  return db
    .selectFrom("meeting")
    .innerJoin("person", "person.id", "meeting.signed_by_person")
    .select([
      "meeting.id",
      "meeting.kind",
      "meeting.event_id",
      "meeting.held_at",
      "meeting.planned_at",
      "meeting.signed_at",
      "meeting.signed_as",
      "meeting.signed_by_person",
      "person.name",
    ])
    .where("meeting.institution_id", "=", institutionId)
    .where("meeting.status", "=", "signed")
    .where("meeting.year", ">=", year - 1)
    .where("meeting.year", "<=", year + 1)
    .orderBy("meeting.signed_at")
    .execute();
}

/** Which open obligations of `kind` the institution's signed meetings discharge. */
export async function meetingMatches(
  db: Db,
  kind: string,
  institutionId: string,
  year: number,
  open: OpenObligation[],
): Promise<MeetingMatch[]> {
  const meetings = await signedMeetings(db, institutionId, year);
  const wanted = kind === "conference.held" ? ["conference"] : ["regular", "extraordinary"];
  const used = new Set<string>();
  const matches: MeetingMatch[] = [];
  for (const row of open) {
    const meeting = meetings.find((m) => {
      if (!wanted.includes(m.kind) || used.has(`${m.id}|${row.duty_id}`)) return false;
      // An event's obligation is discharged by the meeting that event called, and by no other.
      if (row.event_id) return m.event_id === row.event_id;
      if (m.kind !== "regular") return false;
      const day = meetingDay(m);
      return day >= row.starts_on && (row.due_on === null || day <= row.due_on);
    });
    if (!meeting?.signed_at || !meeting.signed_by_person) continue;
    used.add(`${meeting.id}|${row.duty_id}`);
    matches.push({
      obligationId: row.id,
      recordId: meeting.id,
      at: meeting.signed_at,
      responsible: [
        {
          personId: meeting.signed_by_person,
          name: meeting.name,
          role: meeting.signed_as === "delegate" ? "deputyDirector" : "director",
          acting: false,
        },
      ],
    });
  }
  return matches;
}

/**
 * The obligations a meeting discharged (once signed), or would discharge when signed: for the screen, so that the
 * office sees which duty the meeting serves before it is over.
 */
export async function dischargedBy(
  db: Db,
  policy: Policy,
  row: MeetingRow,
  now: Date,
): Promise<MeetingView["obligations"]> {
  const kind = row.kind === "conference" ? "conference.held" : "meeting.minutesSigned";
  const duties = policy.duties
    .filter((d) => d.discharge.by === "record" && d.discharge.record === kind)
    .map((d) => d.id);
  if (duties.length === 0) return [];
  let query = db
    .selectFrom("obligation")
    .select(DISCHARGE_COLUMNS)
    .where("institution_id", "=", row.institution_id)
    .where("duty_id", "in", duties);
  if (row.status === "signed") query = query.where("record_kind", "=", kind).where("record_id", "=", row.id);
  else if (row.event_id) query = query.where("event_id", "=", row.event_id).where("state", "=", "open");
  else {
    const day = meetingDay(row);
    query = query
      .where("state", "=", "open")
      .where("event_id", "is", null)
      .where("starts_on", "<=", day)
      .where((eb) => eb.or([eb("due_on", "is", null), eb("due_on", ">=", day)]));
  }
  return presentDischarges(db, policy, await query.orderBy("starts_on").limit(20).execute(), now);
}

/** Tasks assigned from above or by the committee, closed: each discharges the obligation its own event raised. */
export async function assignedTaskMatches(
  db: Db,
  institutionId: string,
  open: (OpenObligation & { bearer_role: string })[],
): Promise<MeetingMatch[]> {
  const events = open.map((o) => o.event_id).filter((id): id is string => id !== null);
  if (events.length === 0) return [];
  const tasks = await db
    .selectFrom("tracked_task")
    .leftJoin("account as closer", "closer.id", "tracked_task.closed_by")
    .leftJoin("person as closed_by", "closed_by.id", "closer.person_id")
    .leftJoin("account as reporter", "reporter.id", "tracked_task.reported_by")
    .leftJoin("person as reported_by", "reported_by.id", "reporter.person_id")
    .select([
      "tracked_task.id",
      "tracked_task.event_id",
      "tracked_task.closed_at",
      "closed_by.id as closer_id",
      "closed_by.name as closer_name",
      "reported_by.id as reporter_id",
      "reported_by.name as reporter_name",
    ])
    .where("tracked_task.institution_id", "=", institutionId)
    .where("tracked_task.status", "=", "closed")
    .where("tracked_task.event_id", "in", events)
    .execute();
  return open.flatMap((row) => {
    const task = tasks.find((t) => t.event_id === row.event_id);
    if (!task?.closed_at) return [];
    // A unit's task answers for its head, who reported it done; an assigned task for the office, which closed it.
    const unitTask = row.bearer_role === "unitHead";
    const id = unitTask ? task.reporter_id : task.closer_id;
    const name = unitTask ? task.reporter_name : task.closer_name;
    return [
      {
        obligationId: row.id,
        recordId: task.id,
        at: task.closed_at,
        responsible: id
          ? [{ personId: id, name: name ?? "", role: unitTask ? "unitHead" : "secrecyOffice", acting: false }]
          : [],
      },
    ];
  });
}
