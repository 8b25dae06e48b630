/** The unit tree: add a unit under another, rename, re-code, designate as classified, close. Never deleted. */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { authorize } from "../../domain/access.js";
import { AppError } from "../../domain/errors.js";
import { authOf, auditContext } from "../../platform/access/request-auth.js";
import { notVisible, requirePermission } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database, type UnitTable } from "../../platform/db/schema.js";
import { type UnitView } from "./contract.js";

export function presentUnit(
  row: Pick<UnitTable, "id" | "parent_id" | "path" | "name" | "kind" | "sort_order"> & {
    code: string | null;
    classified: 0 | 1;
    closed_on: string | null;
  },
  canManage: boolean,
): UnitView {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    name: row.name,
    kind: row.kind,
    code: row.code,
    classified: row.classified === 1,
    sortOrder: row.sort_order,
    closedOn: row.closed_on,
    abilities: { manage: canManage },
  };
}

export function unitColumns(db: Kysely<Database>) {
  return db
    .selectFrom("unit")
    .select(["id", "parent_id", "path", "name", "kind", "sort_order", "code", "classified", "closed_on"]);
}

/** A unit the actor may see, or an audited 404. */
export async function visibleUnit(request: FastifyRequest, unitId: string) {
  const row = await unitColumns(request.server.db.kysely).where("id", "=", unitId).executeTakeFirst();
  if (!row || !authorize(authOf(request).actor, "unit.read", { unitPath: row.path }))
    return notVisible(request, "unit.read", { type: "unit", id: unitId });
  return row;
}

function codeTaken(code: string): AppError {
  return new AppError(
    "CONFLICT",
    { zh: `单位代码“${code}”已被使用`, en: `The unit code "${code}" is taken` },
    { issues: [{ field: "body.code", message: "单位代码已被使用" }] },
  );
}

/** Adds a unit under a parent the actor manages. */
export async function createUnit(
  request: FastifyRequest,
  input: {
    parentId: string;
    name: string;
    kind: UnitTable["kind"];
    code?: string | null | undefined;
    classified: boolean;
    sortOrder: number;
  },
): Promise<string> {
  const parent = await visibleUnit(request, input.parentId);
  await requirePermission(request, "org.manage", { unitPath: parent.path }, { type: "unit", id: null });
  const app = request.server;
  const id = uuidv7();
  const at = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    if (input.code && (await trx.selectFrom("unit").select("id").where("code", "=", input.code).executeTakeFirst()))
      throw codeTaken(input.code);
    await trx
      .insertInto("unit")
      .values({
        id,
        parent_id: parent.id,
        path: `${parent.path}${id}/`,
        name: input.name,
        kind: input.kind,
        code: input.code ?? null,
        classified: input.classified ? 1 : 0,
        sort_order: input.sortOrder,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "unit.create",
      object: { type: "unit", id },
      result: "success",
      details: { ...input },
    });
  });
  return id;
}

/** Changes a unit's name, code, designation, order, or closes it. */
export async function updateUnit(
  request: FastifyRequest,
  unitId: string,
  change: {
    name?: string | undefined;
    code?: string | null | undefined;
    classified?: boolean | undefined;
    sortOrder?: number | undefined;
    closedOn?: string | null | undefined;
  },
): Promise<void> {
  const unit = await visibleUnit(request, unitId);
  await requirePermission(request, "org.manage", { unitPath: unit.path }, { type: "unit", id: unitId });
  const app = request.server;
  await app.db.kysely.transaction().execute(async (trx) => {
    if (
      change.code &&
      change.code !== unit.code &&
      (await trx.selectFrom("unit").select("id").where("code", "=", change.code).executeTakeFirst())
    )
      throw codeTaken(change.code);
    await trx
      .updateTable("unit")
      .set({
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.code !== undefined ? { code: change.code } : {}),
        ...(change.classified !== undefined ? { classified: change.classified ? 1 : 0 } : {}),
        ...(change.sortOrder !== undefined ? { sort_order: change.sortOrder } : {}),
        ...(change.closedOn !== undefined ? { closed_on: change.closedOn } : {}),
        updated_at: toInstant(app.clock()),
      })
      .where("id", "=", unitId)
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "unit.update",
      object: { type: "unit", id: unitId },
      result: "success",
      details: {
        before: {
          name: unit.name,
          code: unit.code,
          classified: unit.classified === 1,
          sortOrder: unit.sort_order,
          closedOn: unit.closed_on,
        },
        after: change,
      },
    });
  });
}
