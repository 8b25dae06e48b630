/**
 * Idle memory: start the process, wait until ready, leave it alone, then read its resident set size. Baseline: a bare
 * Fastify process treated the same way. Linux only (/proc), like the servers Baomi is deployed on.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { describeExit, spawnProcess } from "./child-process.js";
import { readRssMb } from "./proc.js";
import { type MemoryRow } from "./results.js";
import { startAndWaitReady } from "./start-to-ready.js";
import { checkTarget } from "./targets.js";
import { makeTempDir, removeTempDir } from "./temp-dirs.js";
import { type IdleMemoryScenario, type ProcessSpec, type RunSettings } from "./types.js";

const PREPARE_TIMEOUT_MS = 30_000;

export async function runIdleMemoryScenario(
  scenario: IdleMemoryScenario,
  settings: RunSettings,
  progress: (line: string) => void,
): Promise<MemoryRow[]> {
  const baselineMb = await idleRss(scenario.baseline, settings.idleMs, undefined);
  const subjectMb = await idleRss(scenario.subject, settings.idleMs, scenario.prepare);
  progress(`  ${scenario.name}  baseline ${baselineMb.toFixed(1)} MB  subject ${subjectMb.toFixed(1)} MB`);
  return [
    {
      kind: "idle-memory",
      name: scenario.name,
      subject: { label: scenario.subject.label, rssMb: subjectMb },
      baseline: { label: scenario.baseline.label, rssMb: baselineMb },
      idleMs: settings.idleMs,
      ratio: subjectMb / baselineMb,
      check: checkTarget(scenario.target, subjectMb),
    },
  ];
}

async function idleRss(
  spec: IdleMemoryScenario["subject"],
  idleMs: number,
  prepare: ProcessSpec | undefined,
): Promise<number> {
  const dataDir = makeTempDir("rss");
  try {
    if (prepare) await runToCompletion(prepare, dataDir);
    const ready = await startAndWaitReady(spec, dataDir);
    try {
      await sleep(idleMs);
      if (ready.child.exitInfo()) throw new Error(`exited while idle: ${describeExit(ready.child)}`);
      return readRssMb(ready.child.pid);
    } finally {
      await ready.child.stop();
    }
  } finally {
    removeTempDir(dataDir);
  }
}

/** Runs a one-shot command (e.g. `baomi migrate`) on the data dir and requires it to succeed. */
async function runToCompletion(spec: ProcessSpec, dataDir: string): Promise<void> {
  const child = spawnProcess(spec, { env: { BAOMI_DATA_DIR: dataDir } });
  const timer = setTimeout(() => void child.stop(), PREPARE_TIMEOUT_MS);
  const exit = await child.exit;
  clearTimeout(timer);
  if (exit.code !== 0) throw new Error(`preparation failed: ${describeExit(child)}`);
}
