/** The command line of bench/run.ts. */
import { parseArgs } from "node:util";
import { type RunSettings } from "./types.js";

export interface RunOptions {
  settings: RunSettings;
  /** Scenario names to run; empty means all. */
  only: string[];
  quick: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --only <name>     run only this scenario (repeat, or separate with commas)
  --rounds <n>      rounds per side for load scenarios, repetitions for start-up ones (default 5)
  --duration <s>    measured seconds per load round, whole seconds (default 3; each round also warms up 1 s)
  --quick           smoke check: 1 round of 1 s, no warm-up, 1 s idle before reading memory
  --help            this text
`;

export const DEFAULT_SETTINGS: RunSettings = {
  rounds: 5,
  durationS: 3,
  warmupS: 1,
  connections: 10,
  pipelining: 1,
  idleMs: 3000,
};

const QUICK: Partial<RunSettings> = { rounds: 1, durationS: 1, warmupS: 0, idleMs: 1000 };

/** Parses argv; throws with a one-line message on anything it does not understand. */
export function parseOptions(argv: string[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string", multiple: true },
      rounds: { type: "string" },
      duration: { type: "string" },
      quick: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const settings: RunSettings = { ...DEFAULT_SETTINGS, ...(values.quick ? QUICK : {}) };
  if (values.rounds !== undefined) settings.rounds = positiveInteger("--rounds", values.rounds, 100);
  // autocannon samples once a second and stops on a sample boundary, so a fraction would be rounded up anyway.
  if (values.duration !== undefined) settings.durationS = positiveInteger("--duration", values.duration, 60);
  return {
    settings,
    only: (values.only ?? [])
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean),
    quick: values.quick,
    help: values.help,
  };
}

function positiveInteger(flag: string, raw: string, limit: number): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > limit) throw new Error(`${flag} must be a whole number from 1 to ${limit}`);
  return n;
}
