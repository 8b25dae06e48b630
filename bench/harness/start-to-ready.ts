/** Spawns a process on a known port and times it from spawn to the first 200 from its readiness route. */
import { describeExit, spawnProcess, type ChildHandle } from "./child-process.js";
import { freePort } from "./free-port.js";
import { pollUntilOk } from "./http-probe.js";
import { type ProcessSpec } from "./types.js";

/** DESIGN asks for 5–10 ms; 5 keeps the polling error under the 5 ms step. */
const POLL_INTERVAL_MS = 5;
const READY_DEADLINE_MS = 30_000;
const STARTED_LINE = /started:/;

export interface ReadyProcess {
  child: ChildHandle;
  readyMs: number;
  /** Spawn → "started" line on stdout, or null if the process printed none before it was ready. */
  listeningMs: number | null;
}

/** Starts `spec` with `dataDir`, waits until ready; the caller stops the returned child. */
export async function startAndWaitReady(
  spec: ProcessSpec & { readyPath: string },
  dataDir: string,
): Promise<ReadyProcess> {
  const port = await freePort();
  const child = spawnProcess(spec, {
    // Each program reads its own variable; setting both keeps the specs free of port plumbing.
    env: { BAOMI_DATA_DIR: dataDir, BAOMI_HOST: "127.0.0.1", BAOMI_PORT: String(port), BENCH_PORT: String(port) },
  });
  // An object, not a `let`: the callback writes it, and narrowing would otherwise assume it is still null below.
  const listened: { at: number | null } = { at: null };
  void child.stdoutLine(STARTED_LINE).then((at) => (listened.at = at));
  try {
    const readyAt = await pollUntilOk(`http://127.0.0.1:${port}`, spec.readyPath, {
      intervalMs: POLL_INTERVAL_MS,
      deadlineMs: READY_DEADLINE_MS,
      giveUp: child.exit,
    });
    const listeningMs = listened.at === null ? null : listened.at - child.spawnedAt;
    return { child, readyMs: readyAt - child.spawnedAt, listeningMs };
  } catch (error) {
    await child.stop();
    throw new Error(`${(error as Error).message}: ${describeExit(child)}`);
  }
}
