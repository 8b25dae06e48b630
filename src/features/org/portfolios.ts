/** Portfolios (分管): which leader oversees which area of which unit subtree, from when to when (Art. 4, 5, 11). */
import { assertEndsAfterStart } from "../../domain/dated.js";
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { overlap } from "../../domain/dated.js";
import { AppError } from "../../domain/errors.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { requirePermission } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { type PortfolioView } from "./contract.js";
import { endDatedRecord } from "./end-dated.js";
import { visiblePerson } from "./people.js";
import { visibleUnit } from "./units.js";

export function portfolioColumns(db: Kysely<Database>) {
  return db
    .selectFrom("portfolio")
    .innerJoin("person", "person.id", "portfolio.person_id")
    .innerJoin("unit", "unit.id", "portfolio.unit_id")
    .select([
      "portfolio.id",
      "portfolio.person_id",
      "person.name as person_name",
      "portfolio.unit_id",
      "unit.name as unit_name",
      "unit.path as unit_path",
      "portfolio.area",
      "portfolio.starts_on",
      "portfolio.ends_on",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof portfolioColumns>["executeTakeFirstOrThrow"]>>;

export function presentPortfolio(row: Row, today: string): PortfolioView {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    area: row.area,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    current: row.starts_on <= today && (row.ends_on === null || row.ends_on >= today),
  };
}

/** Assigns a portfolio; one leader per area and unit at a time, so responsibility is never ambiguous. */
export async function assignPortfolio(
  request: FastifyRequest,
  input: { personId: string; unitId: string; area: string; startsOn: string; endsOn?: string | null | undefined },
): Promise<string> {
  const unit = await visibleUnit(request, input.unitId);
  await visiblePerson(request, input.personId);
  await requirePermission(request, "org.manage", { unitPath: unit.path }, { type: "portfolio", id: null });
  const endsOn = input.endsOn ?? null;
  assertEndsAfterStart(input.startsOn, endsOn);
  const app = request.server;
  const id = uuidv7();
  await app.db.kysely.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom("portfolio")
      .innerJoin("person", "person.id", "portfolio.person_id")
      .select(["person.name", "portfolio.starts_on", "portfolio.ends_on"])
      .where("portfolio.unit_id", "=", input.unitId)
      .where("portfolio.area", "=", input.area)
      .execute();
    const clash = same.find((p) =>
      overlap({ startsOn: p.starts_on, endsOn: p.ends_on }, { startsOn: input.startsOn, endsOn }),
    );
    if (clash) {
      throw new AppError(
        "CONFLICT",
        {
          zh: `该单位此领域已由${clash.name}分管（自 ${clash.starts_on} 起），请先结束原分管`,
          en: `${clash.name} already holds this portfolio from ${clash.starts_on}; end it first`,
        },
        { issues: [{ field: "body.startsOn", message: "与现有分管重叠" }] },
      );
    }
    await trx
      .insertInto("portfolio")
      .values({
        id,
        person_id: input.personId,
        unit_id: input.unitId,
        area: input.area,
        starts_on: input.startsOn,
        ends_on: endsOn,
        created_by: request.auth?.account.id ?? null,
        created_at: toInstant(app.clock()),
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "portfolio.create",
      object: { type: "portfolio", id },
      result: "success",
      details: { ...input, endsOn },
    });
  });
  return id;
}

/** Ends a portfolio on a date (inclusive). */
export async function endPortfolio(request: FastifyRequest, id: string, endsOn: string): Promise<void> {
  const row = await portfolioColumns(request.server.db.kysely).where("portfolio.id", "=", id).executeTakeFirst();
  await endDatedRecord(request, { table: "portfolio", id, name: { zh: "分管", en: "portfolio" } }, row, endsOn);
}
