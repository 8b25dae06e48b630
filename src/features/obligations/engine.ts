/**
 * The obligations engine: each day, for every institution, bring this year's and next year's obligations in line
 * with the policy and the organization, fulfil what records now discharge, send the reminders and escalations owed,
 * and deliver the queued e-mails and webhooks. Runs once a day per deployment (platform/jobs/daily.ts); a run after
 * missed days sends everything those days owed, because every notice is keyed, not dated.
 */
import { type Kysely } from "kysely";
import { dateIn } from "../../domain/calendar.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type AuditLog } from "../../platform/audit/audit-log.js";
import { type Db } from "../../platform/db/database.js";
import { type Database } from "../../platform/db/schema.js";
import { type DailyOutcome, runDaily, scheduleDaily } from "../../platform/jobs/daily.js";
import { type Mailer } from "../../platform/mail/mailer.js";
import { activePolicy } from "../policy/active-policy.js";
import { type Institution, institutions } from "./bearers.js";
import { touchObligations } from "./dashboard-cache.js";
import { deliverPending, type DeliveryCounts } from "./deliveries.js";
import { materializeYear, type MaterializeResult } from "./materialize.js";
import { sendReminders, type ReminderCounts } from "./notify.js";
import { dischargeByRecords } from "./records.js";
import { readObligationSettings, type ObligationSettings } from "./settings.js";

export const DAILY_JOB = "obligations.daily";

export interface RefreshResult extends MaterializeResult {
  fulfilledByRecords: number;
}

type RefreshOptions = {
  policy: Policy;
  policyVersion: string;
  year: number;
  today: string;
  now: Date;
  settings: ObligationSettings;
};

/** One institution's year in the caller's transaction: materialized, then what records now discharge fulfilled. */
async function refreshIn(
  trx: Kysely<Database>,
  options: RefreshOptions & { institution: Institution },
): Promise<RefreshResult> {
  const result = await materializeYear(trx, { ...options, windows: options.settings.windows });
  const fulfilledByRecords = await dischargeByRecords(
    trx,
    options.policy,
    options.institution.id,
    options.year,
    options.now,
  );
  return { ...result, fulfilledByRecords };
}

/** Materializes one institution's year and fulfils what records discharge, in one transaction. */
export async function refreshYear(
  db: Kysely<Database>,
  options: RefreshOptions & { institution: Institution },
): Promise<RefreshResult> {
  const refreshed = await db.transaction().execute((trx) => refreshIn(trx, options));
  touchObligations();
  return refreshed;
}

/**
 * Institutions per transaction when the engine refreshes them all: a commit is a disk flush, and a province has
 * hundreds of institutions; ten keep each transaction to a few hundred milliseconds, so the writer lock is never
 * held long from the requests of the day.
 */
export const REFRESH_GROUP = 10;

/** Refreshes a year of every institution given, REFRESH_GROUP to a transaction; returns the totals. */
export async function refreshInstitutions(
  db: Kysely<Database>,
  all: readonly Institution[],
  options: RefreshOptions,
): Promise<RefreshResult> {
  const total: RefreshResult = { created: 0, removed: 0, kept: 0, fulfilledByRecords: 0 };
  for (let i = 0; i < all.length; i += REFRESH_GROUP) {
    const group = all.slice(i, i + REFRESH_GROUP);
    await db.transaction().execute(async (trx) => {
      for (const institution of group) {
        const r = await refreshIn(trx, { ...options, institution });
        total.created += r.created;
        total.removed += r.removed;
        total.kept += r.kept;
        total.fulfilledByRecords += r.fulfilledByRecords;
      }
    });
  }
  touchObligations();
  return total;
}

export interface EngineContext {
  db: Db;
  audit: AuditLog;
  clock: () => Date;
  mailer: Mailer | null;
  /** The address people open the platform at, for links in e-mails and webhooks; none when unknown. */
  baseUrl?: string | undefined;
}

export interface EngineSummary {
  today: string;
  institutions: number;
  created: number;
  removed: number;
  fulfilledByRecords: number;
  reminders: ReminderCounts;
  deliveries: DeliveryCounts;
}

/** The link an e-mail or webhook gives to an obligation, when the platform's address is known. */
function obligationLink(ctx: EngineContext): (id: string | null) => string | undefined {
  const base = ctx.baseUrl?.replace(/\/$/, "");
  return (id) => (base && id ? `${base}/obligations/${id}` : undefined);
}

/** One full pass of the engine for a day. */
export async function runEngine(ctx: EngineContext, today: string): Promise<EngineSummary> {
  const db = ctx.db.kysely;
  const { policy, sha256 } = await activePolicy(db);
  const settings = await readObligationSettings(db);
  const year = Number(today.slice(0, 4));
  const summary: EngineSummary = {
    today,
    institutions: 0,
    created: 0,
    removed: 0,
    fulfilledByRecords: 0,
    reminders: { dueSoon: 0, overdue: 0, escalated: 0 },
    deliveries: { sent: 0, failed: 0 },
  };
  const all = await institutions(db);
  summary.institutions = all.length;
  for (const y of [year, year + 1]) {
    const r = await refreshInstitutions(db, all, {
      policy,
      policyVersion: sha256,
      year: y,
      today,
      now: ctx.clock(),
      settings,
    });
    summary.created += r.created;
    summary.removed += r.removed;
    summary.fulfilledByRecords += r.fulfilledByRecords;
  }
  summary.reminders = await db
    .transaction()
    .execute((trx) => sendReminders(trx, policy, today, ctx.clock(), settings, ctx.mailer !== null));
  summary.deliveries = await deliverPending(db, ctx.mailer, ctx.clock, obligationLink(ctx));
  await ctx.audit.record({
    actor: { accountId: null, username: "system", role: null, unitId: null },
    action: "obligations.run",
    object: null,
    result: "success",
    sourceIp: null,
    requestId: null,
    details: { ...summary },
  });
  return summary;
}

/** Today's run, unless it already ran or another process is running it. */
export function runDailyObligations(ctx: EngineContext): Promise<DailyOutcome<EngineSummary>> {
  const today = dateIn(ctx.clock());
  return runDaily(ctx.db, DAILY_JOB, today, ctx.clock, ({ today: day }) => runEngine(ctx, day));
}

/**
 * Between daily runs, every hour: notices for hour deadlines (a leak reported within 24 hours cannot wait for
 * tomorrow's run) and the delivery of whatever is queued.
 */
export async function runHourly(ctx: EngineContext): Promise<void> {
  const db = ctx.db.kysely;
  const now = ctx.clock();
  const { policy } = await activePolicy(db);
  const settings = await readObligationSettings(db);
  await db
    .transaction()
    .execute((trx) => sendReminders(trx, policy, dateIn(now), now, settings, ctx.mailer !== null, true));
  await deliverPending(db, ctx.mailer, ctx.clock, obligationLink(ctx));
}

/** Starts the hourly look for today's run (at start too, so a missed night catches up); returns the stop. */
export function startObligationsJob(ctx: EngineContext, onError: (error: unknown) => void): () => void {
  return scheduleDaily(3_600_000, async () => {
    try {
      await runDailyObligations(ctx);
      await runHourly(ctx);
    } catch (error) {
      onError(error);
    }
  });
}
