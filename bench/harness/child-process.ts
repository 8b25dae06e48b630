/**
 * Spawning the processes under test and getting rid of them again. Every child the harness starts is tracked here so
 * that a Ctrl-C, a crash or the run's deadline can stop exactly those processes, by pid.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { compiledServerDir, distDir, repoRoot } from "./paths.js";
import { type Entry, type ProcessSpec } from "./types.js";

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnOptions {
  /** Extra environment on top of the spec's (BAOMI_DATA_DIR, ports). */
  env?: Record<string, string>;
  /** Open an IPC channel (child servers report their port over it). */
  ipc?: boolean;
  /** Send the child's stdout to this file instead of the harness (request logs would otherwise cost the harness CPU). */
  stdoutFile?: string;
}

export interface ChildHandle {
  readonly label: string;
  readonly pid: number;
  readonly process: ChildProcess;
  /** performance.now() just before spawn. */
  readonly spawnedAt: number;
  /** Settles when the process has exited, however that happened. */
  readonly exit: Promise<ExitInfo>;
  /** The exit, once it has happened; null while running. */
  exitInfo(): ExitInfo | null;
  /** The last few KB the child wrote (stderr, and stdout when piped), for crash reports. */
  outputTail(): string;
  /** performance.now() when a stdout line first matched; resolves never if stdout goes to a file. */
  stdoutLine(pattern: RegExp): Promise<number>;
  /** SIGTERM, then SIGKILL if it has not gone after a grace period. */
  stop(): Promise<void>;
}

const TAIL_BYTES = 4096;
const STOP_GRACE_MS = 3000;
const live = new Set<ChildHandle>();

/** The file a spec runs. */
export function entryFile(entry: Entry): string {
  return "dist" in entry ? path.join(distDir, entry.dist) : path.join(compiledServerDir, `${entry.server}.js`);
}

/**
 * The parent's environment minus anything that would change what is measured: BAOMI_* settings of whoever runs the
 * bench, and NODE_OPTIONS (which could smuggle a loader such as tsx into the children).
 */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("BAOMI_") || key === "NODE_OPTIONS") continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export function spawnProcess(spec: ProcessSpec, options: SpawnOptions = {}): ChildHandle {
  const stdoutFd = options.stdoutFile === undefined ? null : fs.openSync(options.stdoutFile, "a");
  const stdio: Array<"ignore" | "pipe" | "ipc" | number> = ["ignore", stdoutFd ?? "pipe", "pipe"];
  if (options.ipc) stdio.push("ipc");

  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [entryFile(spec.entry), ...(spec.args ?? [])], {
    cwd: repoRoot,
    env: cleanEnv({ ...spec.env, ...options.env }),
    stdio,
  });
  // The child holds its own copy of the descriptor.
  if (stdoutFd !== null) fs.closeSync(stdoutFd);
  if (child.pid === undefined) throw new Error(`${spec.label}: could not spawn ${entryFile(spec.entry)}`);

  let tail = "";
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString("utf8")).slice(-TAIL_BYTES);
  };
  child.stderr?.on("data", keep);
  child.stdout?.on("data", keep);

  let exitInfo: ExitInfo | null = null;
  const exit = new Promise<ExitInfo>((resolve) => {
    child.once("exit", (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
  });

  const handle: ChildHandle = {
    label: spec.label,
    pid: child.pid,
    process: child,
    spawnedAt,
    exit,
    exitInfo: () => exitInfo,
    outputTail: () => tail,
    stdoutLine: (pattern) =>
      new Promise<number>((resolve) => {
        let buffered = "";
        child.stdout?.on("data", (chunk: Buffer) => {
          const at = performance.now();
          buffered += chunk.toString("utf8");
          if (pattern.test(buffered)) resolve(at);
        });
      }),
    stop: async () => {
      if (exitInfo) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exit;
      clearTimeout(timer);
    },
  };
  live.add(handle);
  void exit.then(() => live.delete(handle));
  return handle;
}

/** Stops every child this harness started and has not yet seen exit. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((child) => child.stop()));
}

/** Last resort on the way out (process 'exit' handlers cannot wait): SIGKILL whatever is still running. */
export function killAllChildrenNow(): void {
  for (const child of live) child.process.kill("SIGKILL");
}

/** Describes how a child ended, for an error message. */
export function describeExit(child: ChildHandle): string {
  const info = child.exitInfo();
  const how = info === null ? "is still running" : `exited (code ${info.code ?? "–"}, signal ${info.signal ?? "–"})`;
  const output = child.outputTail().trim();
  return `${child.label} ${how}${output ? `\n--- last output ---\n${output}` : ""}`;
}
