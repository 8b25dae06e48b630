/**
 * Events (DESIGN.md §4, per-event deadlines): when something happens that a duty answers — a leak discovered (report
 * within 24 hours, 实施细则第十三条第（八）项; 保密法实施条例第六十一条), an extraordinary meeting called, a cleared person
 * taking up the post — the secrecy office records it and the obligations it raises exist from that moment.
 */
import { type Kysely } from "kysely";
import { type Policy } from "../../domain/policy/schema.js";
import { type Database } from "../../platform/db/schema.js";
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { eventDeadline } from "../../domain/periods.js";
import { pathIds } from "../../domain/responsibility.js";
import { authorize } from "../../domain/access.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { notVisible, requirePermission } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { refuseMarking } from "../../platform/documents/marking-refusal.js";
import { scanText } from "../../platform/documents/marking-scan.js";
import { activePolicy } from "../policy/active-policy.js";
import { type Bearer, BearerDirectory } from "./bearers.js";
import { type RaiseEventRequestSchema } from "./contract.js";
import { touchObligations } from "./dashboard-cache.js";
import { insertObligations, obligationRow } from "./materialize.js";
import { type PlannedObligation } from "./plan.js";
import { OBLIGATION_MANAGE } from "./service.js";
import { type z } from "zod";

const bad = (field: string, zh: string, en: string) =>
  new AppError("VALIDATION_FAILED", { zh, en }, { issues: [{ field: `body.${field}`, message: zh }] });

/** Records the event and creates the obligations it raises; returns the event id and the new obligations' ids. */
export async function raiseEvent(
  request: FastifyRequest,
  body: z.infer<typeof RaiseEventRequestSchema>,
): Promise<{ id: string; obligationIds: string[] }> {
  const app = request.server;
  const db = app.db.kysely;
  const { policy, sha256 } = await activePolicy(db);
  const duties = policy.duties.filter((d) => d.cadence.every === "event" && d.cadence.event === body.event);
  if (duties.length === 0)
    throw bad("event", "现行实施细则中没有因该事件产生的职责", "No duty of the policy answers this event");
  const unit = await db
    .selectFrom("unit")
    .select(["id", "path", "kind"])
    .where("id", "=", body.unitId)
    .executeTakeFirst();
  if (!unit) throw bad("unitId", "单位不存在", "No such unit");
  // A unit the actor cannot see is not there for them (404); one they see but do not manage is a 403.
  if (!authorize(authOf(request).actor, "unit.read", { unitPath: unit.path }))
    return notVisible(request, OBLIGATION_MANAGE, { type: "unit", id: unit.id });
  await requirePermission(request, OBLIGATION_MANAGE, { unitPath: unit.path }, { type: "unit", id: unit.id });
  const found = scanText(body.summary);
  if (found) await refuseMarking(request, found, { type: "unit", id: unit.id });

  const institution = await db
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("id", "in", pathIds(unit.path))
    .where("kind", "=", "institution")
    .orderBy("path", "desc")
    .executeTakeFirst();
  if (!institution) throw bad("unitId", "该单位不属于任何院校", "The unit belongs to no institution");
  const person = body.personId
    ? await db.selectFrom("person").select(["id", "name", "unit_id"]).where("id", "=", body.personId).executeTakeFirst()
    : undefined;
  if (body.personId && !person) throw bad("personId", "人员不存在", "No such person");

  const occurredAt = new Date(body.occurredAt);
  const event = { id: uuidv7(), name: body.event, institution, unit, occurredAt, summary: body.summary };
  const rows = await eventObligations(db, policy, sha256, event, { person, now: app.clock() });
  if (rows.length === 0)
    throw bad("personId", "该事件须指明所涉人员（如上岗的涉密人员）", "Name the person this event concerns");

  await db.transaction().execute(async (trx) => {
    await insertEvent(trx, event, rows, request.auth?.account.id ?? null, app.clock());
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "obligation.event",
      object: { type: "obligationEvent", id: event.id },
      result: "success",
      details: { event: body.event, unitId: unit.id, obligations: rows.length },
    });
  });
  touchObligations();
  return { id: event.id, obligationIds: rows.map((r) => r.id) };
}

