/**
 * 审定签发 (实施细则第十条第（二）项, 第十二条第（一）项): the director — or a deputy under the director's dated delegation —
 * re-enters their password and signs the minutes. Signing numbers them (保委纪〔年〕号), freezes them (a database
 * trigger refuses any later change), turns each decision into a tracked task (督办), and discharges the obligations the
 * meeting answers. Corrections are addenda, signed the same way.
 */
import { type FastifyRequest } from "fastify";
import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "../../domain/errors.js";
import { nextMeetingStatus } from "../../domain/meeting.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { activePolicy } from "../policy/active-policy.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { eventObligations, insertEvent } from "../obligations/events.js";
import { dischargeByRecords } from "../obligations/records.js";
import { meetingObject, refuseAsNow, refuseMarkedText, managedMeeting, visibleMeeting } from "./guards.js";
import { committeeSignature, confirmSigner } from "./signer.js";

/** The event a decision of signed minutes raises for the unit it names (policy: art6.1.decision-task). */
const DECISION_EVENT = "committeeDecision.assigned";

const signatureOf = (parts: readonly (string | number | null)[]) => committeeSignature("minutes", parts);

/** Signs the minutes; of two concurrent sign-offs exactly one succeeds, the other is a 409 naming “纪要已签发”. */
export async function signMinutes(request: FastifyRequest, id: string, password: string): Promise<void> {
  const app = request.server;
  const row = await visibleMeeting(request, id);
  nextMeetingStatus(row.status, "signOff");
  const signer = await confirmSigner(request, row.institution_id, password, "meeting.sign", meetingObject(id));
  const db = app.db.kysely;
  const decisions = await db
    .selectFrom("minutes_decision")
    .selectAll()
    .where("meeting_id", "=", id)
    .orderBy("position")
    .execute();
  const now = app.clock();
  const signedAt = toInstant(now);
  const accountId = authOf(request).account.id;
  const { policy, sha256 } = await activePolicy(db);
  // Each decision is an event for the unit it names: its head's obligation to carry it out by the task's deadline
  // (第六条第（一）项), discharged when the office closes the task. A unit without a head raises none.
  const owners = decisions.length
    ? await db
        .selectFrom("unit")
        .select(["id", "kind"])
        .where(
          "id",
          "in",
          decisions.map((d) => d.owner_unit_id),
        )
        .execute()
    : [];
  const raised = await Promise.all(
    decisions.map(async (d) => {
      const event = {
        id: uuidv7(),
        name: DECISION_EVENT,
        institution: { id: row.institution_id },
        unit: owners.find((u) => u.id === d.owner_unit_id) ?? { id: d.owner_unit_id, kind: "unit" },
        occurredAt: now,
        summary: `${row.title}决定：${d.text}`.slice(0, 500),
      };
      const obligations = await eventObligations(db, policy, sha256, event, { dueOn: d.due_on, now });
      return { decision: d, event, obligations };
    }),
  );
  let fulfilled = 0;
  await db.transaction().execute(async (trx) => {
    // Numbered per institution and year in signing order; the unique index refuses a duplicate number outright.
    const last = await trx
      .selectFrom("meeting")
      .select(sql<number | null>`max(minutes_sequence)`.as("n"))
      .where("institution_id", "=", row.institution_id)
      .where("year", "=", row.year)
      .executeTakeFirst();
    const sequence = Number(last?.n ?? 0) + 1;
    const signature = signatureOf([
      id,
      row.title,
      row.minutes_text,
      JSON.stringify(decisions.map((d) => [d.text, d.owner_unit_id, d.due_on])),
      signer.personId,
      accountId,
      signedAt,
    ]);
    const result = await trx
      .updateTable("meeting")
      .set({
        status: "signed",
        minutes_sequence: sequence,
        signed_by_account: accountId,
        signed_by_person: signer.personId,
        signed_as: signer.signedAs,
        delegation_id: signer.delegation?.id ?? null,
        signed_at: signedAt,
        signature,
        updated_at: signedAt,
      })
      .where("id", "=", id)
      .where("status", "=", "minutesDrafted")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) await refuseAsNow(trx, id, "signOff");
    // Each decision becomes a tracked task (督办) of its owner unit, due when the minutes say.
    for (const r of raised)
      if (r.obligations.length > 0) await insertEvent(trx, r.event, r.obligations, accountId, now);
    if (decisions.length > 0)
      await trx
        .insertInto("tracked_task")
        .values(
          raised.map(({ decision: d, event, obligations }) => ({
            id: uuidv7(),
            institution_id: row.institution_id,
            meeting_id: id,
            decision_id: d.id,
            title: d.text,
            owner_unit_id: d.owner_unit_id,
            due_on: d.due_on,
            status: "open" as const,
            report_summary: null,
            reported_by: null,
            reported_at: null,
            closed_by: null,
            closed_at: null,
            created_at: signedAt,
            updated_at: signedAt,
            event_id: obligations.length > 0 ? event.id : null,
          })),
        )
        .execute();
    // A meeting early in January may be the previous autumn semester's (it runs to late January): both years are asked.
    for (const year of [Number(row.year) - 1, Number(row.year)])
      fulfilled += await dischargeByRecords(trx, policy, row.institution_id, year, now);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.sign",
      object: meetingObject(id),
      result: "success",
      details: {
        signedAs: signer.signedAs,
        delegationId: signer.delegation?.id ?? null,
        sequence,
        signature,
        tasks: decisions.length,
        taskObligations: raised.reduce((n, r) => n + r.obligations.length, 0),
        obligationsFulfilled: fulfilled,
      },
    });
  });
  touchObligations();
}

