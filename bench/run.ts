/**
 * `npm run bench`: builds nothing itself (the npm script runs build:server first), runs the selected scenarios one
 * after another, prints one table per kind and saves the run as JSON. Target misses are reported, not failed on;
 * the exit code is non-zero only when a scenario crashed or the command line was wrong.
 */
import fs from "node:fs";
import path from "node:path";
import { killAllChildrenNow, stopAllChildren } from "./harness/child-process.js";
import { compileServers } from "./harness/compile-servers.js";
import { describeEnvironment } from "./harness/environment.js";
import { parseOptions, USAGE, type RunOptions } from "./harness/options.js";
import { distDir } from "./harness/paths.js";
import { formatHeader, formatReport } from "./harness/print.js";
import { type ScenarioOutcome } from "./harness/results.js";
import { writeResults } from "./harness/results-file.js";
import { runScenario } from "./harness/run-scenario.js";
import { removeAllTempDirs } from "./harness/temp-dirs.js";
import { type RunSettings, type Scenario } from "./harness/types.js";
import { scenarios } from "./scenarios/index.js";

const EXIT_CRASHED = 1;
const EXIT_USAGE = 64;
const EXIT_DEADLINE = 124;

function options(): RunOptions {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(EXIT_USAGE);
  }
}

function selected(only: string[]): Scenario[] {
  const unknown = only.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`unknown scenario ${unknown.join(", ")}; known: ${scenarios.map((s) => s.name).join(", ")}`);
    process.exit(EXIT_USAGE);
  }
  return only.length === 0 ? [...scenarios] : scenarios.filter((s) => only.includes(s.name));
}

/**
 * A ceiling on the whole run, so that it stops by itself whatever hangs. Every load round is bounded by autocannon's
 * duration and every start by a readiness deadline; this is the backstop behind those, generous on purpose.
 */
function deadlineMs(chosen: Scenario[], settings: RunSettings): number {
  const perLoadRound = settings.durationS + settings.warmupS + 2;
  const sides = (s: Scenario): number => (s.kind === "load" ? 2 + (s.variants?.length ?? 0) : 0);
  const loadS = chosen.reduce((sum, s) => sum + sides(s) * settings.rounds * perLoadRound, 0);
  return (180 + loadS) * 1000;
}

function installExitHandlers(limitMs: number): void {
  const abort = (reason: string, code: number): void => {
    console.error(`\nbench stopped: ${reason}`);
    void stopAllChildren().finally(() => {
      removeAllTempDirs();
      process.exit(code);
    });
  };
  process.once("SIGINT", () => abort("interrupted", 130));
  process.once("SIGTERM", () => abort("terminated", 143));
  setTimeout(() => abort(`still running after ${limitMs / 1000} s`, EXIT_DEADLINE), limitMs).unref();
  // Whatever path leads out, no child server and no temp data dir outlives the run.
  process.once("exit", () => {
    killAllChildrenNow();
    removeAllTempDirs();
  });
}

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const chosen = selected(opts.only);
  if (
    !fs.existsSync(path.join(distDir, "cli", "main.js")) ||
    !fs.existsSync(path.join(distDir, "platform", "http", "app.js"))
  ) {
    console.error("dist/ is missing: run `npm run build:server` (npm run bench does it for you)");
    return EXIT_CRASHED;
  }
  compileServers();
  installExitHandlers(deadlineMs(chosen, opts.settings));

  const environment = describeEnvironment();
  console.log(formatHeader(environment, opts.settings, opts.quick));

  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of chosen) {
    console.log(`\n▶ ${scenario.name} — ${scenario.description.zh}\n  ${scenario.description.en}`);
    const outcome = await runScenario(scenario, opts.settings, (line) => console.log(line));
    console.log(outcome.error ? `  CRASHED after ${outcome.elapsedS} s` : `  done in ${outcome.elapsedS} s`);
    outcomes.push(outcome);
  }

  console.log(`\n${formatReport(outcomes)}`);
  const file = writeResults({ environment, settings: opts.settings, quick: opts.quick, outcomes });
  console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
  return outcomes.some((o) => o.error) ? EXIT_CRASHED : 0;
}

process.exitCode = await main();
