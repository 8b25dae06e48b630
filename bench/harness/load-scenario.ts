/**
 * Runs a load scenario: start the baseline, the subject and any variants once, then measure them in alternating
 * rounds (B, S, V, B, S, V, …) so that whatever else the machine does during the run lands on every side alike.
 */
import fs from "node:fs";
import path from "node:path";
import { describeExit } from "./child-process.js";
import { probe } from "./http-probe.js";
import { readCpuMs } from "./proc.js";
import { runRound, type RoundResult } from "./load-round.js";
import { type LoadRow, type LoadSide } from "./results.js";
import { startServer, type RunningServer } from "./server.js";
import { median, percentileOfSorted, SampleBuffer } from "./stats.js";
import { checkTarget } from "./targets.js";
import { makeTempDir, removeTempDir } from "./temp-dirs.js";
import { type LoadScenario, type ProcessSpec, type RunSettings, type Target } from "./types.js";

interface Side {
  name: string;
  spec: ProcessSpec;
  target: Target | null;
  dataDir: string;
  stdoutFile: string;
  server?: RunningServer;
  probe?: LoadSide["probe"];
  rounds: RoundResult[];
  /** Server CPU (user + system) per answered request, warm-up included, one figure per round. */
  cpuUsPerRequest: number[];
  /**
   * Every measured response's latency from every round of this side, pooled into one distribution: the reported
   * p50/p99 are percentiles of all requests the side served while measured. Averaging per-round p99s instead would
   * give a number that is not a percentile of anything, and a slow outlier round would be diluted.
   */
  latencies: SampleBuffer;
}

export async function runLoadScenario(
  scenario: LoadScenario,
  settings: RunSettings,
  progress: (line: string) => void,
): Promise<LoadRow[]> {
  const sides: Side[] = [
    side("baseline", scenario.baseline, null),
    side(scenario.name, scenario.subject, scenario.target),
    ...(scenario.variants ?? []).map((v) => side(v.name, v.server, v.target ?? null)),
  ];
  try {
    // One at a time: starting processes compete for the two cores and would slow each other's start for nothing.
    for (const s of sides) {
      s.server = await startServer(s.spec, { env: { BAOMI_DATA_DIR: s.dataDir }, stdoutFile: s.stdoutFile });
      s.probe = await checkAnswers(s, scenario);
    }
    const nameWidth = Math.max(...sides.map((s) => s.name.length));
    for (let round = 1; round <= settings.rounds; round++) {
      for (const s of sides) {
        const server = alive(s);
        const cpuBefore = readCpuMs(server.child.pid);
        const result = await runRound(server.origin, scenario.request, settings, s.latencies);
        alive(s); // a crash during the round must not pass for a slow round
        // CPU time per request is the figure least disturbed by other load on the machine: a server that is
        // descheduled serves fewer requests per second, but each request costs it the same CPU.
        s.cpuUsPerRequest.push(
          ((readCpuMs(server.child.pid) - cpuBefore) * 1000) / (result.requests + result.warmupRequests),
        );
        if (result.errors + result.timeouts + result.non2xx > 0) {
          throw new Error(
            `${s.spec.label}: ${result.errors} connection errors, ${result.timeouts} timeouts, ` +
              `${result.non2xx} non-2xx answers in round ${round}\n${server.child.outputTail()}`,
          );
        }
        s.rounds.push(result);
        progress(
          `  ${scenario.name} round ${round}/${settings.rounds}  ${s.name.padEnd(nameWidth)} ${fmt(result.reqPerSec)} req/s`,
        );
      }
    }
  } finally {
    // Temp dirs of a crashed scenario are left to the run's final clean-up; the crash report may name them.
    await Promise.all(sides.map((s) => s.server?.child.stop() ?? Promise.resolve()));
  }
  const summaries = sides.map(summarize);
  for (const s of sides) removeTempDir(s.dataDir);
  const [baseline, ...subjects] = summaries;
  if (!baseline) throw new Error("no baseline");
  return subjects.map((subject, i) => row(subject, baseline, sides[i + 1]?.target ?? null));
}

function side(name: string, spec: ProcessSpec, target: Target | null): Side {
  const dataDir = makeTempDir(name.replace(/[^a-z0-9-]/gi, "_"));
  return {
    name,
    spec,
    target,
    dataDir,
    stdoutFile: path.join(dataDir, "stdout.log"),
    rounds: [],
    cpuUsPerRequest: [],
    latencies: new SampleBuffer(),
  };
}

/** The running server of a side, or a crash report if its process has exited. */
function alive(s: Side): RunningServer {
  const server = s.server;
  if (!server) throw new Error(`${s.spec.label} was not started`);
  if (server.child.exitInfo()) throw new Error(`crashed: ${describeExit(server.child)}`);
  return server;
}

/** One request before measuring: a side that does not answer 2xx would be measuring its error path. */
async function checkAnswers(s: Side, scenario: LoadScenario): Promise<LoadSide["probe"]> {
  const answer = await probe(alive(s).origin, scenario.request);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(
      `${s.spec.label} answered ${answer.status} to ${scenario.request.path}: ${answer.body.slice(0, 300)}`,
    );
  }
  return { status: answer.status, bodyBytes: answer.bodyBytes, headerBytes: answer.headerBytes };
}

function summarize(s: Side): LoadSide {
  const sorted = s.latencies.sorted();
  return {
    name: s.name,
    label: s.spec.label,
    reqPerSec: median(s.rounds.map((r) => r.reqPerSec)),
    p50Ms: percentileOfSorted(sorted, 50),
    p99Ms: percentileOfSorted(sorted, 99),
    samples: sorted.length,
    cpuUsPerRequest: median(s.cpuUsPerRequest),
    servedRequests: 1 + s.rounds.reduce((sum, r) => sum + r.requests + r.warmupRequests, 0),
    rounds: s.rounds,
    probe: s.probe ?? { status: 0, bodyBytes: 0, headerBytes: 0 },
    stdoutBytes: fs.existsSync(s.stdoutFile) ? fs.statSync(s.stdoutFile).size : 0,
  };
}

function row(subject: LoadSide, baseline: LoadSide, target: Target | null): LoadRow {
  const ratio = subject.reqPerSec / baseline.reqPerSec;
  return {
    kind: "load",
    name: subject.name,
    subject,
    baseline,
    ratio,
    roundRatios: subject.rounds.map((r, i) => r.reqPerSec / (baseline.rounds[i]?.reqPerSec ?? Number.NaN)),
    check: target ? checkTarget(target, ratio) : null,
  };
}

function fmt(n: number): string {
  return Math.round(n).toString().padStart(7);
}
