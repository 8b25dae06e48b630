/** People: name, staff number and unit. Personal data kept to what responsibility needs (等保 T17). */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { authorize } from "../../domain/access.js";
import { AppError } from "../../domain/errors.js";
import { authOf, auditContext } from "../../platform/access/request-auth.js";
import { notVisible, requirePermission } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { type PersonView } from "./contract.js";
import { visibleUnit } from "./units.js";

export function personColumns(db: Kysely<Database>) {
  return db
    .selectFrom("person")
    .leftJoin("unit", "unit.id", "person.unit_id")
    .select([
      "person.id",
      "person.name",
      "person.staff_no",
      "person.email",
      "person.unit_id",
      "unit.name as unit_name",
      "unit.path as unit_path",
    ]);
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof personColumns>["executeTakeFirstOrThrow"]>>;

export function presentPerson(row: PersonRow, request: FastifyRequest): PersonView {
  return {
    id: row.id,
    name: row.name,
    staffNo: row.staff_no,
    email: row.email,
    unitId: row.unit_id,
    unitName: row.unit_name,
    abilities: { manage: authorize(authOf(request).actor, "org.manage", { unitPath: row.unit_path }) },
  };
}

/** A person the actor may see, or an audited 404. */
export async function visiblePerson(request: FastifyRequest, personId: string): Promise<PersonRow> {
  const row = await personColumns(request.server.db.kysely).where("person.id", "=", personId).executeTakeFirst();
  if (!row || !authorize(authOf(request).actor, "person.read", { unitPath: row.unit_path }))
    return notVisible(request, "person.read", { type: "person", id: personId });
  return row;
}

function staffNoTaken(staffNo: string): AppError {
  return new AppError(
    "CONFLICT",
    { zh: `工号“${staffNo}”已被使用`, en: `Staff number "${staffNo}" is taken` },
    { issues: [{ field: "body.staffNo", message: "工号已被使用" }] },
  );
}

export async function createPerson(
  request: FastifyRequest,
  input: { name: string; staffNo?: string | null | undefined; email?: string | null | undefined; unitId: string },
): Promise<string> {
  const unit = await visibleUnit(request, input.unitId);
  await requirePermission(request, "org.manage", { unitPath: unit.path }, { type: "person", id: null });
  const app = request.server;
  const id = uuidv7();
  const at = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    if (
      input.staffNo &&
      (await trx.selectFrom("person").select("id").where("staff_no", "=", input.staffNo).executeTakeFirst())
    )
      throw staffNoTaken(input.staffNo);
    await trx
      .insertInto("person")
      .values({
        id,
        name: input.name,
        staff_no: input.staffNo ?? null,
        email: input.email ?? null,
        unit_id: unit.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "person.create",
      object: { type: "person", id },
      result: "success",
      details: { unitId: unit.id },
    });
  });
  return id;
}

export async function updatePerson(
  request: FastifyRequest,
  personId: string,
  change: {
    name?: string | undefined;
    staffNo?: string | null | undefined;
    email?: string | null | undefined;
    unitId?: string | undefined;
  },
): Promise<void> {
  const person = await visiblePerson(request, personId);
  await requirePermission(request, "org.manage", { unitPath: person.unit_path }, { type: "person", id: personId });
  if (change.unitId) {
    const target = await visibleUnit(request, change.unitId);
    await requirePermission(request, "org.manage", { unitPath: target.path }, { type: "person", id: personId });
  }
  const app = request.server;
  await app.db.kysely.transaction().execute(async (trx) => {
    if (
      change.staffNo &&
      change.staffNo !== person.staff_no &&
      (await trx.selectFrom("person").select("id").where("staff_no", "=", change.staffNo).executeTakeFirst())
    ) {
      throw staffNoTaken(change.staffNo);
    }
    await trx
      .updateTable("person")
      .set({
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.staffNo !== undefined ? { staff_no: change.staffNo } : {}),
        ...(change.email !== undefined ? { email: change.email } : {}),
        ...(change.unitId !== undefined ? { unit_id: change.unitId } : {}),
        updated_at: toInstant(app.clock()),
      })
      .where("id", "=", personId)
      .execute();
    // Names are personal data: the audit entry says what changed, not the values.
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "person.update",
      object: { type: "person", id: personId },
      result: "success",
      details: { fields: Object.keys(change), unitId: change.unitId ?? null },
    });
  });
}
