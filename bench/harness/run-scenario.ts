/** Runs one scenario of any kind and turns a crash into an outcome instead of ending the run. */
import { performance } from "node:perf_hooks";
import { runIdleMemoryScenario } from "./memory-scenario.js";
import { runLoadScenario } from "./load-scenario.js";
import { type Row, type ScenarioOutcome } from "./results.js";
import { runStartupScenario } from "./startup-scenario.js";
import { type RunSettings, type Scenario } from "./types.js";

export async function runScenario(
  scenario: Scenario,
  settings: RunSettings,
  progress: (line: string) => void,
): Promise<ScenarioOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) / 100) / 10;
  try {
    const rows = await dispatch(scenario, settings, progress);
    return { scenario: scenario.name, kind: scenario.kind, rows, elapsedS: elapsed() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { scenario: scenario.name, kind: scenario.kind, rows: [], error: message, elapsedS: elapsed() };
  }
}

function dispatch(scenario: Scenario, settings: RunSettings, progress: (line: string) => void): Promise<Row[]> {
  switch (scenario.kind) {
    case "load":
      return runLoadScenario(scenario, settings, progress);
    case "startup":
      return runStartupScenario(scenario, settings, progress);
    case "idle-memory":
      return runIdleMemoryScenario(scenario, settings, progress);
  }
}
