/**
 * `node --import tsx bench/obligations.ts [--runs N] [--calls N] [--seconds N] [--skip-materialize|--only-materialize]`
 * — the obligations engine and the 责任落实总览 dashboard on the province (bench/data/province.ts: 150 institutions × 40
 * units, 300,000 people), with 30,000 of those people given a clearance so that self-checks are part of the load.
 *
 * 1. Materializing a year. Subject: `refreshInstitutions` over every institution, as the daily engine runs it (plan from
 *    the policy and the organization, compare with what is stored, insert, check records), on an empty obligation table.
 *    Baseline: the very rows the subject created, inserted raw through better-sqlite3 (prepared multi-row INSERTs in
 *    one transaction). Runs alternate baseline/subject. Target: subject ≤ 2 × baseline (median).
 * 2. The dashboard over ten years of obligations (2018–2027, past years mostly fulfilled). Subject: `dashboard()` for
 *    a provincial office whose scope is the whole tree, as the route calls it. Baseline: the same SQL, recorded from
 *    the subject and replayed raw through better-sqlite3. Blocks alternate. Target: p50 ≤ 1.3 × baseline.
 * 3. The dashboard under load: GET /api/obligations/dashboard through the real app (signed in, log warn) at a fixed
 *    20 requests per second for `--seconds` (open loop: latency counts from when the request was due). Target: p99 ≤ 400 ms.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { type Actor } from "../src/domain/access.js";
import { DEFAULT_TIMINGS } from "../src/domain/obligation.js";
import { institutions } from "../src/features/obligations/bearers.js";
import { dashboard } from "../src/features/obligations/dashboard.js";
import { resolveFilters } from "../src/features/obligations/queries.js";
import { refreshInstitutions } from "../src/features/obligations/engine.js";
import { DEFAULT_OBLIGATION_SETTINGS } from "../src/features/obligations/settings.js";
import { activePolicy } from "../src/features/policy/active-policy.js";
import { loadConfig } from "../src/platform/config/config.js";
import { openDatabase } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrate.js";
import { buildApp } from "../src/platform/http/app.js";
import { createTestAccount, grantRole, signIn } from "../test/factories.js";
import { ensureProvince } from "./data/province.js";
import { percentileOfSorted } from "./harness/stats.js";
import { recordingKysely, replayer, type Recorded } from "./resolver/recorder.js";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string" },
    calls: { type: "string" },
    seconds: { type: "string" },
    "skip-materialize": { type: "boolean" },
    "only-materialize": { type: "boolean" },
  },
});
const RUNS = Number(args.runs ?? 3);
const CALLS = Number(args.calls ?? 60);
const SECONDS = Number(args.seconds ?? 15);
const TODAY = "2027-09-15";
const YEAR = 2027;

const median = (xs: number[]) => percentileOfSorted(Float64Array.from(xs).sort(), 50);
const pct = (xs: number[], p: number) => percentileOfSorted(Float64Array.from(xs).sort(), p);
const ms = (v: number) => `${v.toFixed(1)} ms`;

const province = await ensureProvince();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-bench-obligations-"));
const file = path.join(work, "province.sqlite");
fs.copyFileSync(province.file, file);
const db = await openDatabase({ dialect: "sqlite", file });
await migrateToLatest(db);
const k = db.kysely;
const { policy, sha256 } = await activePolicy(k);
const insts = await institutions(k);

// Every tenth person holds a clearance, tiers in turn (核心/重要/一般), from before the years measured.
{
  const raw = new BetterSqlite3(file);
  // A bench-only grantor: clearances name who granted them.
  raw.exec(`insert into account (id, username, display_name, person_id, admin_role, status, password_hash,
      password_changed_at, must_change_password, failed_logins, locked_until, totp_secret, totp_pending_secret,
      totp_last_step, last_login_at, created_at, updated_at)
    values ('bench', 'bench-grantor', '基准', null, 'SECURITY_ADMIN', 'disabled', 'x', null, 0, 0, null, null, null,
      null, null, '2015-01-01T00:00:00.000Z', '2015-01-01T00:00:00.000Z')`);
  raw.exec(`insert into clearance (id, person_id, tier, starts_on, ends_on, granted_by, created_at)
    select 'c-' || id, id, case abs(rowid) % 3 when 0 then 'CORE' when 1 then 'IMPORTANT' else 'GENERAL' end,
      '2015-01-01', null, 'bench', '2015-01-01T00:00:00.000Z' from person where rowid % 10 = 0`);
  raw.close();
}

async function materializeAll(year: number, today = TODAY): Promise<number> {
  // As the daily engine does it: every institution, a group of them to a transaction.
  const result = await refreshInstitutions(k, insts, {
    policy,
    policyVersion: sha256,
    year,
    today,
    now: new Date(`${today}T02:00:00.000Z`),
    settings: DEFAULT_OBLIGATION_SETTINGS,
  });
  return result.created;
}

// ── 1. Materializing a year ────────────────────────────────────────────────────────────────────────────────────
console.log(`obligations on ${insts.length} institutions (${province.unitIds.length} units), today ${TODAY}`);
await k.deleteFrom("obligation").execute();
const first = await materializeAll(YEAR);
const rows = await k.selectFrom("obligation").selectAll().execute();
const columns = Object.keys(rows[0] ?? {});
console.log(`materialize ${YEAR}: ${first.toLocaleString("en")} obligations`);

function rawInsert(): void {
  const handle = new BetterSqlite3(file);
  handle.pragma("synchronous = FULL");
  const chunk = 400;
  const statement = (n: number) =>
    handle.prepare(
      `insert into obligation (${columns.join(", ")}) values ${Array.from({ length: n }, () => `(${columns.map(() => "?").join(", ")})`).join(", ")}`,
    );
  const full = statement(chunk);
  handle.transaction(() => {
    for (let i = 0; i < rows.length; i += chunk) {
      const slice = rows.slice(i, i + chunk);
      const values = slice.flatMap((row) => columns.map((c) => (row as Record<string, unknown>)[c]));
      (slice.length === chunk ? full : statement(slice.length)).run(values);
    }
  })();
  handle.close();
}

const subjectS: number[] = [];
const baselineS: number[] = [];
for (let run = 0; run < (args["skip-materialize"] ? 0 : RUNS); run++) {
  await k.deleteFrom("obligation").execute();
  let t = performance.now();
  rawInsert();
  baselineS.push((performance.now() - t) / 1000);
  await k.deleteFrom("obligation").execute();
  t = performance.now();
  await materializeAll(YEAR);
  subjectS.push((performance.now() - t) / 1000);
}
const materializeRatio = median(subjectS) / median(baselineS);
if (subjectS.length)
  console.log(
    `  subject ${median(subjectS).toFixed(2)} s (runs ${subjectS.map((s) => s.toFixed(2)).join(", ")})  │ raw insert ` +
      `${median(baselineS).toFixed(2)} s (runs ${baselineS.map((s) => s.toFixed(2)).join(", ")})  │ ratio ` +
      `${materializeRatio.toFixed(2)}×  target ≤ 2×: ${materializeRatio <= 2 ? "met" : "MISSED"}`,
  );
if (args["only-materialize"]) {
  // Part 1 alone: the dashboard parts copy ten years and start the app, which a materializing change need not wait for.
  await db.close();
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// ── 2. Ten years for the dashboard ─────────────────────────────────────────────────────────────────────────────
// 2027 as materialized; 2018–2026 copied from it (the same bearers every year), most of the past fulfilled.
{
  const raw = new BetterSqlite3(file);
  const list = columns.join(", ");
  raw.transaction(() => {
    for (let year = 2018; year < YEAR; year++) {
      const shift = (col: string) => `case when ${col} is null then null else '${year}' || substr(${col}, 5) end`;
      const select = columns.map((c) => {
        if (c === "id") return `id || '-${year}'`;
        if (c === "year") return String(year);
        if (c === "period_id") return `replace(period_id, '${YEAR}', '${year}')`;
        if (c === "starts_on" || c === "due_on") return shift(c);
        return c;
      });
      raw.exec(`insert into obligation (${list}) select ${select.join(", ")} from obligation where year = ${YEAR}`);
    }
    // Past years: 85 % fulfilled, 4 % waived, the rest left open (overdue); this year: a third of what is due done.
    raw.exec(`update obligation set state = 'fulfilled', closed_at = due_on || 'T08:00:00.000Z', responsible = '[]'
      where year < ${YEAR} and abs(random()) % 100 < 85`);
    raw.exec(`update obligation set state = 'waived', closed_at = due_on || 'T08:00:00.000Z', responsible = '[]',
      waive_reason = '基准测试' where year < ${YEAR} and state = 'open' and abs(random()) % 100 < 27`);
    raw.exec(`update obligation set state = 'fulfilled', closed_at = due_on || 'T08:00:00.000Z', responsible = '[]'
      where year = ${YEAR} and due_on < '${TODAY}' and abs(random()) % 3 = 0`);
  })();
  const total = raw.prepare("select count(*) from obligation").pluck().get() as number;
  raw.close();
  console.log(`dashboard over ${total.toLocaleString("en")} obligations (2018–${YEAR})`);
}

const root = await k
  .selectFrom("unit")
  .select(["id", "path", "name"])
  .where("parent_id", "is", null)
  .executeTakeFirstOrThrow();
const actor: Actor = {
  accountId: "bench",
  username: "bench",
  personId: null,
  adminRole: null,
  grants: [
    {
      id: "g",
      role: "secrecyOffice",
      unitId: root.id,
      unitPath: root.path,
      unitName: root.name,
      startsOn: "2000-01-01",
      endsOn: null,
    },
  ],
  today: TODAY,
};
// As the route does it: resolve the filters (whether the actor sees everything), then count.
const call = async (kysely: typeof k) =>
  dashboard(
    kysely,
    policy,
    actor,
    { ...(await resolveFilters(kysely, policy, actor, {}, new Date(`${TODAY}T02:00:00.000Z`))), year: YEAR },
    "zh-CN",
    DEFAULT_TIMINGS,
  );

const recorder = recordingKysely(file);
await call(recorder.kysely);
const recorded: Recorded[] = recorder.take();
await recorder.close();
const replay = replayer(file);
const sub: number[] = [];
const base: number[] = [];
await call(k);
replay.run(recorded);
for (let i = 0; i < CALLS; i += 10) {
  for (let j = 0; j < 10; j++) {
    const t = performance.now();
    replay.run(recorded);
    base.push(performance.now() - t);
  }
  for (let j = 0; j < 10; j++) {
    const t = performance.now();
    await call(k);
    sub.push(performance.now() - t);
  }
}
replay.close();
const dashRatio = median(sub) / median(base);
console.log(
  `  dashboard() p50 ${ms(median(sub))} p99 ${ms(pct(sub, 99))}  │ raw SQL (${recorded.length} statements) p50 ` +
    `${ms(median(base))} p99 ${ms(pct(base, 99))}  │ ratio p50 ${dashRatio.toFixed(2)}×  target ≤ 1.3×: ` +
    `${dashRatio <= 1.3 ? "met" : "MISSED"}`,
);
await db.close();

// ── 3. The route at 20 requests per second ─────────────────────────────────────────────────────────────────────
const config = loadConfig(
  { BAOMI_DATA_DIR: work, BAOMI_DATABASE_URL: `sqlite:${file}`, BAOMI_LOG_LEVEL: "warn" },
  process.cwd(),
);
const app = await buildApp(config, { clock: () => new Date(`${TODAY}T02:00:00.000Z`) });
const admin = await createTestAccount(app, { username: "bench-secadmin", adminRole: "SECURITY_ADMIN" });
const office = await createTestAccount(app, { username: "bench-office" });
await grantRole(app, office.id, "secrecyOffice", root.id, admin.id);
const client = await signIn(app, office);
const url = `/api/obligations/dashboard?year=${YEAR}`;
const check = await client.get(url);
if (check.statusCode !== 200) throw new Error(`dashboard answered ${check.statusCode}: ${check.body}`);
const latencies: number[] = [];
const started = performance.now();
const total = SECONDS * 20;
await Promise.all(
  Array.from({ length: total }, async (_, i) => {
    const due = started + i * 50;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const res = await client.get(url);
    if (res.statusCode !== 200) throw new Error(`dashboard answered ${res.statusCode}`);
    latencies.push(performance.now() - due);
  }),
);
await app.close();
const p99 = pct(latencies, 99);
console.log(
  `  GET ${url} at 20 req/s for ${SECONDS} s: p50 ${ms(median(latencies))} p99 ${ms(p99)} max ` +
    `${ms(Math.max(...latencies))}  target p99 ≤ 400 ms: ${p99 <= 400 ? "met" : "MISSED"}`,
);
fs.rmSync(work, { recursive: true, force: true });
