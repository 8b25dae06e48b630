/** Reading a child's resource use from /proc (Linux, like the servers Baomi is deployed on). */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** VmRSS from /proc/<pid>/status, in MB (MiB: the kernel reports kB). */
export function readRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

let ticksPerSecond: number | null = null;

/** Clock ticks per second of /proc/<pid>/stat's times; 100 on every common Linux, asked once to be sure. */
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time the process has used so far, in ms (resolution one clock tick, usually 10 ms). */
export function readCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name (which may itself contain spaces): utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / clockTicks();
}