/** The office drafts a correction to signed minutes (补充纪要); it counts once signed. */
export async function draftAddendum(request: FastifyRequest, id: string, text: string): Promise<void> {
  const app = request.server;
  const row = await managedMeeting(request, id);
  nextMeetingStatus(row.status, "addAddendum");
  await refuseMarkedText(request, [text], meetingObject(id));
  const addendumId = uuidv7();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("meeting_addendum")
      .values({
        id: addendumId,
        meeting_id: id,
        text,
        drafted_by: authOf(request).account.id,
        drafted_at: toInstant(app.clock()),
        signed_by_account: null,
        signed_by_person: null,
        signed_as: null,
        delegation_id: null,
        signed_at: null,
        signature: null,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.addendum",
      object: meetingObject(id),
      result: "success",
      details: { addendumId, length: text.length },
    });
  });
}

/** Signs an addendum, as the minutes are signed; a signed addendum is final like them. */
export async function signAddendum(
  request: FastifyRequest,
  id: string,
  addendumId: string,
  password: string,
): Promise<void> {
  const app = request.server;
  const row = await visibleMeeting(request, id);
  const addendum = await app.db.kysely
    .selectFrom("meeting_addendum")
    .selectAll()
    .where("id", "=", addendumId)
    .where("meeting_id", "=", id)
    .executeTakeFirst();
  if (!addendum) throw new AppError("NOT_FOUND", { zh: "补充纪要不存在", en: "No such addendum" });
  if (addendum.signed_at)
    throw new AppError(
      "CONFLICT",
      { zh: "该补充纪要已签发，不得修改", en: "The addendum is already signed" },
      { state: "signed" },
    );
  const signer = await confirmSigner(request, row.institution_id, password, "meeting.addendumSign", meetingObject(id));
  const signedAt = toInstant(app.clock());
  const accountId = authOf(request).account.id;
  const signature = signatureOf([id, addendumId, addendum.text, signer.personId, accountId, signedAt]);
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("meeting_addendum")
      .set({
        signed_by_account: accountId,
        signed_by_person: signer.personId,
        signed_as: signer.signedAs,
        delegation_id: signer.delegation?.id ?? null,
        signed_at: signedAt,
        signature,
      })
      .where("id", "=", addendumId)
      .where("signed_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new AppError(
        "CONFLICT",
        { zh: "该补充纪要已签发，不得修改", en: "The addendum is already signed" },
        { state: "signed" },
      );
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "meeting.addendumSign",
      object: meetingObject(id),
      result: "success",
      details: { addendumId, signedAs: signer.signedAs, signature },
    });
  });
}
