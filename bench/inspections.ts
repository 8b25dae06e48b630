/**
 * `node --import tsx bench/inspections.ts [--findings N] [--rounds N] [--duration S] [--depth N]` — the findings list
 * (GET /api/findings, 检查发现的问题) on 1,000,000 generated findings (bench/data/findings.ts), issue 7's benchmark:
 *
 * 1. Throughput. Subject: the real app (bench/servers/baomi-app.ts on dist/, log warn), signed in as the secrecy office
 *    over the institution, answering a keyset page of 50 under autocannon load. Baseline: a bare Fastify route
 *    answering the very bytes and headers the app answered (bench/servers/bare-recorded.ts). Target: ratio ≥ 0.5, for
 *    page 1 and for a deep, cursor'd page.
 * 2. Depth. Page `--depth` (default 2000) of the same list — its cursor found by following nextCursor from page 1
 *    through the app — served by a second app process on the same database, in the same rotation. Target:
 *    p99(page 2000) ≤ 1.5 × p99(page 1).
 *
 * Four lists, one rotation each (baseline, page 1, page N alternating, as bench/run.ts's load scenarios): a filtered
 * one (status=open&severity=major, ≥ 100,000 matches at 1M), the unit with the most findings (unitId=…, a fifth of
 * them) and the one with the fewest (page N is its last full page), and the unfiltered list. `--only` picks lists
 * (findings-filtered, findings-unit, findings-small-unit, findings-all; commas).
 * The load machinery is the harness's (harness/load-scenario.ts): alternating rounds, pooled p50/p99, server CPU
 * µs/req. Before the load, each list's pages are timed one request at a time in process, and the reads one request
 * runs are recorded and replayed raw through better-sqlite3 (the SQL's share of the CPU per request); a list so slow
 * that no queued request would come back within a round is not loaded. A page the app has answered once is answered
 * from its cache until a finding changes (features/inspections/findings-cache.ts), so the load measures cached pages;
 * the one-at-a-time timings and the replayed SQL are also taken with the data version bumped before each request —
 * the page read anew, as after any change. Prints the bench header (with the load
 * average), the load table, the depth table, and saves the run to `.bench/inspections-<timestamp>.json`.
 * The children run dist/: `npm run build:server` first. SQLite only: the generator writes an SQLite file.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { loadConfig } from "../src/platform/config/config.js";
import { type Db } from "../src/platform/db/database.js";
import { buildApp } from "../src/platform/http/app.js";
import { ensureFindings, READER, type FindingsData } from "./data/findings.js";
import { killAllChildrenNow, stopAllChildren } from "./harness/child-process.js";
import { compileServers } from "./harness/compile-servers.js";
import { describeEnvironment } from "./harness/environment.js";
import { DEFAULT_SETTINGS } from "./harness/options.js";
import { distDir, outputDir, repoRoot } from "./harness/paths.js";
import { formatHeader, formatReport } from "./harness/print.js";
import { type LoadRow, type ScenarioOutcome } from "./harness/results.js";
import { recordingKysely, replayer } from "./resolver/recorder.js";
import { runScenario } from "./harness/run-scenario.js";
import { median } from "./harness/stats.js";
import { table } from "./harness/table.js";
import { makeTempDir, removeAllTempDirs } from "./harness/temp-dirs.js";
import { type LoadScenario, type ProcessSpec, type RunSettings } from "./harness/types.js";

const { values: args } = parseArgs({
  options: {
    findings: { type: "string" },
    rounds: { type: "string" },
    duration: { type: "string" },
    depth: { type: "string" },
    only: { type: "string" },
  },
});
const whole = (flag: string, raw: string | undefined, fallback: number, max: number): number => {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${flag} must be a whole number from 1 to ${max}`);
    process.exit(64);
  }
  return n;
};
const FINDINGS = whole("findings", args.findings, 1_000_000, 10_000_000);
const DEPTH = whole("depth", args.depth, 2000, 100_000);
const LIMIT = 50;
const settings: RunSettings = {
  ...DEFAULT_SETTINGS,
  rounds: whole("rounds", args.rounds, DEFAULT_SETTINGS.rounds, 100),
  durationS: whole("duration", args.duration, DEFAULT_SETTINGS.durationS, 60),
};
const THROUGHPUT_TARGET = 0.5;
const DEPTH_TARGET = 1.5;
/** Following the cursor page by page through the app, given up for the SQL below past this (a list that is slow). */
const WALK_BUDGET_MS = 120_000;

