/**
 * Daily jobs (the obligations engine): each runs once per day per deployment, whatever the number of processes.
 * On PostgreSQL a session advisory lock keeps two processes from running it at once; in every dialect the
 * `job_run` ledger records the day, so a day never runs twice and a run after missed days knows which it missed.
 */
import { sql } from "kysely";
import { addDays } from "../../domain/periods.js";
import { type Db } from "../db/database.js";
import { toInstant } from "../db/instants.js";

/** What a run is told: its day, and the days since the last finished run that no run covered (oldest first). */
export interface DailyRun {
  today: string;
  missed: string[];
}

export type DailyOutcome<T> = { ran: true; summary: T; missed: string[] } | { ran: false; reason: "done" | "busy" };

/** At most this many missed days are named; a run covers everything owed whatever the gap. */
const MAX_MISSED = 366;

// SQLite deployments are one process: a flag is the lock.
const running = new Set<string>();

/** Runs `work` for `today` unless the day already ran or another process is running the job right now. */
export async function runDaily<T>(
  db: Db,
  job: string,
  today: string,
  clock: () => Date,
  work: (run: DailyRun) => Promise<T>,
): Promise<DailyOutcome<T>> {
  if (db.dialect === "postgres")
    return db.kysely.connection().execute(async (conn) => {
      const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(hashtext(${job})) as ok`.execute(conn);
      if (!rows[0]?.ok) return { ran: false, reason: "busy" } as const;
      try {
        return await runLedgered(db, job, today, clock, work);
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${job}))`.execute(conn);
      }
    });
  if (running.has(job)) return { ran: false, reason: "busy" };
  running.add(job);
  try {
    return await runLedgered(db, job, today, clock, work);
  } finally {
    running.delete(job);
  }
}

async function runLedgered<T>(
  db: Db,
  job: string,
  today: string,
  clock: () => Date,
  work: (run: DailyRun) => Promise<T>,
): Promise<DailyOutcome<T>> {
  const k = db.kysely;
  const done = await k
    .selectFrom("job_run")
    .select("run_on")
    .where("job", "=", job)
    .where("run_on", "=", today)
    .where("finished_at", "is not", null)
    .executeTakeFirst();
  if (done) return { ran: false, reason: "done" };
  const last = await k
    .selectFrom("job_run")
    .select("run_on")
    .where("job", "=", job)
    .where("finished_at", "is not", null)
    .where("run_on", "<", today)
    .orderBy("run_on", "desc")
    .executeTakeFirst();
  const missed: string[] = [];
  if (last)
    for (let day = addDays(last.run_on, 1); day < today && missed.length < MAX_MISSED; day = addDays(day, 1))
      missed.push(day);
  const started = toInstant(clock());
  await k
    .insertInto("job_run")
    .values({ job, run_on: today, started_at: started, finished_at: null, summary: null })
    .onConflict((oc) => oc.columns(["job", "run_on"]).doUpdateSet({ started_at: started }))
    .execute();
  const summary = await work({ today, missed });
  await k
    .updateTable("job_run")
    .set({ finished_at: toInstant(clock()), summary: JSON.stringify({ summary, missed: missed.length }) })
    .where("job", "=", job)
    .where("run_on", "=", today)
    .execute();
  return { ran: true, summary, missed };
}

/** Looks every `everyMs` whether today's run is due and runs it; unref'd, stopped by the returned function. */
export function scheduleDaily(everyMs: number, tick: () => Promise<void>): () => void {
  let busy = false;
  const look = () => {
    if (busy) return;
    busy = true;
    void tick().finally(() => {
      busy = false;
    });
  };
  const handle = setInterval(look, everyMs);
  handle.unref();
  // The first look comes soon after start, so a server started after a missed night catches up at once.
  const first = setTimeout(look, 5_000);
  first.unref();
  return () => {
    clearInterval(handle);
    clearTimeout(first);
  };
}
