/**
 * Reading obligations: one filter builder for the list, the export, the calendar and the dashboard's drill-downs,
 * under the same visibility rule as a single read — a scope over the bearer's unit, or the actor's own.
 */
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import { type Actor, scopesFor } from "../../domain/access.js";
import { AppError } from "../../domain/errors.js";
import { statusBounds, type ObligationStatus, type ObligationTimings } from "../../domain/obligation.js";
import { keysetPage } from "../../domain/paging.js";
import { type Policy } from "../../domain/policy/schema.js";
import { visibleTo } from "../../platform/access/visible-to.js";
import { type Database } from "../../platform/db/schema.js";
import { type ObligationFilters } from "./contract.js";

type Db = Kysely<Database>;
type Eb = ExpressionBuilder<Database & { o: Database["obligation"] }, "o">;

export const OBLIGATION_READ = "obligation.read" as const;

/** The obligation with its bearer unit's name and path. */
export function obligationColumns(db: Db) {
  return db
    .selectFrom("obligation as o")
    .innerJoin("unit as u", "u.id", "o.bearer_unit_id")
    .selectAll("o")
    .select(["u.name as unit_name", "u.path as unit_path"]);
}

export type ObligationRow = Awaited<ReturnType<ReturnType<typeof obligationColumns>["executeTakeFirstOrThrow"]>>;

/** The bearer unit lies in the units a condition on `unit` (as `v`) selects: one set, looked up per row by id. */
function bearerUnitIn(eb: Eb, condition: Expression<SqlBool>): Expression<SqlBool> {
  return eb("o.bearer_unit_id", "in", eb.selectFrom("unit as v").select("v.id").where(condition));
}

/**
 * Rows the actor may read: a scope over the bearer's unit, or an obligation they bear themselves. An actor whose
 * scopes cover every root of the tree (a provincial office) reads every row: no condition, so the dashboard's
 * counts run on the covering indexes alone.
 */
export function readableBy(eb: Eb, actor: Actor, seesAll: boolean): Expression<SqlBool> {
  if (seesAll) return sql<SqlBool>`1 = 1`;
  const scope = bearerUnitIn(eb, visibleTo(actor, OBLIGATION_READ, "v.path"));
  return actor.personId ? eb.or([scope, eb("o.bearer_person_id", "=", actor.personId)]) : scope;
}

/** Whether the actor's read scopes cover every root unit (and so every unit). */
async function coversEverything(db: Db, actor: Actor): Promise<boolean> {
  const scopes = scopesFor(actor, OBLIGATION_READ);
  if (scopes === "all") return true;
  if (scopes.length === 0) return false;
  const roots = await db.selectFrom("unit").select("path").where("parent_id", "is", null).execute();
  return roots.length > 0 && roots.every((root) => scopes.some((scope) => root.path.startsWith(scope)));
}

/** The SQL condition of a status on a day (status is derived: state, due date, lead time). */
export function statusCondition(
  eb: Eb,
  status: ObligationStatus,
  today: string,
  timings: ObligationTimings,
  now: string,
): Expression<SqlBool> {
  const { soonFrom } = statusBounds(today, timings);
  const open = eb("o.state", "=", "open");
  // Hour deadlines (due_at) are judged by the instant, as statusOf does: due soon until the hour, then overdue.
  const byHour = eb("o.due_at", "is not", null);
  const byDay = eb("o.due_at", "is", null);
  switch (status) {
    case "fulfilled":
    case "waived":
      return eb("o.state", "=", status);
    case "overdue":
      return eb.and([
        open,
        eb.or([eb.and([byDay, eb("o.due_on", "<", today)]), eb.and([byHour, eb("o.due_at", "<", now)])]),
      ]);
    case "dueSoon":
      return eb.and([
        open,
        eb.or([
          eb.and([byDay, eb("o.due_on", ">=", today), eb("o.due_on", "<=", soonFrom)]),
          eb.and([byHour, eb("o.due_at", ">=", now)]),
        ]),
      ]);
    case "open":
      return eb.and([open, byDay, eb.or([eb("o.due_on", "is", null), eb("o.due_on", ">", soonFrom)])]);
  }
}

const badFilter = (field: string, zh: string, en: string) =>
  new AppError("VALIDATION_FAILED", { zh, en }, { issues: [{ field: `query.${field}`, message: zh }] });

/** Units the person answers for today as head or office staff: "mine" includes those units' obligations. */
async function unitsHeadedBy(db: Db, policy: Policy, personId: string, today: string): Promise<string[]> {
  const positions = policy.roles
    .filter((r) => r.id === "unitHead" || r.id === "secrecyOffice")
    .flatMap((r) => (r.filledBy.kind === "position" ? r.filledBy.positions : []));
  if (positions.length === 0) return [];
  const rows = await db
    .selectFrom("appointment")
    .select("unit_id")
    .where("person_id", "=", personId)
    .where("position", "in", positions)
    .where("starts_on", "<=", today)
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", today)]))
    .execute();
  return rows.map((r) => r.unit_id);
}

