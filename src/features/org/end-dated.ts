/**
 * Ending an appointment or a portfolio: the one change their records allow. The record must be visible and in the
 * actor's managed scope, not already ended by that date, and not end before it began; the change commits with its
 * audit entry.
 */
import { type FastifyRequest } from "fastify";
import { assertEndsAfterStart } from "../../domain/dated.js";
import { AppError, type Localized } from "../../domain/errors.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { requirePermission } from "../../platform/access/require.js";
import { visibleUnit } from "./units.js";

interface DatedRow {
  unit_id: string;
  unit_path: string;
  starts_on: string;
  ends_on: string | null;
}

export async function endDatedRecord(
  request: FastifyRequest,
  what: { table: "appointment" | "portfolio"; id: string; name: Localized },
  row: DatedRow | undefined,
  endsOn: string,
): Promise<void> {
  const { table, id, name } = what;
  if (!row) throw new AppError("NOT_FOUND", { zh: `${name.zh}记录不存在`, en: `No such ${name.en}` });
  await visibleUnit(request, row.unit_id);
  await requirePermission(request, "org.manage", { unitPath: row.unit_path }, { type: table, id });
  if (row.ends_on !== null && row.ends_on <= endsOn) {
    throw new AppError(
      "CONFLICT",
      { zh: `该${name.zh}已于 ${row.ends_on} 结束`, en: `The ${name.en} already ended on ${row.ends_on}` },
      { state: "ended" },
    );
  }
  assertEndsAfterStart(row.starts_on, endsOn);
  const app = request.server;
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable(table).set({ ends_on: endsOn }).where("id", "=", id).execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: `${table}.end`,
      object: { type: table, id },
      result: "success",
      details: { endsOn, before: row.ends_on },
    });
  });
}
