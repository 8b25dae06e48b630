/**
 * The obligations a record serves, as the record's page lists them (meetings, supervision, reports, and every record
 * kind after them): one presenter, so that each page judges the status of the day the same way as the obligations
 * list does (due soon and overdue from the configured lead time, hour deadlines by the hour).
 */
import { type Kysely, type Selectable } from "kysely";
import { type Locale } from "../../domain/locale.js";
import { statusOf } from "../../domain/obligation.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { dateIn } from "../../domain/calendar.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database, type ObligationTable } from "../../platform/db/schema.js";
import { type Discharge } from "./contract.js";
import { dutyTitle, periodName } from "./presenter.js";
import { readObligationSettings } from "./settings.js";

/** The obligation columns a discharge view needs: select these, then `presentDischarges`. */
export const DISCHARGE_COLUMNS = [
  "id",
  "duty_id",
  "article",
  "period_id",
  "period_kind",
  "starts_on",
  "due_on",
  "due_at",
  "state",
] as const;

export type DischargeRow = Pick<Selectable<ObligationTable>, (typeof DISCHARGE_COLUMNS)[number]>;

/** The rows as the record's page shows them, with the status on the day of `now`. */
export async function presentDischarges(
  db: Kysely<Database>,
  policy: Policy,
  rows: readonly DischargeRow[],
  now: Date,
  locale: Locale = "zh-CN",
): Promise<Discharge[]> {
  if (rows.length === 0) return [];
  const { timings } = await readObligationSettings(db);
  const today = dateIn(now);
  const instant = toInstant(now);
  return rows.map((o) => ({
    obligationId: o.id,
    dutyId: o.duty_id,
    title: dutyTitle(policy, o.duty_id, locale),
    citation: citationOf(policy, o.article) ?? o.article,
    period: periodName(policy, o, locale),
    dueOn: o.due_on,
    status: statusOf(o.state, o.due_on, today, timings, { dueAt: o.due_at, now: instant }),
  }));
}

/**
 * The obligations an event raised and those records of a kind discharged (a received document and its study
 * sessions, a regulation's versions, a higher regulation), as their pages show them.
 */
export async function raisedOrDischarged(
  db: Kysely<Database>,
  policy: Policy,
  where: { eventId?: string | null; recordKind: string; recordIds?: readonly string[] },
  now: Date,
): Promise<Discharge[]> {
  const records = where.recordIds ?? [];
  if (!where.eventId && records.length === 0) return [];
  const rows = await db
    .selectFrom("obligation")
    .select(DISCHARGE_COLUMNS)
    .where((eb) => {
      const any = [];
      if (where.eventId) any.push(eb("event_id", "=", where.eventId));
      if (records.length)
        any.push(eb.and([eb("record_kind", "=", where.recordKind), eb("record_id", "in", [...records])]));
      return eb.or(any);
    })
    .orderBy("starts_on")
    .limit(50)
    .execute();
  return presentDischarges(db, policy, rows, now);
}
