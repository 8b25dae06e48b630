/** The facts printed above the results and saved with them: a figure means little without the machine it came from. */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { repoRoot } from "./paths.js";

export interface Environment {
  date: string;
  node: string;
  platform: string;
  cpuCount: number;
  cpuModel: string;
  totalMemMb: number;
  loadAverage: number[];
  /** HEAD and whether the worktree had changes; null outside a git checkout or before the first commit. */
  commit: string | null;
  dirty: boolean | null;
}

export function describeEnvironment(): Environment {
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuCount: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    totalMemMb: Math.round(os.totalmem() / 2 ** 20),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    commit: git(["rev-parse", "--short", "HEAD"]),
    dirty: ((status) => (status === null ? null : status.length > 0))(git(["status", "--porcelain"])),
  };
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}
