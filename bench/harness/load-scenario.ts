/**
 * Runs a load scenario: start the baseline, the subject and any variants once, then measure them in alternating
 * rounds (B, S, V, B, S, V, …) so that whatever else the machine does during the run lands on every side alike.
 */
import fs from "node:fs";
import path from "node:path";
import { describeExit } from "./child-process.js";
import { probe, type ProbeResult } from "./http-probe.js";
import { readCpuMs } from "./proc.js";
import { runRound, type RoundResult } from "./load-round.js";
import { type LoadRow, type LoadSide } from "./results.js";
import { startServer, type RunningServer } from "./server.js";
import { median, percentileOfSorted, SampleBuffer } from "./stats.js";
import { checkTarget } from "./targets.js";
import { makeTempDir, removeTempDir } from "./temp-dirs.js";
import {
  type LoadScenario,
  type ProcessSpec,
  type RequestSpec,
  type RunSettings,
  type SignInSpec,
  type Target,
} from "./types.js";

/** Signing in hashes a password (argon2id) on a machine that may be busy: more than the default probe's 2 s. */
const SIGN_IN_TIMEOUT_MS = 15_000;

interface Side {
  name: string;
  spec: ProcessSpec;
  target: Target | null;
  dataDir: string;
  stdoutFile: string;
  /** What this side is loaded with: the scenario's request, plus the session cookie when the scenario signs in. */
  request: RequestSpec;
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
  const baseline = side("baseline", scenario.baseline, null, scenario.request);
  const subject = side(scenario.name, scenario.subject, scenario.target, scenario.request);
  const variants = (scenario.variants ?? []).map((v) =>
    side(v.name, v.server, v.target ?? null, v.request ?? scenario.request),
  );
  const sides: Side[] = [baseline, subject, ...variants];
  try {
    // One at a time: starting processes compete for the two cores and would slow each other's start for nothing.
    // The subject and variants first, so that the baseline can be given what the subject answered.
    let subjectAnswer: ProbeResult | null = null;
    for (const s of [subject, ...variants]) {
      s.server = await startServer(s.spec, { env: { BAOMI_DATA_DIR: s.dataDir }, stdoutFile: s.stdoutFile });
      if (scenario.signIn) s.request = await signIn(s, scenario.signIn, s.request);
      const answer = await checkAnswers(s);
      const problem = scenario.checkAnswer?.(answer.body) ?? null;
      if (problem !== null) {
        throw new Error(`${s.spec.label}: unexpected answer to ${s.request.path}: ${problem}`);
      }
      subjectAnswer ??= answer;
    }
    // The same request bytes on every side: the baseline gets the subject's cookie, which it ignores.
    baseline.request = subject.request;
    if (scenario.baselineServesSubjectAnswer && subjectAnswer) baseline.spec = recording(baseline, subjectAnswer);
    baseline.server = await startServer(baseline.spec, {
      env: { BAOMI_DATA_DIR: baseline.dataDir },
      stdoutFile: baseline.stdoutFile,
    });
    const baselineAnswer = await checkAnswers(baseline);
    if (scenario.baselineServesSubjectAnswer && baselineAnswer.body !== subjectAnswer?.body) {
      throw new Error(`${baseline.spec.label} does not answer the bytes the subject answered`);
    }

    const nameWidth = Math.max(...sides.map((s) => s.name.length));
    for (let round = 1; round <= settings.rounds; round++) {
      for (const s of sides) {
        const server = alive(s);
        const cpuBefore = readCpuMs(server.child.pid);
        const result = await runRound(server.origin, s.request, settings, s.latencies);
        alive(s); // a crash during the round must not pass for a slow round
        // CPU time per request is the figure least disturbed by other load on the machine: a server that is
        // descheduled serves fewer requests per second, but each request costs it the same CPU.
        // NaN, not Infinity, for a round in which no request came back (the report prints "–").
        const answered = result.requests + result.warmupRequests;
        s.cpuUsPerRequest.push(
          answered > 0 ? ((readCpuMs(server.child.pid) - cpuBefore) * 1000) / answered : Number.NaN,
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
  const [baselineSummary, ...subjectSummaries] = summaries;
  if (!baselineSummary) throw new Error("no baseline");
  return subjectSummaries.map((summary, i) => row(summary, baselineSummary, sides[i + 1]?.target ?? null));
}

function side(name: string, spec: ProcessSpec, target: Target | null, request: RequestSpec): Side {
  const dataDir = makeTempDir(name.replace(/[^a-z0-9-]/gi, "_"));
  return {
    name,
    spec,
    target,
    dataDir,
    request,
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
async function checkAnswers(s: Side): Promise<ProbeResult> {
  const answer = await probe(alive(s).origin, s.request);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${s.spec.label} answered ${answer.status} to ${s.request.path}: ${answer.body.slice(0, 300)}`);
  }
  s.probe = { status: answer.status, bodyBytes: answer.bodyBytes, headerBytes: answer.headerBytes };
  return answer;
}

/** Signs in like a browser would and returns the side's request carrying the session cookie it was given. */
async function signIn(s: Side, spec: SignInSpec, request: RequestSpec): Promise<RequestSpec> {
  const answer = await probe(alive(s).origin, spec.request, SIGN_IN_TIMEOUT_MS);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${s.spec.label}: sign-in answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  }
  // "name=value; Path=/; HttpOnly; …": the browser sends back only "name=value".
  const pair = (answer.headers["set-cookie"] ?? [])
    .map((cookie) => cookie.split(";")[0]?.trim() ?? "")
    .find((p) => p.startsWith(`${spec.cookie}=`) && p.length > spec.cookie.length + 1);
  if (pair === undefined) throw new Error(`${s.spec.label}: sign-in set no ${spec.cookie} cookie`);
  return { ...request, headers: { ...request.headers, cookie: pair } };
}

/** The baseline's spec, told where to find the subject's answer (written to a file in its own temp dir). */
function recording(baseline: Side, answer: ProbeResult): ProcessSpec {
  const bodyFile = path.join(baseline.dataDir, "answer.body");
  fs.writeFileSync(bodyFile, answer.body);
  const contentType = answer.headers["content-type"] ?? "application/json; charset=utf-8";
  return {
    ...baseline.spec,
    env: { ...baseline.spec.env, BENCH_BODY_FILE: bodyFile, BENCH_CONTENT_TYPE: contentType },
  };
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
    cpuUsPerRequest: median(s.cpuUsPerRequest.filter((v) => !Number.isNaN(v))),
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
