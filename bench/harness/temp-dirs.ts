/** Fresh data directories for the servers under test, removed at the end of the run whatever happened. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const created = new Set<string>();

/** A new empty folder under the system temp dir: a first start, with nothing migrated yet. */
export function makeTempDir(purpose: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `baomi-bench-${purpose}-`));
  created.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  created.delete(dir);
}

/** Synchronous so it can also run from a process 'exit' handler. */
export function removeAllTempDirs(): void {
  for (const dir of created) removeTempDir(dir);
}
