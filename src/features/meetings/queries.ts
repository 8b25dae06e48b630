/** Reading meetings and tracked tasks: one row with what the presenter needs, and the lists as the actor may see them. */
import { type Kysely } from "kysely";
import { type Actor } from "../../domain/access.js";
import { type MeetingKind, type MeetingStatus, type TaskStatus } from "../../domain/meeting.js";
import { keysetPage } from "../../domain/paging.js";
import { type Permission } from "../../domain/permissions.js";
import { type Database } from "../../platform/db/schema.js";
import { reachesInstitution } from "./policy.js";
import { dateIn } from "../../domain/calendar.js";
import { fromInstant } from "../../platform/db/instants.js";

type Db = Kysely<Database>;

export function meetingColumns(db: Db) {
  return db
    .selectFrom("meeting")
    .innerJoin("unit as institution", "institution.id", "meeting.institution_id")
    .selectAll("meeting")
    .select(["institution.name as institution_name", "institution.path as institution_path"]);
}
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingColumns>["executeTakeFirstOrThrow"]>>;

export function meetingById(db: Db, id: string): Promise<MeetingRow | undefined> {
  return meetingColumns(db).where("meeting.id", "=", id).executeTakeFirst();
}

/**
 * The institutions whose meetings the actor reaches with the permission. A deployment holds one institution or, for
 * a province, a few hundred: deciding in memory is cheaper and clearer than a path test in both directions in SQL.
 */
export async function reachableInstitutions(db: Db, actor: Actor, permission: Permission): Promise<string[]> {
  const all = await db.selectFrom("unit").select(["id", "path"]).where("kind", "=", "institution").execute();
  return all.filter((unit) => reachesInstitution(actor, permission, unit.path)).map((unit) => unit.id);
}

export interface MeetingFilter {
  year?: number | undefined;
  kind?: MeetingKind | undefined;
  status?: MeetingStatus | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Newest first; the cursor is `plannedAt|id` of the last row. */
export async function listMeetings(db: Db, actor: Actor, filter: MeetingFilter) {
  const institutions = await reachableInstitutions(db, actor, "meeting.read");
  if (institutions.length === 0) return { rows: [], nextCursor: null };
  const [at, id] = (filter.cursor ?? "").split("|");
  const rows = await meetingColumns(db)
    .where("meeting.institution_id", "in", institutions)
    .$if(filter.year !== undefined, (q) => q.where("meeting.year", "=", filter.year ?? 0))
    .$if(filter.kind !== undefined, (q) => q.where("meeting.kind", "=", filter.kind ?? "regular"))
    .$if(filter.status !== undefined, (q) => q.where("meeting.status", "=", filter.status ?? "draft"))
    .$if(Boolean(at && id), (q) =>
      q.where((eb) =>
        eb.or([
          eb("meeting.planned_at", "<", at ?? ""),
          eb.and([eb("meeting.planned_at", "=", at ?? ""), eb("meeting.id", "<", id ?? "")]),
        ]),
      ),
    )
    .orderBy("meeting.planned_at", "desc")
    .orderBy("meeting.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  return keysetPage(rows, filter.limit, (row) => `${row.planned_at}|${row.id}`);
}

export function taskColumns(db: Db) {
  return db
    .selectFrom("tracked_task")
    .innerJoin("unit as owner", "owner.id", "tracked_task.owner_unit_id")
    .innerJoin("unit as institution", "institution.id", "tracked_task.institution_id")
    .leftJoin("meeting", "meeting.id", "tracked_task.meeting_id")
    .selectAll("tracked_task")
    .select([
      "owner.name as owner_name",
      "owner.path as owner_path",
      "institution.path as institution_path",
      "meeting.title as meeting_title",
      "meeting.year as meeting_year",
      "meeting.minutes_sequence as meeting_sequence",
    ]);
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof taskColumns>["executeTakeFirstOrThrow"]>>;

export interface TaskFilter {
  status?: TaskStatus | undefined;
  unitPath?: string | undefined;
  meetingId?: string | undefined;
  overdueOn?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The list query of /api/tasks as a filter: a unit id becomes its path (an unknown unit matches nothing). */
export async function taskFilter(
  db: Db,
  query: {
    status?: TaskStatus | undefined;
    unitId?: string | undefined;
    meetingId?: string | undefined;
    overdue?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
  today: string,
): Promise<TaskFilter> {
  let unitPath: string | undefined;
  if (query.unitId) {
    const unit = await db.selectFrom("unit").select("path").where("id", "=", query.unitId).executeTakeFirst();
    unitPath = unit?.path ?? "\u0000none";
  }
  return {
    status: query.status,
    unitPath,
    meetingId: query.meetingId,
    overdueOn: query.overdue === "true" ? today : undefined,
    cursor: query.cursor,
    limit: query.limit,
  };
}

/** Soonest due first; the cursor is `dueOn|id` of the last row. */
export async function listTasks(db: Db, actor: Actor, filter: TaskFilter) {
  const institutions = await reachableInstitutions(db, actor, "meeting.read");
  if (institutions.length === 0) return { rows: [], nextCursor: null };
  const [due, id] = (filter.cursor ?? "").split("|");
  const rows = await taskColumns(db)
    .where("tracked_task.institution_id", "in", institutions)
    .$if(filter.status !== undefined, (q) => q.where("tracked_task.status", "=", filter.status ?? "open"))
    .$if(filter.unitPath !== undefined, (q) => q.where("owner.path", "like", `${filter.unitPath ?? ""}%`))
    .$if(filter.meetingId !== undefined, (q) => q.where("tracked_task.meeting_id", "=", filter.meetingId ?? ""))
    .$if(filter.overdueOn !== undefined, (q) =>
      q.where("tracked_task.status", "!=", "closed").where("tracked_task.due_on", "<", filter.overdueOn ?? ""),
    )
    .$if(Boolean(due && id), (q) =>
      q.where((eb) =>
        eb.or([
          eb("tracked_task.due_on", ">", due ?? ""),
          eb.and([eb("tracked_task.due_on", "=", due ?? ""), eb("tracked_task.id", ">", id ?? "")]),
        ]),
      ),
    )
    .orderBy("tracked_task.due_on")
    .orderBy("tracked_task.id")
    .limit(filter.limit + 1)
    .execute();
  return keysetPage(rows, filter.limit, (row) => `${row.due_on}|${row.id}`);
}

/** The meeting's day in the institution's time zone: the day its roster, signer and period are judged on. */
export function meetingDay(row: Pick<MeetingRow, "held_at" | "planned_at">): string {
  return dateIn(fromInstant(row.held_at ?? row.planned_at));
}
