/** The agreement list and the signing progress by unit, under the same visibility rule as a single read. */
import { keysetPage } from "../../domain/paging.js";
import { type FastifyRequest } from "fastify";
import { type Actor } from "../../domain/access.js";
import { type AgreementStatus } from "../../domain/agreement.js";
import { AppError } from "../../domain/errors.js";
import { visibleTo } from "../../platform/access/visible-to.js";
import { AGREEMENT_READ } from "./policy.js";
import { agreementColumns, type AgreementRow } from "./service.js";

export interface ListFilter {
  year?: number | undefined;
  status?: AgreementStatus | undefined;
  unitId?: string | undefined;
  templateId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** A keyset page of the agreements the actor may read; `unitId` narrows to that unit and the units below it. */
export async function listAgreements(
  request: FastifyRequest,
  actor: Actor,
  filter: ListFilter,
): Promise<{ rows: AgreementRow[]; nextCursor: string | null }> {
  const db = request.server.db.kysely;
  const unit = filter.unitId
    ? await db.selectFrom("unit").select("path").where("id", "=", filter.unitId).executeTakeFirst()
    : undefined;
  if (filter.unitId && !unit)
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "单位不存在", en: "No such unit" },
      { issues: [{ field: "query.unitId", message: "单位不存在" }] },
    );
  const scope = visibleTo(actor, AGREEMENT_READ, "unit.path");
  const personId = actor.personId;
  const rows = await agreementColumns(db)
    // Rows the actor may read, exactly as `canRead`: a scope over the unit, or their own as the signer.
    .where((eb) => (personId ? eb.or([scope, eb("agreement.person_id", "=", personId)]) : scope))
    .$if(unit !== undefined, (qb) => qb.where("unit.path", "like", `${unit?.path ?? ""}%`))
    .$if(filter.year !== undefined, (qb) => qb.where("batch.year", "=", filter.year ?? 0))
    .$if(filter.status !== undefined, (qb) => qb.where("agreement.status", "=", filter.status ?? "issued"))
    .$if(filter.templateId !== undefined, (qb) => qb.where("batch.template_id", "=", filter.templateId ?? ""))
    .$if(filter.cursor !== undefined, (qb) => qb.where("agreement.id", ">", filter.cursor ?? ""))
    .orderBy("agreement.id")
    .limit(filter.limit + 1)
    .execute();
  return keysetPage(rows, filter.limit, (row) => row.id);
}

interface Counts {
  issued: number;
  signed: number;
  outstanding: number;
  percentSigned: number;
}

const percent = (signed: number, issued: number) => (issued ? Math.round((signed / issued) * 1000) / 10 : 0);

function counts(signed: number, outstanding: number): Counts {
  const issued = signed + outstanding;
  return { issued, signed, outstanding, percentSigned: percent(signed, issued) };
}

/** Issued, signed and outstanding agreements of a year per unit in the actor's scope, and the totals. */
export async function agreementProgress(
  request: FastifyRequest,
  actor: Actor,
  year: number,
  templateId: string | undefined,
): Promise<{ year: number; units: (Counts & { unit: { id: string; name: string } })[]; totals: Counts }> {
  const rows = await request.server.db.kysely
    .selectFrom("agreement")
    .innerJoin("agreement_batch as batch", "batch.id", "agreement.batch_id")
    .innerJoin("unit", "unit.id", "agreement.unit_id")
    .select((eb) => ["unit.id", "unit.name", "unit.path", "agreement.status", eb.fn.countAll().as("n")])
    .where(visibleTo(actor, AGREEMENT_READ, "unit.path"))
    .where("batch.year", "=", year)
    .where("agreement.status", "in", ["issued", "signed"])
    .$if(templateId !== undefined, (qb) => qb.where("batch.template_id", "=", templateId ?? ""))
    .groupBy(["unit.id", "unit.name", "unit.path", "agreement.status"])
    .orderBy("unit.path")
    .execute();
  const units = new Map<string, { unit: { id: string; name: string }; signed: number; outstanding: number }>();
  for (const row of rows) {
    const entry = units.get(row.id) ?? { unit: { id: row.id, name: row.name }, signed: 0, outstanding: 0 };
    // pg answers count(*) as a string, SQLite as a number.
    if (row.status === "signed") entry.signed += Number(row.n);
    else entry.outstanding += Number(row.n);
    units.set(row.id, entry);
  }
  const list = [...units.values()].map((u) => ({ unit: u.unit, ...counts(u.signed, u.outstanding) }));
  const signed = list.reduce((sum, u) => sum + u.signed, 0);
  const outstanding = list.reduce((sum, u) => sum + u.outstanding, 0);
  return { year, units: list, totals: counts(signed, outstanding) };
}
