/**
 * Cold start: spawn → first 200 from the readiness route, on a fresh data dir (first start: creates the database and
 * runs every migration) and again on the same dir (warm start: nothing to migrate). The baseline is a bare Fastify
 * process timed the same way, so the figure shows what Baomi adds to Node's and Fastify's own start.
 * Repetitions alternate baseline, first, warm, like the rounds of a load scenario.
 */
import { type StartupRow, type StartupSide } from "./results.js";
import { startAndWaitReady } from "./start-to-ready.js";
import { max, median } from "./stats.js";
import { checkTarget } from "./targets.js";
import { makeTempDir, removeTempDir } from "./temp-dirs.js";
import { type RunSettings, type StartupScenario } from "./types.js";

interface Timings {
  readyMs: number[];
  listeningMs: number[];
}

export async function runStartupScenario(
  scenario: StartupScenario,
  settings: RunSettings,
  progress: (line: string) => void,
): Promise<StartupRow[]> {
  const baseline: Timings = { readyMs: [], listeningMs: [] };
  const first: Timings = { readyMs: [], listeningMs: [] };
  const warm: Timings = { readyMs: [], listeningMs: [] };

  for (let rep = 1; rep <= settings.rounds; rep++) {
    const baselineDir = makeTempDir("start-baseline");
    await timeOne(scenario.baseline, baselineDir, baseline);
    removeTempDir(baselineDir);

    const dataDir = makeTempDir("start");
    await timeOne(scenario.subject, dataDir, first);
    await timeOne(scenario.subject, dataDir, warm);
    removeTempDir(dataDir);
    progress(
      `  ${scenario.name} ${rep}/${settings.rounds}  baseline ${ms(baseline.readyMs.at(-1))}  ` +
        `first ${ms(first.readyMs.at(-1))}  warm ${ms(warm.readyMs.at(-1))}`,
    );
  }

  const base = side(scenario.baseline.label, baseline);
  return [
    row(`${scenario.name} (first start)`, side(`${scenario.subject.label}, fresh data dir`, first), base, scenario),
    row(`${scenario.name} (warm start)`, side(`${scenario.subject.label}, same data dir`, warm), base, scenario),
  ];
}

async function timeOne(spec: StartupScenario["subject"], dataDir: string, into: Timings): Promise<void> {
  const ready = await startAndWaitReady(spec, dataDir);
  await ready.child.stop();
  into.readyMs.push(ready.readyMs);
  if (ready.listeningMs !== null) into.listeningMs.push(ready.listeningMs);
}

function side(label: string, timings: Timings): StartupSide {
  return { label, ...timings, medianMs: median(timings.readyMs), maxMs: max(timings.readyMs) };
}

function row(name: string, subject: StartupSide, baseline: StartupSide, scenario: StartupScenario): StartupRow {
  // The target is about every start, so it is checked against the slowest one, not the median.
  return {
    kind: "startup",
    name,
    subject,
    baseline,
    ratio: subject.medianMs / baseline.medianMs,
    check: checkTarget(scenario.target, subject.maxMs),
  };
}

function ms(value: number | undefined): string {
  return value === undefined ? "–" : `${Math.round(value)} ms`;
}
