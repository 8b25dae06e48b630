/** Saves a run as JSON in .bench/ (gitignored), one file per run, for comparing runs later. */
import fs from "node:fs";
import path from "node:path";
import { type Environment } from "./environment.js";
import { outputDir } from "./paths.js";
import { type ScenarioOutcome } from "./results.js";
import { type RunSettings } from "./types.js";

export interface RunRecord {
  environment: Environment;
  settings: RunSettings;
  quick: boolean;
  outcomes: ScenarioOutcome[];
}

/** Writes `.bench/results-<timestamp>.json` and returns its path. */
export function writeResults(record: RunRecord): string {
  fs.mkdirSync(outputDir, { recursive: true });
  // Colons are not welcome in file names on every system the file may be copied to.
  const stamp = record.environment.date.replace(/[:.]/g, "-");
  const file = path.join(outputDir, `results-${stamp}.json`);
  // NaN (a side with no samples) is not JSON; null says the same honestly.
  const json = JSON.stringify(record, (_key, value: unknown) => (Number.isNaN(value) ? null : value), 2);
  fs.writeFileSync(file, `${json}\n`);
  return file;
}
