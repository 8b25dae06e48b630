/**
 * `node --import tsx bench/reports.ts [--calls N] [--requests N]` — compiling the year-end summary report (年终总结报告,
 * 实施细则第十二条第（四）项) for the largest institution of the province (bench/data/province.ts), after a full committee
 * year: the year's obligations materialized, 12 signed meetings, 600 tracked tasks, mid-year supervision, an approved
 * assessment of every unit and an approved annual summary.
 *
 * 1. Subject: `compileSummaryReport` (its queries through Kysely and the text built from them) and then the .docx
 *    rendered from that draft, as POST /api/reports and GET /api/reports/:id/document do between them.
 *    Baseline: the very SQL the subject ran, recorded and replayed raw through better-sqlite3, plus the same .docx
 *    rendered from the draft computed beforehand. Blocks alternate. Target: p50 ≤ 1.3 × baseline.
 * 2. Through the app: POST /api/reports (compile and store the draft) then GET its document, signed in as the
 *    office, one after another. Target: p99 < 2 s.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { institutions } from "../src/features/obligations/bearers.js";
import { refreshYear } from "../src/features/obligations/engine.js";
import { DEFAULT_OBLIGATION_SETTINGS } from "../src/features/obligations/settings.js";
import { activePolicy } from "../src/features/policy/active-policy.js";
import { compileSummaryReport, type Draft } from "../src/features/reports/compile.js";
import { reportDocx } from "../src/features/reports/report-docx.js";
import { loadConfig } from "../src/platform/config/config.js";
import { openDatabase } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrate.js";
import { buildApp } from "../src/platform/http/app.js";
import { createTestAccount, grantRole, signIn } from "../test/factories.js";
import { ensureProvince } from "./data/province.js";
import { percentileOfSorted } from "./harness/stats.js";
import { recordingKysely, replayer } from "./resolver/recorder.js";

const { values: args } = parseArgs({ options: { calls: { type: "string" }, requests: { type: "string" } } });
const CALLS = Number(args.calls ?? 100);
const REQUESTS = Number(args.requests ?? 50);
const YEAR = 2027;
const TODAY = "2027-12-20";
const NOW = new Date(`${TODAY}T02:00:00.000Z`);
const AT = NOW.toISOString();

const median = (xs: number[]) => percentileOfSorted(Float64Array.from(xs).sort(), 50);
const pct = (xs: number[], p: number) => percentileOfSorted(Float64Array.from(xs).sort(), p);
const ms = (v: number) => `${v.toFixed(1)} ms`;

const province = await ensureProvince();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-bench-reports-"));
const file = path.join(work, "province.sqlite");
fs.copyFileSync(province.file, file);
const db = await openDatabase({ dialect: "sqlite", file });
await migrateToLatest(db);
const k = db.kysely;
const { policy, sha256 } = await activePolicy(k);

// The largest institution: the most people in its subtree.
const sizes = await sql<{ id: string; people: number }>`
  select i.id as id, count(p.id) as people from unit i
    join unit u on u.path like i.path || '%' join person p on p.unit_id = u.id
  where i.kind = 'institution' group by i.id order by people desc limit 1`.execute(k);
const largestId = sizes.rows[0]!.id;
const institution = (await institutions(k)).find((i) => i.id === largestId)!;
const units = await k
  .selectFrom("unit")
  .select(["id"])
  .where("path", "like", `${institution.path}%`)
  .where("id", "!=", institution.id)
  .execute();

// ── A committee year ────────────────────────────────────────────────────────────────────────────────────────────
// Every tenth person cleared (as the obligations benchmark), so the year's self-checks are among its obligations.
{
  const raw = new BetterSqlite3(file);
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
const { created } = await refreshYear(k, {
  policy,
  policyVersion: sha256,
  institution,
  year: YEAR,
  today: TODAY,
  now: NOW,
  settings: DEFAULT_OBLIGATION_SETTINGS,
});
// Most of the year's obligations done by December.
await sql`update obligation set state = 'fulfilled', closed_at = ${AT}, responsible = '[]'
  where institution_id = ${institution.id} and year = ${YEAR} and abs(random()) % 10 < 8`.execute(k);

const signed = { signed_by_account: null, signed_by_person: null, delegation_id: null, signature: "bench" } as const;
for (let i = 0; i < 12; i++) {
  const month = String(i + 1).padStart(2, "0");
  await k
    .insertInto("meeting")
    .values({
      id: uuidv7(),
      institution_id: institution.id,
      kind: i % 6 === 0 ? "regular" : "extraordinary",
      title: `${YEAR}年第${i + 1}次保密委员会会议`,
      status: "signed",
      year: YEAR,
      planned_at: `${YEAR}-${month}-10T02:00:00.000Z`,
      place: "行政楼第一会议室",
      agenda_call_deadline: null,
      agenda_call_note: null,
      held_at: `${YEAR}-${month}-10T02:00:00.000Z`,
      minutes_text: "会议研究部署了本阶段保密工作。".repeat(40),
      minutes_drafted_by: null,
      minutes_drafted_at: `${YEAR}-${month}-11T02:00:00.000Z`,
      minutes_sequence: i + 1,
      ...signed,
      signed_as: "director",
      signed_at: `${YEAR}-${month}-12T02:00:00.000Z`,
      cancel_reason: null,
      event_id: null,
      created_by: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
}
for (let i = 0; i < 600; i++)
  await k
    .insertInto("tracked_task")
    .values({
      id: uuidv7(),
      institution_id: institution.id,
      meeting_id: null,
      decision_id: null,
      title: `督办事项 ${i + 1}：落实保密委员会决定`,
      owner_unit_id: units[i % units.length]!.id,
      due_on: `${YEAR}-${String((i % 12) + 1).padStart(2, "0")}-28`,
      status: i % 5 === 0 ? "open" : i % 5 === 1 ? "reported" : "closed",
      percent: 100,
      report_summary: null,
      reported_by: null,
      reported_at: null,
      closed_by: null,
      closed_at: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
await k
  .insertInto("supervision")
  .values({
    id: uuidv7(),
    institution_id: institution.id,
    year: YEAR,
    status: "completed",
    report: "年中督查覆盖全部单位，发现问题均已督促整改。".repeat(10),
    completed_by: null,
    completed_at: AT,
    created_at: AT,
  })
  .execute();
const approval = {
  approved_by_account: null,
  approved_by_person: null,
  approved_as: "director" as const,
  delegation_id: null,
  signature: "bench",
};
const assessmentId = uuidv7();
await k
  .insertInto("assessment")
  .values({
    id: assessmentId,
    institution_id: institution.id,
    year: YEAR,
    status: "approved",
    rubric: "{}",
    ...approval,
    approved_at: AT,
    created_at: AT,
    updated_at: AT,
  })
  .execute();
for (const [i, unit] of units.entries())
  await k
    .insertInto("assessment_score")
    .values({
      assessment_id: assessmentId,
      unit_id: unit.id,
      answers: "{}",
      earned: 90 - (i % 15),
      possible: 100,
      percent: 90 - (i % 15),
      band: i % 15 === 0 ? "conform" : i % 15 < 10 ? "basic" : "nonconform",
      vetoed: i === 7 ? 1 : 0,
      scored_by: null,
      scored_at: AT,
    })
    .execute();
await k
  .insertInto("annual_summary")
  .values({
    id: uuidv7(),
    institution_id: institution.id,
    year: YEAR,
    status: "approved",
    text: "本年度，学校保密委员会认真贯彻落实保密工作责任制，各项工作有序推进。".repeat(60),
    ...approval,
    approved_at: AT,
    created_at: AT,
    updated_at: AT,
  })
  .execute();
console.log(
  `reports on ${institution.name}: ${units.length} units, ${created.toLocaleString("en")} obligations ${YEAR}, ` +
    `12 meetings, 600 tasks, ${units.length} assessment scores`,
);

// ── 1. Compile and render vs raw SQL and rendering ───────────────────────────────────────────────────────────────
const render = (draft: Draft) =>
  reportDocx({
    issuer: `${institution.name}保密委员会`,
    number: null,
    signer: null,
    kind: "summaryReport",
    title: draft.title,
    recipient: `中共${institution.name}委员会`,
    body: draft.body,
    attachments: draft.attachments,
    date: null,
    contact: null,
    citation: "《实施细则》第十二条第（四）项",
  });
const recorder = recordingKysely(file);
const precomputed = await compileSummaryReport(recorder.kysely, institution.id, YEAR);
const recorded = recorder.take();
await recorder.close();
const replay = replayer(file);
const subject: number[] = [];
const baseline: number[] = [];
await render(await compileSummaryReport(k, institution.id, YEAR));
replay.run(recorded);
for (let i = 0; i < CALLS; i += 10) {
  for (let j = 0; j < 10; j++) {
    const t = performance.now();
    replay.run(recorded);
    await render(precomputed);
    baseline.push(performance.now() - t);
  }
  for (let j = 0; j < 10; j++) {
    const t = performance.now();
    await render(await compileSummaryReport(k, institution.id, YEAR));
    subject.push(performance.now() - t);
  }
}
replay.close();
await db.close();
const ratio = median(subject) / median(baseline);
console.log(
  `  compile + render p50 ${ms(median(subject))} p99 ${ms(pct(subject, 99))}  │ raw SQL (${recorded.length} ` +
    `statements) + render p50 ${ms(median(baseline))} p99 ${ms(pct(baseline, 99))}  │ ratio p50 ` +
    `${ratio.toFixed(2)}×  target ≤ 1.3×: ${ratio <= 1.3 ? "met" : "MISSED"}`,
);

// ── 2. Through the app ──────────────────────────────────────────────────────────────────────────────────────────
const config = loadConfig(
  { BAOMI_DATA_DIR: work, BAOMI_DATABASE_URL: `sqlite:${file}`, BAOMI_LOG_LEVEL: "warn" },
  process.cwd(),
);
const app = await buildApp(config, { clock: () => NOW });
const admin = await createTestAccount(app, { username: "bench-secadmin", adminRole: "SECURITY_ADMIN" });
const latencies: number[] = [];
// The document route allows 60 downloads an hour per account: one office account per 50 requests.
for (let batch = 0; batch * 50 < REQUESTS; batch++) {
  const office = await createTestAccount(app, { username: `bench-office-${batch}` });
  await grantRole(app, office.id, "secrecyOffice", institution.id, admin.id);
  const client = await signIn(app, office);
  for (let i = batch * 50; i < Math.min(REQUESTS, (batch + 1) * 50); i++) {
    const t = performance.now();
    const made = await client.post("/api/reports", { kind: "summaryReport", recipient: "partyCommittee", year: YEAR });
    if (made.statusCode !== 201) throw new Error(`POST /api/reports answered ${made.statusCode}: ${made.body}`);
    const { id } = made.json<{ id: string }>();
    const document = await client.get(`/api/reports/${id}/document`);
    if (document.statusCode !== 200) throw new Error(`document answered ${document.statusCode}`);
    latencies.push(performance.now() - t);
  }
}
await app.close();
const p99 = pct(latencies, 99);
console.log(
  `  POST /api/reports + GET document, ${latencies.length} in turn: p50 ${ms(median(latencies))} p99 ${ms(p99)} ` +
    `max ${ms(Math.max(...latencies))}  target p99 < 2 s: ${p99 < 2000 ? "met" : "MISSED"}`,
);
fs.rmSync(work, { recursive: true, force: true });