// ── Before anything: the build the children run, and clean-up whatever happens ─────────────────────────────────────
const migrationNames = (dir: string, ext: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /^\d{4}_/.test(f) && f.endsWith(ext) && !f.endsWith(".d.ts"))
        .map((f) => f.slice(0, -ext.length))
        .sort()
    : [];
const srcMigrations = migrationNames(path.join(repoRoot, "src", "platform", "db", "migrations"), ".ts");
const distMigrations = migrationNames(path.join(distDir, "platform", "db", "migrations"), ".js");
if (
  !fs.existsSync(path.join(distDir, "platform", "http", "app.js")) ||
  srcMigrations.join() !== distMigrations.join()
) {
  console.error("dist/ is missing or older than src/ (its migrations differ): run `npm run build:server` first");
  process.exit(1);
}
compileServers();
const abort = (reason: string, code: number): void => {
  console.error(`\nbench stopped: ${reason}`);
  void stopAllChildren().finally(() => {
    removeAllTempDirs();
    process.exit(code);
  });
};
process.once("SIGINT", () => abort("interrupted", 130));
process.once("SIGTERM", () => abort("terminated", 143));
process.once("exit", () => {
  killAllChildrenNow();
  removeAllTempDirs();
});

const environment = describeEnvironment();
console.log(formatHeader(environment, settings, false));

// ── The data: generated once (cached in .bench/), copied for this run ───────────────────────────────────────────────
const data = await ensureFindings(FINDINGS);
const work = makeTempDir("inspections");
const file = path.join(work, "findings.sqlite");
fs.copyFileSync(data.file, file);
const keyFile = path.join(work, "keys", "audit-ed25519.pem");
const appEnv = {
  BAOMI_LOG_LEVEL: "warn",
  BAOMI_DATABASE_URL: `sqlite:${file}`,
  // The same signing key for every process on this database (the in-process app below creates it).
  BAOMI_AUDIT_KEY_FILE: keyFile,
};
console.log(
  `data: ${data.findings.toLocaleString("en")} findings of one institution (${data.years[0]}–${data.years[1]}), ` +
    `${data.counts.open.toLocaleString("en")} open, ${data.counts.openMajor.toLocaleString("en")} open and major; ` +
    `units from ${data.largestUnit.name} ${data.largestUnit.findings.toLocaleString("en")} to ` +
    `${data.smallestUnit.name} ${data.smallestUnit.findings.toLocaleString("en")}; ` +
    `${data.sources ? "with" : "without"} finding sources (0019)`,
);

