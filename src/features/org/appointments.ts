/**
 * Appointments: a person holds a position in a unit from a date, perhaps acting, until it is ended. Ending is the
 * only change: the record of who held what, when, is what the resolver answers from, so it is never rewritten.
 */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { assertEndsAfterStart, overlap } from "../../domain/dated.js";
import { AppError } from "../../domain/errors.js";
import { type Policy } from "../../domain/policy/schema.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { requirePermission } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { type AppointmentView } from "./contract.js";
import { endDatedRecord } from "./end-dated.js";
import { visiblePerson } from "./people.js";
import { visibleUnit } from "./units.js";

export function appointmentColumns(db: Kysely<Database>) {
  return db
    .selectFrom("appointment")
    .innerJoin("person", "person.id", "appointment.person_id")
    .innerJoin("unit", "unit.id", "appointment.unit_id")
    .select([
      "appointment.id",
      "appointment.person_id",
      "person.name as person_name",
      "appointment.unit_id",
      "unit.name as unit_name",
      "unit.path as unit_path",
      "appointment.position",
      "appointment.acting",
      "appointment.starts_on",
      "appointment.ends_on",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof appointmentColumns>["executeTakeFirstOrThrow"]>>;

export function presentAppointment(row: Row, policy: Policy, today: string): AppointmentView {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    position: row.position,
    positionName: policy.positions.find((p) => p.code === row.position)?.name.zh ?? row.position,
    acting: row.acting === 1,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    current: row.starts_on <= today && (row.ends_on === null || row.ends_on >= today),
  };
}

const issue = (field: string, zh: string, en: string, code: "VALIDATION_FAILED" | "CONFLICT" = "VALIDATION_FAILED") =>
  new AppError(code, { zh, en }, { issues: [{ field, message: zh }] });

/** Appoints a person; refuses an unknown position, a person already holding it, or a one-holder seat already taken. */
export async function appoint(
  request: FastifyRequest,
  policy: Policy,
  input: {
    personId: string;
    unitId: string;
    position: string;
    acting: boolean;
    startsOn: string;
    endsOn?: string | null | undefined;
  },
): Promise<string> {
  const unit = await visibleUnit(request, input.unitId);
  await visiblePerson(request, input.personId);
  await requirePermission(request, "org.manage", { unitPath: unit.path }, { type: "appointment", id: null });
  const position = policy.positions.find((p) => p.code === input.position);
  if (!position)
    throw issue(
      "body.position",
      `职务“${input.position}”不在实施细则的职务表中`,
      `"${input.position}" is not a position of the implementing rules`,
    );
  const endsOn = input.endsOn ?? null;
  assertEndsAfterStart(input.startsOn, endsOn);
  const app = request.server;
  const id = uuidv7();
  await app.db.kysely.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("appointment")
      .innerJoin("person", "person.id", "appointment.person_id")
      .select(["appointment.person_id", "person.name", "appointment.starts_on", "appointment.ends_on"])
      .where("appointment.unit_id", "=", input.unitId)
      .where("appointment.position", "=", input.position)
      .execute();
    const clash = existing.find(
      (a) =>
        (a.person_id === input.personId || position.holders === "one") &&
        overlap({ startsOn: a.starts_on, endsOn: a.ends_on }, { startsOn: input.startsOn, endsOn }),
    );
    if (clash) {
      const until = clash.ends_on ?? "今";
      throw issue(
        "body.startsOn",
        `与现有任职重叠：${clash.name}自 ${clash.starts_on} 至 ${until} 任${position.name.zh}，请先结束原任职`,
        `Overlaps ${clash.name}'s appointment as ${position.name.en} from ${clash.starts_on} to ${clash.ends_on ?? "now"}; end it first`,
        "CONFLICT",
      );
    }
    await trx
      .insertInto("appointment")
      .values({
        id,
        person_id: input.personId,
        unit_id: input.unitId,
        position: input.position,
        acting: input.acting ? 1 : 0,
        starts_on: input.startsOn,
        ends_on: endsOn,
        created_by: request.auth?.account.id ?? null,
        created_at: toInstant(app.clock()),
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "appointment.create",
      object: { type: "appointment", id },
      result: "success",
      details: { ...input, endsOn },
    });
  });
  return id;
}

/** Ends an appointment on a date (inclusive). */
export async function endAppointment(request: FastifyRequest, id: string, endsOn: string): Promise<void> {
  const row = await appointmentColumns(request.server.db.kysely).where("appointment.id", "=", id).executeTakeFirst();
  await endDatedRecord(request, { table: "appointment", id, name: { zh: "任职", en: "appointment" } }, row, endsOn);
}
