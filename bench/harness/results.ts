/** What a run produces: one outcome per scenario, with rows ready to print and to save as JSON. */
import { type ProbeResult } from "./http-probe.js";
import { type RoundResult } from "./load-round.js";
import { type TargetCheck } from "./targets.js";

/** One side (baseline, subject or variant) of a load scenario, all rounds together. */
export interface LoadSide {
  name: string;
  label: string;
  /** Median over rounds of each round's mean req/s. */
  reqPerSec: number;
  /** Of every measured response of every round on this side, pooled (see load-scenario.ts). */
  p50Ms: number;
  p99Ms: number;
  samples: number;
  /** Median over rounds of the server's CPU time (user + system) per answered request, in µs. */
  cpuUsPerRequest: number;
  /** Every request the side answered: measured, warm-up and the check before measuring. */
  servedRequests: number;
  rounds: RoundResult[];
  probe: Pick<ProbeResult, "status" | "bodyBytes" | "headerBytes">;
  /** Bytes the process wrote to stdout (its request log, at log level info) during the whole scenario. */
  stdoutBytes: number;
}

export interface LoadRow {
  kind: "load";
  name: string;
  subject: LoadSide;
  baseline: LoadSide;
  /** Subject throughput / baseline throughput, both medians over rounds. */
  ratio: number;
  /** The same ratio round by round (round i of one side against round i of the other): the spread shows the noise. */
  roundRatios: number[];
  check: TargetCheck | null;
}

/** Spawn → ready, in ms, for each repetition. */
export interface StartupSide {
  label: string;
  readyMs: number[];
  /** Spawn → the "started" line on stdout, where the process prints one. */
  listeningMs: number[];
  medianMs: number;
  maxMs: number;
}

export interface StartupRow {
  kind: "startup";
  name: string;
  subject: StartupSide;
  baseline: StartupSide;
  /** Subject median / baseline median: how many times longer than a bare Fastify process. */
  ratio: number;
  check: TargetCheck | null;
}

export interface MemoryRow {
  kind: "idle-memory";
  name: string;
  subject: { label: string; rssMb: number };
  baseline: { label: string; rssMb: number };
  idleMs: number;
  ratio: number;
  check: TargetCheck | null;
}

export type Row = LoadRow | StartupRow | MemoryRow;

export interface ScenarioOutcome {
  scenario: string;
  kind: Row["kind"];
  rows: Row[];
  /** Set when the scenario crashed: a server died, a request failed, or a process never became ready. */
  error?: string;
  elapsedS: number;
}
