/** The checks every meeting route starts with: the meeting is visible, the actor runs it, the text carries no marking. */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { AppError } from "../../domain/errors.js";
import { type MeetingAction, nextMeetingStatus } from "../../domain/meeting.js";
import { authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { refuseMarking } from "../../platform/documents/marking-refusal.js";
import { scanText } from "../../platform/documents/marking-scan.js";
import { type Database } from "../../platform/db/schema.js";
import { canManageMeeting, canReadMeeting, MEETING_MANAGE, MEETING_READ } from "./policy.js";
import { meetingById, type MeetingRow } from "./queries.js";

export const meetingObject = (id: string) => ({ type: "meeting", id });

/** The meeting, if the actor may see it; otherwise an audited 404. */
export async function visibleMeeting(request: FastifyRequest, id: string): Promise<MeetingRow> {
  const row = await meetingById(request.server.db.kysely, id);
  if (!row || !canReadMeeting(authOf(request).actor, row.institution_path))
    return notVisible(request, MEETING_READ, meetingObject(id));
  return row;
}

/** The meeting, if the actor runs the institution's meetings (the secrecy office); 403 when only visible. */
export async function managedMeeting(request: FastifyRequest, id: string): Promise<MeetingRow> {
  const row = await visibleMeeting(request, id);
  if (!canManageMeeting(authOf(request).actor, row.institution_path))
    await deny(request, FORBIDDEN, { action: MEETING_MANAGE, object: meetingObject(id) });
  return row;
}

/** Refuses free text carrying a secrecy marking (DESIGN.md §1), audited. */
export async function refuseMarkedText(
  request: FastifyRequest,
  texts: readonly (string | null | undefined)[],
  object: { type: string; id: string | null },
): Promise<void> {
  for (const text of texts) {
    if (!text) continue;
    const found = scanText(text);
    if (found) await refuseMarking(request, found, object);
  }
}

/** A 400 naming the field, in both languages. */
export function badField(field: string, zh: string, en: string): AppError {
  return new AppError("VALIDATION_FAILED", { zh, en }, { issues: [{ field, message: zh }] });
}

/**
 * After a conditional update matched no row (someone else moved the meeting first): the 409 of the status it is in
 * now, so two concurrent sign-offs end as one success and one conflict naming “纪要已签发”.
 */
export async function refuseAsNow(db: Kysely<Database>, id: string, action: MeetingAction): Promise<never> {
  // Read through the transaction's own connection: on SQLite another read would wait for the lock it holds.
  const now = await meetingById(db, id);
  if (now) nextMeetingStatus(now.status, action);
  throw new AppError("CONFLICT", { zh: "会议状态已变化，请刷新后重试", en: "The meeting changed; reload" });
}