interface List {
  name: string;
  query: string;
  /** How many findings the list holds, and so how deep it goes. */
  matches: number;
  /** The page measured against page 1: `--depth`, or the last full page of a shorter list. */
  depth: number;
  description: { zh: string; en: string };
}
const list = (name: string, query: string, matches: number, zh: string, en: string): List => ({
  name,
  query,
  matches,
  // Full, and with a page after it (the check before measuring wants a nextCursor).
  depth: Math.max(2, Math.min(DEPTH, Math.floor((matches - 1) / LIMIT))),
  description: { zh, en },
});
const lists = [
  list(
    "findings-filtered",
    "status=open&severity=major",
    data.counts.openMajor,
    "问题清单，筛选“整改中 + 较重”",
    "The findings list filtered to open and major",
  ),
  list(
    "findings-unit",
    `unitId=${data.largestUnit.id}`,
    data.largestUnit.findings,
    `问题清单，筛选单位（问题最多的${data.largestUnit.name}）`,
    "The findings list of one unit (the one with the most findings)",
  ),
  list(
    "findings-small-unit",
    `unitId=${data.smallestUnit.id}`,
    data.smallestUnit.findings,
    `问题清单，筛选单位（问题最少的${data.smallestUnit.name}）`,
    "The findings list of one unit (the one with the fewest findings)",
  ),
  list("findings-all", "", data.counts.all, "问题清单，不筛选", "The findings list unfiltered"),
].filter((l) => args.only === undefined || args.only.split(",").includes(l.name));
const pagePath = (l: List, cursor: string | null) =>
  `/api/findings?${l.query ? `${l.query}&` : ""}limit=${LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;

// ── Page N's cursor: follow nextCursor from page 1 through the app (in process, from src/) ──────────────────────────
interface Walk {
  list: string;
  depth: number;
  cursor: string;
  /** Pages fetched through the app (all of them, unless the list was too slow to walk within the budget). */
  walkedPages: number;
  walkS: number;
  /** One request at a time, in process, before the load: the median of page 1 and of page N (up to 21 each). */
  page1Ms: number;
  pageNMs: number;
  /** The same with the findings' data version bumped before each request: the cache missed, the page read anew. */
  page1UncachedMs: number;
  pageNUncachedMs: number;
}
const walks: Walk[] = [];
{
  const app = await buildApp(loadConfig({ BAOMI_DATA_DIR: work, ...appEnv }, process.cwd()));
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: READER.username, password: READER.password },
  });
  if (login.statusCode !== 200) throw new Error(`sign-in answered ${login.statusCode}: ${login.body}`);
  const cookie = String([login.headers["set-cookie"]].flat()[0] ?? "").split(";")[0] ?? "";
  const page = async (url: string) => {
    const t = performance.now();
    const res = await app.inject({ method: "GET", url, headers: { cookie } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return { ms, body: res.json<{ items: { id: string; deadline: string }[]; nextCursor: string | null }>() };
  };
  for (const l of lists) {
    const started = performance.now();
    let cursor: string | null = null;
    let walked = 0;
    let previousKey = "";
    for (let n = 1; n < l.depth; n++) {
      const { body } = await page(pagePath(l, cursor));
      walked++;
      // Keyset order: every page strictly after the one before, and full.
      const first = body.items[0];
      const last = body.items.at(-1);
      if (!first || !last || body.items.length !== LIMIT || !body.nextCursor)
        throw new Error(`${l.name}: page ${n} has ${body.items.length} items and cursor ${body.nextCursor}`);
      if (`${first.deadline}|${first.id}` <= previousKey) throw new Error(`${l.name}: page ${n} is out of order`);
      previousKey = `${last.deadline}|${last.id}`;
      cursor = body.nextCursor;
      const elapsed = performance.now() - started;
      // Judged after 10 s, not after the first few pages, which are slow while the file is cold.
      if (elapsed > 10_000 && (elapsed / n) * l.depth > WALK_BUDGET_MS) {
        // Too slow to walk 2000 pages: the cursor of page N is the key of the last row of page N-1, in the same
        // order; checked against what the app itself answered for the page walked last.
        const sqlCursor = (after: number) => cursorBySql(file, data, l, after);
        if (sqlCursor(n * LIMIT) !== cursor)
          throw new Error(`${l.name}: the SQL cursor after page ${n} differs from the app's (${cursor})`);
        cursor = sqlCursor((l.depth - 1) * LIMIT);
        console.log(
          `  ${l.name}: ${(elapsed / n).toFixed(0)} ms a page through the app; walked ${n} pages, the rest by SQL`,
        );
        break;
      }
    }
    if (!cursor) throw new Error(`${l.name}: no cursor`);
    const walkS = (performance.now() - started) / 1000;
    // Up to 21 requests, or as many as fit in 5 s (at least 3): a list too slow for the load still gets a figure.
    const times = async (url: string, uncached = false) => {
      const ms: number[] = [];
      const until = performance.now() + 5000;
      while (ms.length < 21 && (ms.length < 3 || performance.now() < until)) {
        if (uncached) await bumpFindingsVersion(app.db);
        ms.push((await page(url)).ms);
      }
      return median(ms);
    };
    const deep = await page(pagePath(l, cursor));
    if (deep.body.items.length !== LIMIT) throw new Error(`${l.name}: page ${l.depth} is not full`);
    const walk: Walk = {
      list: l.name,
      depth: l.depth,
      cursor,
      walkedPages: walked,
      walkS,
      page1Ms: await times(pagePath(l, null)),
      pageNMs: await times(pagePath(l, cursor)),
      page1UncachedMs: await times(pagePath(l, null), true),
      pageNUncachedMs: await times(pagePath(l, cursor), true),
    };
    walks.push(walk);
    console.log(
      `  ${l.name}: ${l.matches.toLocaleString("en")} findings, page ${l.depth}'s cursor ${cursor} ` +
        `(${walked} pages through the app in ${walkS.toFixed(1)} s); one request at a time: page 1 ` +
        `${walk.page1Ms.toFixed(2)} ms, page ${l.depth} ${walk.pageNMs.toFixed(2)} ms; uncached (the data version ` +
        `bumped before each) page 1 ${walk.page1UncachedMs.toFixed(2)} ms, page ${l.depth} ` +
        `${walk.pageNUncachedMs.toFixed(2)} ms`,
    );
  }
  await app.close();
}

