/** Clearance tiers of people (核心/重要/一般, 保密法 第四十三条), with dates; the full lifecycle comes with personnel. */
import { assertEndsAfterStart } from "../../domain/dated.js";
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { type Tier } from "../../domain/roles.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { type ClearanceView } from "./contract.js";

export function clearanceQuery(db: Kysely<Database>) {
  return db
    .selectFrom("clearance")
    .innerJoin("person", "person.id", "clearance.person_id")
    .leftJoin("unit", "unit.id", "person.unit_id")
    .select([
      "clearance.id",
      "clearance.person_id",
      "person.name as person_name",
      "unit.name as unit_name",
      "unit.path as unit_path",
      "clearance.tier",
      "clearance.starts_on",
      "clearance.ends_on",
      "clearance.created_at",
    ]);
}

type ClearanceRow = Awaited<ReturnType<ReturnType<typeof clearanceQuery>["executeTakeFirstOrThrow"]>>;

export function presentClearance(row: ClearanceRow, now: Date): ClearanceView {
  const today = dateIn(now);
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    unitName: row.unit_name,
    tier: row.tier,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    active: row.starts_on <= today && (row.ends_on === null || row.ends_on >= today),
    createdAt: row.created_at,
  };
}

/** Records a person's tier from a date. A person holds one tier at a time: an open one must be ended first. */
export async function createClearance(
  request: FastifyRequest,
  input: { personId: string; tier: Tier; startsOn: string; endsOn?: string | null | undefined },
): Promise<string> {
  const app = request.server;
  const endsOn = input.endsOn ?? null;
  assertEndsAfterStart(input.startsOn, endsOn);
  const id = uuidv7();
  const now = app.clock();
  await app.db.kysely.transaction().execute(async (trx) => {
    const person = await trx.selectFrom("person").select("id").where("id", "=", input.personId).executeTakeFirst();
    if (!person)
      throw new AppError(
        "VALIDATION_FAILED",
        { zh: "人员不存在", en: "No such person" },
        { issues: [{ field: "body.personId", message: "人员不存在" }] },
      );
    const overlapping = await trx
      .selectFrom("clearance")
      .select(["id", "tier", "starts_on"])
      .where("person_id", "=", input.personId)
      .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", input.startsOn)]))
      .$if(endsOn !== null, (qb) => qb.where("starts_on", "<=", endsOn ?? ""))
      .executeTakeFirst();
    if (overlapping) {
      throw new AppError(
        "CONFLICT",
        {
          zh: `该人员在此期间已有涉密等级记录（自 ${overlapping.starts_on} 起），请先终止原记录`,
          en: `The person already has a tier in that period (from ${overlapping.starts_on}); end it first`,
        },
        { conflictingClearanceId: overlapping.id },
      );
    }
    await trx
      .insertInto("clearance")
      .values({
        id,
        person_id: input.personId,
        tier: input.tier,
        starts_on: input.startsOn,
        ends_on: endsOn,
        granted_by: request.auth?.account.id ?? "",
        created_at: toInstant(now),
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "clearance.create",
      object: { type: "clearance", id },
      result: "success",
      details: { ...input, endsOn },
    });
  });
  return id;
}

/** Ends an open clearance on a date. */
export async function endClearance(request: FastifyRequest, id: string, endsOn: string): Promise<void> {
  const app = request.server;
  await app.db.kysely.transaction().execute(async (trx) => {
    const clearance = await trx
      .selectFrom("clearance")
      .select(["id", "starts_on", "ends_on"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!clearance) throw new AppError("NOT_FOUND", { zh: "涉密等级记录不存在", en: "No such clearance" });
    if (clearance.ends_on !== null)
      throw new AppError(
        "CONFLICT",
        { zh: `该记录已于 ${clearance.ends_on} 终止`, en: `It already ended on ${clearance.ends_on}` },
        { state: "ended" },
      );
    assertEndsAfterStart(clearance.starts_on, endsOn);
    await trx.updateTable("clearance").set({ ends_on: endsOn }).where("id", "=", id).execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "clearance.end",
      object: { type: "clearance", id },
      result: "success",
      details: { endsOn },
    });
  });
}
