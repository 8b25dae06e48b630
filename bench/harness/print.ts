/** The human-readable report: the run's header, then one table per kind of scenario. */
import { type Environment } from "./environment.js";
import { type LoadRow, type MemoryRow, type ScenarioOutcome, type StartupRow } from "./results.js";
import { median } from "./stats.js";
import { table } from "./table.js";
import { describeTarget, type TargetCheck } from "./targets.js";
import { type RunSettings } from "./types.js";

export function formatHeader(env: Environment, settings: RunSettings, quick: boolean): string {
  const commit = env.commit === null ? "no commit" : `${env.commit}${env.dirty ? " (uncommitted changes)" : ""}`;
  return [
    `Baomi bench — ${env.date}`,
    `node ${env.node} · ${env.platform} · ${env.cpuCount} CPUs (${env.cpuModel}) · ${env.totalMemMb} MB RAM · load ${env.loadAverage.join(" ")}`,
    `code: ${commit}`,
    `settings: ${settings.rounds} rounds × ${settings.durationS} s measured` +
      (settings.warmupS > 0 ? ` after ${settings.warmupS} s warm-up` : ", no warm-up") +
      `, ${settings.connections} connections, pipelining ${settings.pipelining}, idle ${settings.idleMs / 1000} s` +
      (quick ? " (--quick: a smoke check, not a measurement)" : ""),
  ].join("\n");
}

export function formatReport(outcomes: ScenarioOutcome[]): string {
  const rows = outcomes.flatMap((o) => o.rows);
  const parts: string[] = [];
  const load = rows.filter((r): r is LoadRow => r.kind === "load");
  const startup = rows.filter((r): r is StartupRow => r.kind === "startup");
  const memory = rows.filter((r): r is MemoryRow => r.kind === "idle-memory");
  if (load.length > 0) parts.push(loadTable(load), load.map(loadNotes).join("\n"));
  if (startup.length > 0) parts.push(startupTable(startup));
  if (memory.length > 0) parts.push(memoryTable(memory));
  for (const o of outcomes) if (o.error) parts.push(`CRASHED ${o.scenario}: ${o.error}`);
  return parts.join("\n\n");
}

function loadTable(rows: LoadRow[]): string {
  return table(
    ["load (subject / baseline)", "p50 ms", "p99 ms", "req/s", "ratio", "per round", "CPU µs/req", "target", "met"],
    rows.map((r) => [
      r.name,
      `${ms(r.subject.p50Ms)} / ${ms(r.baseline.p50Ms)}`,
      `${ms(r.subject.p99Ms)} / ${ms(r.baseline.p99Ms)}`,
      `${Math.round(r.subject.reqPerSec)} / ${Math.round(r.baseline.reqPerSec)}`,
      r.ratio.toFixed(2),
      spread(r.roundRatios),
      `${ms(r.subject.cpuUsPerRequest, 0)} / ${ms(r.baseline.cpuUsPerRequest, 0)}`,
      ...target(r.check),
    ]),
  );
}

/** What the sides actually sent, so that a ratio can be read against the bytes behind it. */
function loadNotes(r: LoadRow): string {
  const bytes = (s: LoadRow["subject"]): string => `${s.probe.bodyBytes} B body + ~${s.probe.headerBytes} B headers`;
  const lines = [
    `${r.name}: ${r.subject.label} sends ${bytes(r.subject)}; ${r.baseline.label} ${bytes(r.baseline)}; ` +
      `${r.subject.samples} / ${r.baseline.samples} latencies pooled`,
  ];
  if (r.subject.stdoutBytes > 0) {
    const perRequest = Math.round(r.subject.stdoutBytes / r.subject.servedRequests);
    lines.push(`  ${r.subject.label} wrote ${perRequest} B of stdout (its request log) per request served`);
  }
  return lines.join("\n");
}

function startupTable(rows: StartupRow[]): string {
  return table(
    ["start-up: spawn → ready", "median ms", "max ms", "listening ms", "baseline median", "ratio", "target", "met"],
    rows.map((r) => [
      r.name,
      ms(r.subject.medianMs, 0),
      ms(r.subject.maxMs, 0),
      r.subject.listeningMs.length > 0 ? ms(median(r.subject.listeningMs), 0) : "–",
      ms(r.baseline.medianMs, 0),
      `${r.ratio.toFixed(2)}×`,
      ...target(r.check, "max"),
    ]),
  );
}

function memoryTable(rows: MemoryRow[]): string {
  return table(
    ["idle memory (VmRSS)", "subject MB", "baseline MB", "ratio", "idle s", "target", "met"],
    rows.map((r) => [
      r.name,
      r.subject.rssMb.toFixed(1),
      r.baseline.rssMb.toFixed(1),
      `${r.ratio.toFixed(2)}×`,
      (r.idleMs / 1000).toString(),
      ...target(r.check),
    ]),
  );
}

function target(check: TargetCheck | null, of?: string): [string, string] {
  if (!check) return ["–", "–"];
  return [`${describeTarget(check.target)}${of ? ` (${of})` : ""}`, check.met ? "yes" : "NO"];
}

function spread(values: number[]): string {
  if (values.length < 2) return "–";
  return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
}

function ms(value: number, digits = 2): string {
  return Number.isNaN(value) ? "–" : value.toFixed(digits);
}