/** An event as recorded: what happened, where, when. */
export interface EventRecord {
  id: string;
  /** The policy's name for it: "higherDocument.received", "committeeDecision.assigned", … */
  name: string;
  institution: { id: string };
  unit: { id: string; kind: string };
  occurredAt: Date;
  summary: string;
}

/**
 * The obligations an event raises: one per duty the policy answers it with and bearer of that duty — none when no
 * one bears it (a unit without a head). `dueOn` sets the due day where the event itself names one (a tracked task's
 * deadline); otherwise an hour deadline or none, as the duty says.
 */
export async function eventObligations(
  db: Kysely<Database>,
  policy: Policy,
  policyVersion: string,
  event: EventRecord,
  options: { person?: { id: string; name: string; unit_id: string | null } | undefined; dueOn?: string; now: Date },
): Promise<ReturnType<typeof obligationRow>[]> {
  const duties = policy.duties.filter((d) => d.cadence.every === "event" && d.cadence.event === event.name);
  const institution = await db
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("id", "=", event.institution.id)
    .executeTakeFirstOrThrow();
  const day = dateIn(event.occurredAt);
  const directory = new BearerDirectory(db, policy, institution);
  const planned: PlannedObligation[] = [];
  for (const duty of duties) {
    if (duty.cadence.every !== "event") continue;
    const bearers = await eventBearers(directory, duty.bearer, event.unit, options.person, day);
    const deadline = duty.cadence.withinHours ? eventDeadline(event.occurredAt, duty.cadence.withinHours) : null;
    const dueOn = options.dueOn ?? (deadline ? dateIn(deadline) : null);
    for (const bearer of bearers)
      planned.push({
        duty,
        bearer,
        period: { id: event.id, kind: "event", startsOn: day, endsOn: dueOn ?? day },
        year: Number(day.slice(0, 4)),
        dueOn,
        dueAt: deadline ? toInstant(deadline) : null,
        eventId: event.id,
      });
  }
  return planned.map((p) => obligationRow(p, institution.id, policyVersion, options.now));
}

/** Records the event and inserts the obligations it raised, in the caller's transaction. */
export async function insertEvent(
  trx: Kysely<Database>,
  event: EventRecord,
  rows: ReturnType<typeof obligationRow>[],
  raisedBy: string | null,
  now: Date,
): Promise<void> {
  await trx
    .insertInto("obligation_event")
    .values({
      id: event.id,
      institution_id: event.institution.id,
      unit_id: event.unit.id,
      event: event.name,
      occurred_at: toInstant(event.occurredAt),
      summary: event.summary,
      raised_by: raisedBy,
      created_at: toInstant(now),
    })
    .execute();
  await insertObligations(trx, rows);
}

/** Who bears an event duty: the unit it happened in, the person it concerns, or the role holders of the institution. */
async function eventBearers(
  directory: BearerDirectory,
  role: PlannedObligation["duty"]["bearer"],
  unit: { id: string; kind: string },
  person: { id: string; name: string; unit_id: string | null } | undefined,
  day: string,
): Promise<Bearer[]> {
  if (role === "unitHead") {
    const units = await directory.bearers("unitHead", day);
    return units.filter((b) => b.unitId === unit.id);
  }
  if (role === "clearedPerson")
    return person
      ? [{ key: `person:${person.id}`, unitId: person.unit_id ?? unit.id, personId: person.id, name: person.name }]
      : [];
  const all = await directory.bearers(role, day);
  // A committee member answers for the units of their seat (Art. 11(4)); the others for the whole institution.
  if (role === "member") {
    const own = all.filter((b) => b.unitId === unit.id);
    return own.length ? own : all;
  }
  return all;
}