// ── The SQL behind one request, replayed raw through better-sqlite3: the floor under the app's figures ────────────────
// An app over a recording connection answers page 1 and page N once more; the reads it ran (session, grants, the list)
// are replayed on a plain handle, each statement prepared once, and their CPU time per request is the SQL's share.
interface SqlCost {
  list: string;
  statements: number;
  page1Us: number;
  pageNUs: number;
  /** The reads of a request that missed the cache (the page's own SQL, visibility included). */
  uncachedStatements: number;
  page1UncachedUs: number;
  pageNUncachedUs: number;
}
const sqlCosts: SqlCost[] = [];
{
  const recorder = recordingKysely(file, { writable: true });
  const db: Db = {
    kysely: recorder.kysely,
    dialect: "sqlite",
    ping: () => Promise.resolve(),
    close: () => recorder.close(),
  };
  const app = await buildApp(loadConfig({ BAOMI_DATA_DIR: work, ...appEnv }, process.cwd()), { db });
  const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: READER });
  const cookie = String([login.headers["set-cookie"]].flat()[0] ?? "").split(";")[0] ?? "";
  const replay = replayer(file);
  const costOf = async (url: string, uncached = false) => {
    await app.inject({ method: "GET", url, headers: { cookie } });
    if (uncached) await bumpFindingsVersion(db);
    recorder.take();
    const res = await app.inject({ method: "GET", url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}`);
    const reads = recorder.take().filter((r) => /^\s*(select|with)\b/i.test(r.sql));
    replay.run(reads);
    let runs = 0;
    const until = performance.now() + 1000;
    const before = process.cpuUsage();
    while (runs < 500 && (runs < 3 || performance.now() < until)) {
      replay.run(reads);
      runs++;
    }
    const used = process.cpuUsage(before);
    return { statements: reads.length, us: (used.user + used.system) / runs };
  };
  for (const walk of walks) {
    const l = lists.find((x) => x.name === walk.list);
    if (!l) continue;
    const first = await costOf(pagePath(l, null));
    const deep = await costOf(pagePath(l, walk.cursor));
    const firstMiss = await costOf(pagePath(l, null), true);
    const deepMiss = await costOf(pagePath(l, walk.cursor), true);
    sqlCosts.push({
      list: l.name,
      statements: first.statements,
      page1Us: first.us,
      pageNUs: deep.us,
      uncachedStatements: firstMiss.statements,
      page1UncachedUs: firstMiss.us,
      pageNUncachedUs: deepMiss.us,
    });
    console.log(
      `  ${l.name}: its SQL replayed raw (${first.statements} reads a request): page 1 ${Math.round(first.us)} µs, ` +
        `page ${l.depth} ${Math.round(deep.us)} µs of CPU; uncached (${firstMiss.statements} reads): page 1 ` +
        `${Math.round(firstMiss.us)} µs, page ${l.depth} ${Math.round(deepMiss.us)} µs`,
    );
  }
  replay.close();
  await app.close();
  await db.close();
}

/** Marks every cached page out of date, as any committed change to a finding would (migration 0024). */
async function bumpFindingsVersion(db: Db): Promise<void> {
  await db.kysely
    .updateTable("data_version")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("topic", "=", "findings")
    .execute();
}

/** The cursor after the first `rows` findings of the list, in its order, by SQL (the office reads the institution). */
function cursorBySql(dbFile: string, d: FindingsData, l: List, rows: number): string {
  const handle = new BetterSqlite3(dbFile, { readonly: true });
  const where = ["institution_id = @institution"];
  const params = new URLSearchParams(l.query);
  for (const [key, column] of [
    ["status", "status"],
    ["severity", "severity"],
    ["unitId", "unit_id"],
  ] as const)
    if (params.has(key)) where.push(`${column} = @${key}`);
  const row = handle
    .prepare(
      `select deadline || '|' || id from inspection_finding where ${where.join(" and ")} ` +
        "order by deadline, id limit 1 offset @offset",
    )
    .pluck()
    .get({ ...Object.fromEntries(params), institution: d.institutionId, offset: rows - 1 }) as string | undefined;
  handle.close();
  if (!row) throw new Error(`${l.name}: fewer than ${rows} findings`);
  return row;
}

// ── Under load: baseline, page 1 and page N alternating, per list ───────────────────────────────────────────────────
const app = (label: string): ProcessSpec => ({ label, entry: { server: "baomi-app" }, env: appEnv });
const scenarioOf = (l: List, walk: Walk): LoadScenario => ({
  kind: "load",
  name: l.name,
  description: l.description,
  request: { method: "GET", path: pagePath(l, null) },
  subject: app("Baomi app (log warn), page 1"),
  variants: [
    {
      name: `${l.name} p${l.depth}`,
      server: app(`Baomi app (log warn), page ${l.depth}`),
      request: { method: "GET", path: pagePath(l, walk.cursor) },
      target: { metric: "throughput-ratio", min: THROUGHPUT_TARGET },
    },
  ],
  signIn: {
    request: {
      method: "POST",
      path: "/api/auth/login",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: READER.username, password: READER.password }),
    },
    cookie: "baomi_session",
  },
  // The bytes of page 1; page N's answer is as long give or take a few bytes (the notes below print both).
  baseline: { label: "bare Fastify route", entry: { server: "bare-recorded" }, env: { BENCH_PATH: "/api/findings" } },
  baselineServesSubjectAnswer: true,
  checkAnswer: (body) => {
    const page = JSON.parse(body) as { items?: unknown[]; nextCursor?: unknown };
    if (page.items?.length !== LIMIT) return `expected ${LIMIT} findings, got ${page.items?.length ?? "none"}`;
    return typeof page.nextCursor === "string" ? null : "no nextCursor";
  },
  target: { metric: "throughput-ratio", min: THROUGHPUT_TARGET },
});

const outcomes: ScenarioOutcome[] = [];
for (const l of lists) {
  const walk = walks.find((w) => w.list === l.name);
  if (!walk) continue;
  const scenario = scenarioOf(l, walk);
  console.log(`\n▶ ${scenario.name} — ${scenario.description.zh}\n  ${scenario.description.en}`);
  // With every connection queued behind requests this slow, none would come back within a round: nothing to measure.
  const queuedMs = Math.min(walk.page1Ms, walk.pageNMs) * settings.connections;
  if (queuedMs > settings.durationS * 1000) {
    console.log(
      `  not loaded: one request takes ${Math.round(Math.min(walk.page1Ms, walk.pageNMs))} ms, so ` +
        `${settings.connections} connections would wait about ${(queuedMs / 1000).toFixed(1)} s each, ` +
        `longer than a ${settings.durationS} s round (throughput ≈ ${(1000 / walk.page1Ms).toFixed(1)} req/s)`,
    );
    continue;
  }
  const outcome = await runScenario(scenario, settings, (line) => console.log(line));
  console.log(outcome.error ? `  CRASHED after ${outcome.elapsedS} s` : `  done in ${outcome.elapsedS} s`);
  outcomes.push(outcome);
}

// ── Report ──────────────────────────────────────────────────────────────────────────────────────────────────────────
interface DepthRow {
  list: string;
  matches: number;
  depth: number;
  page1: { p50Ms: number; p99Ms: number; cpuUsPerRequest: number; inProcessMs: number; sqlUs: number };
  pageN: { p50Ms: number; p99Ms: number; cpuUsPerRequest: number; inProcessMs: number; sqlUs: number };
  p99Ratio: number;
  met: boolean;
}
const depthRows: DepthRow[] = [];
for (const l of lists) {
  const rows = outcomes.find((o) => o.scenario === l.name)?.rows.filter((r): r is LoadRow => r.kind === "load");
  const walk = walks.find((w) => w.list === l.name);
  const sqlCost = sqlCosts.find((c) => c.list === l.name);
  if (!walk) continue;
  // A list too slow to load still gets its row: one request at a time and its SQL.
  const none = { p50Ms: Number.NaN, p99Ms: Number.NaN, cpuUsPerRequest: Number.NaN };
  const [first, deep] = (rows ?? []).map((r) => r.subject);
  const p99Ratio = (deep ?? none).p99Ms / (first ?? none).p99Ms;
  depthRows.push({
    list: l.name,
    matches: l.matches,
    depth: l.depth,
    page1: {
      p50Ms: (first ?? none).p50Ms,
      p99Ms: (first ?? none).p99Ms,
      cpuUsPerRequest: (first ?? none).cpuUsPerRequest,
      inProcessMs: walk.page1Ms,
      sqlUs: sqlCost?.page1Us ?? Number.NaN,
    },
    pageN: {
      p50Ms: (deep ?? none).p50Ms,
      p99Ms: (deep ?? none).p99Ms,
      cpuUsPerRequest: (deep ?? none).cpuUsPerRequest,
      inProcessMs: walk.pageNMs,
      sqlUs: sqlCost?.pageNUs ?? Number.NaN,
    },
    p99Ratio,
    met: p99Ratio <= DEPTH_TARGET,
  });
}
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "–");
const us = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : "–");
console.log(`\n${formatReport(outcomes)}`);
if (depthRows.length > 0)
  console.log(
    `\n${table(
      [
        "depth: page N / page 1",
        "findings",
        "page N",
        "p50 ms",
        "p99 ms",
        "p99 ratio",
        "CPU µs/req",
        "CPU ratio",
        "SQL µs",
        "1 req ms",
        "target",
        "met",
      ],
      depthRows.map((r) => [
        r.list,
        r.matches.toLocaleString("en"),
        String(r.depth),
        `${f2(r.pageN.p50Ms)} / ${f2(r.page1.p50Ms)}`,
        `${f2(r.pageN.p99Ms)} / ${f2(r.page1.p99Ms)}`,
        `${f2(r.p99Ratio)}×`,
        `${us(r.pageN.cpuUsPerRequest)} / ${us(r.page1.cpuUsPerRequest)}`,
        `${f2(r.pageN.cpuUsPerRequest / r.page1.cpuUsPerRequest)}×`,
        `${us(r.pageN.sqlUs)} / ${us(r.page1.sqlUs)}`,
        `${f2(r.pageN.inProcessMs)} / ${f2(r.page1.inProcessMs)}`,
        `≤ ${DEPTH_TARGET}× (p99)`,
        r.met ? "yes" : "NO",
      ]),
    )}\n(1 req ms: one request at a time through app.inject in this process before the load, median of up to 21;\n` +
      `CPU ratio: of the server's CPU per request, the figure least disturbed by a busy machine;\n` +
      `SQL µs: CPU of the reads of one request replayed raw through better-sqlite3, the floor under CPU µs/req)`,
  );

fs.mkdirSync(outputDir, { recursive: true });
const resultsFile = path.join(outputDir, `inspections-${environment.date.replace(/[:.]/g, "-")}.json`);
const record = {
  environment,
  settings,
  data: { ...data, file: path.basename(data.file) },
  walks,
  sqlCosts,
  outcomes,
  depth: depthRows,
};
fs.writeFileSync(resultsFile, `${JSON.stringify(record, (_k, v: unknown) => (Number.isNaN(v) ? null : v), 2)}\n`);
console.log(`\nresults: ${path.relative(process.cwd(), resultsFile)}`);
await stopAllChildren();
removeAllTempDirs();
process.exitCode = outcomes.some((o) => o.error) ? 1 : 0;
