/**
 * Materialization: makes the stored obligations of a year match the plan (DESIGN.md §4). Idempotent — the unique
 * (duty, bearer, period) key means a second run inserts nothing. When the policy or the organization changed, only
 * untouched future obligations are regenerated: open, not yet begun, with no evidence and no reminder sent.
 * Everything else — past periods, anything fulfilled, waived, evidenced or notified — is history and stays as it is.
 */
import { v7 as uuidv7 } from "uuid";
import { type Policy } from "../../domain/policy/schema.js";
import { type YearWindows } from "../../domain/periods.js";
import { toInstant } from "../../platform/db/instants.js";
import { CompiledQuery, type Insertable, type Kysely, sql } from "kysely";
import { isPostgres } from "../../platform/db/migrations/dialect.js";
import { type Database, type ObligationTable } from "../../platform/db/schema.js";
import { termsAround } from "./academic-calendar.js";
import { BearerDirectory, type Institution } from "./bearers.js";
import { obligationKey, planSpan, planYear, type PlannedObligation } from "./plan.js";

type Db = Kysely<Database>;
export type NewObligation = Insertable<ObligationTable>;

export interface MaterializeOptions {
  policy: Policy;
  /** The policy text's hash: each row records the version it was generated from. */
  policyVersion: string;
  institution: Institution;
  year: number;
  today: string;
  now: Date;
  windows: YearWindows;
}

export interface MaterializeResult {
  created: number;
  removed: number;
  kept: number;
}

/** Rows per INSERT: well under SQLite's bound-parameter limit, large enough to amortize the round trip. */
const CHUNK = 400;

/** The stored row for a planned obligation. */
export function obligationRow(
  plan: PlannedObligation,
  institutionId: string,
  policyVersion: string,
  now: Date,
): NewObligation {
  return rowAt(plan, institutionId, policyVersion, toInstant(now));
}

/** The stored row for a planned obligation created at an instant (a year's rows share one). */
function rowAt(plan: PlannedObligation, institutionId: string, policyVersion: string, at: string): NewObligation {
  return {
    id: uuidv7(),
    institution_id: institutionId,
    duty_id: plan.duty.id,
    article: plan.duty.article,
    policy_version: policyVersion,
    bearer_role: plan.duty.bearer,
    bearer_key: plan.bearer.key,
    bearer_unit_id: plan.bearer.unitId,
    bearer_person_id: plan.bearer.personId,
    bearer_name: plan.bearer.name,
    period_id: plan.period.id,
    period_kind: plan.period.kind,
    year: plan.year,
    starts_on: plan.period.startsOn,
    due_on: plan.dueOn,
    due_at: plan.dueAt,
    event_id: plan.eventId,
    state: "open",
    escalation_level: 0,
    closed_at: null,
    closed_by: null,
    record_kind: null,
    record_id: null,
    waive_reason: null,
    responsible: null,
    created_at: at,
    updated_at: at,
  };
}

const COLUMNS = [
  "id",
  "institution_id",
  "duty_id",
  "article",
  "policy_version",
  "bearer_role",
  "bearer_key",
  "bearer_unit_id",
  "bearer_person_id",
  "bearer_name",
  "period_id",
  "period_kind",
  "year",
  "starts_on",
  "due_on",
  "due_at",
  "event_id",
  "state",
  "escalation_level",
  "created_at",
  "updated_at",
] as const satisfies readonly (keyof NewObligation)[];

/**
 * The INSERT of `n` rows, text built once per size and dialect: the query builder would rebuild a 400-row statement's
 * tree for every chunk, which cost as much as the insert itself; the same text also hits the prepared-statement cache.
 */
const insertText = new Map<string, string>();
function insertSql(n: number, postgres: boolean): string {
  const key = `${n}:${postgres}`;
  let text = insertText.get(key);
  if (!text) {
    let p = 0;
    const row = () => `(${COLUMNS.map(() => (postgres ? `$${++p}` : "?")).join(", ")})`;
    text =
      `insert into obligation (${COLUMNS.join(", ")}) values ${Array.from({ length: n }, row).join(", ")} ` +
      "on conflict (duty_id, bearer_key, period_id) do nothing";
    insertText.set(key, text);
  }
  return text;
}

/** Inserts rows in chunks, leaving alone any that already exist (same duty, bearer and period). */
export async function insertObligations(db: Db, rows: NewObligation[]): Promise<number> {
  const postgres = isPostgres(db);
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    // Filled in place: a flatMap of per-row arrays cost as much as a tenth of the insert itself.
    const params = new Array<unknown>(chunk.length * COLUMNS.length);
    let p = 0;
    for (const row of chunk) for (const column of COLUMNS) params[p++] = row[column] ?? null;
    const result = await db.executeQuery(CompiledQuery.raw(insertSql(chunk.length, postgres), params));
    inserted += Number(result.numAffectedRows ?? 0);
  }
  return inserted;
}

/** Brings one institution's year in line with the plan, in the caller's transaction. */
export async function materializeYear(db: Db, options: MaterializeOptions): Promise<MaterializeResult> {
  const { institution, year, today } = options;
  const semesters = await termsAround(db, institution.id, year);
  const planOptions = { year, today, semesters, windows: options.windows };
  const directory = new BearerDirectory(db, options.policy, institution, planSpan(planOptions));
  const plan = await planYear(options.policy, directory, planOptions);
  const wanted = new Map(plan.map((p) => [obligationKey(p.duty.id, p.bearer.key, p.period.id), p]));

  const existing = await db
    .selectFrom("obligation as o")
    .select([
      "o.id",
      "o.duty_id",
      "o.bearer_key",
      "o.period_id",
      "o.state",
      "o.starts_on",
      "o.due_on",
      "o.article",
      sql<number>`case when exists (select 1 from obligation_evidence e where e.obligation_id = o.id)
        or exists (select 1 from notification n where n.obligation_id = o.id) then 1 else 0 end`.as("touched"),
    ])
    .where("o.institution_id", "=", institution.id)
    .where("o.year", "=", year)
    .where("o.event_id", "is", null)
    .execute();

  const stale: string[] = [];
  let kept = 0;
  for (const row of existing) {
    const key = obligationKey(row.duty_id, row.bearer_key, row.period_id);
    const planned = wanted.get(key);
    const same = planned !== undefined && planned.dueOn === row.due_on && planned.duty.article === row.article;
    const untouchedFuture = row.state === "open" && Number(row.touched) === 0 && row.starts_on > today;
    if (!same && untouchedFuture) {
      stale.push(row.id);
    } else {
      // Kept as it is: history, or already what the plan asks for.
      wanted.delete(key);
      kept++;
    }
  }
  for (let i = 0; i < stale.length; i += CHUNK)
    await db
      .deleteFrom("obligation")
      .where("id", "in", stale.slice(i, i + CHUNK))
      .execute();

  const at = toInstant(options.now);
  const rows = [...wanted.values()].map((p) => rowAt(p, institution.id, options.policyVersion, at));
  const created = await insertObligations(db, rows);
  return { created, removed: stale.length, kept };
}