/** Everything a filter set needs resolved before the query: the unit's path, the actor's own units. */
export interface ResolvedFilters extends ObligationFilters {
  /** The instant hour deadlines are judged at. */
  now: string;
  unitPath?: string;
  /** The actor reads every obligation (coversEverything). */
  seesAll?: boolean;
  mineUnits?: string[];
}

/** Checks and resolves the filters (an unknown unit is a 400 naming the field). */
export async function resolveFilters(
  db: Db,
  policy: Policy,
  actor: Actor,
  filters: ObligationFilters,
  now: Date,
): Promise<ResolvedFilters> {
  const resolved: ResolvedFilters = { ...filters, now: now.toISOString(), seesAll: await coversEverything(db, actor) };
  if (filters.unitId) {
    const unit = await db.selectFrom("unit").select("path").where("id", "=", filters.unitId).executeTakeFirst();
    if (!unit) throw badFilter("unitId", "单位不存在", "No such unit");
    resolved.unitPath = unit.path;
  }
  if (filters.dueFrom && filters.dueTo && filters.dueTo < filters.dueFrom)
    throw badFilter("dueTo", "截止日期范围的结束不能早于开始", "dueTo is before dueFrom");
  if (filters.mine === "true")
    resolved.mineUnits = actor.personId ? await unitsHeadedBy(db, policy, actor.personId, actor.today) : [];
  return resolved;
}

/** The WHERE of a resolved filter set, visibility included. */
export function filtered(
  eb: Eb,
  actor: Actor,
  f: ResolvedFilters,
  today: string,
  timings: ObligationTimings,
): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [readableBy(eb, actor, f.seesAll === true)];
  if (f.year !== undefined) all.push(eb("o.year", "=", f.year));
  if (f.article)
    all.push(
      f.article.includes(".")
        ? eb("o.article", "=", f.article)
        : eb.or([eb("o.article", "=", f.article), eb("o.article", "like", `${f.article}.%`)]),
    );
  if (f.dutyId) all.push(eb("o.duty_id", "=", f.dutyId));
  if (f.bearerRole) all.push(eb("o.bearer_role", "=", f.bearerRole));
  if (f.unitPath !== undefined) all.push(bearerUnitIn(eb, sql<SqlBool>`v.path like ${`${f.unitPath}%`}`));
  if (f.personId) all.push(eb("o.bearer_person_id", "=", f.personId));
  if (f.periodId) all.push(eb("o.period_id", "=", f.periodId));
  if (f.dueFrom) all.push(eb("o.due_on", ">=", f.dueFrom));
  if (f.dueTo) all.push(eb("o.due_on", "<=", f.dueTo));
  if (f.status) all.push(statusCondition(eb, f.status, today, timings, f.now));
  if (f.mineUnits !== undefined) {
    const mine: Expression<SqlBool>[] = [];
    if (actor.personId) mine.push(eb("o.bearer_person_id", "=", actor.personId));
    if (f.mineUnits.length)
      mine.push(eb.and([eb("o.bearer_person_id", "is", null), eb("o.bearer_unit_id", "in", f.mineUnits)]));
    all.push(mine.length ? eb.or(mine) : sql<SqlBool>`1 = 0`);
  }
  return eb.and(all);
}

/** The sort key: by due date (undated last), then id. */
const DUE_KEY = sql<string>`coalesce(o.due_on, '9999-12-31')`;

/** A keyset page of the obligations the actor may read, soonest due first. */
export async function listObligations(
  db: Db,
  actor: Actor,
  filters: ResolvedFilters,
  page: { cursor?: string | undefined; limit: number },
  today: string,
  timings: ObligationTimings,
): Promise<{ rows: ObligationRow[]; nextCursor: string | null }> {
  const [due = "", id = ""] = page.cursor?.split("|") ?? [];
  const rows = await obligationColumns(db)
    .where((eb) => filtered(eb, actor, filters, today, timings))
    .$if(page.cursor !== undefined, (qb) =>
      qb.where((eb) => eb.or([eb(DUE_KEY, ">", due), eb.and([eb(DUE_KEY, "=", due), eb("o.id", ">", id)])])),
    )
    .orderBy(DUE_KEY)
    .orderBy("o.id")
    .limit(page.limit + 1)
    .execute();
  return keysetPage(rows, page.limit, (row) => `${row.due_on ?? "9999-12-31"}|${row.id}`);
}

/** Every obligation matching the filters, up to a bound (exports). */
export async function allObligations(
  db: Db,
  actor: Actor,
  filters: ResolvedFilters,
  today: string,
  timings: ObligationTimings,
  max: number,
): Promise<ObligationRow[]> {
  return obligationColumns(db)
    .where((eb) => filtered(eb, actor, filters, today, timings))
    .orderBy(DUE_KEY)
    .orderBy("o.id")
    .limit(max)
    .execute();
}
