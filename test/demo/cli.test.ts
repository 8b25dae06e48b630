/**
 * `baomi demo` as the operator runs it (the command function, in process, on an SQLite data dir): the accounts as
 * JSON on a fresh installation, then exit code 3 with a bilingual refusal on the second run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runDemo } from "../../src/cli/commands/demo.js";

describe("baomi demo (command)", () => {
  let dir = "";
  const saved = { ...process.env };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-demo-"));
    for (const key of Object.keys(process.env)) if (key.startsWith("BAOMI_")) delete process.env[key];
    process.env.BAOMI_DATA_DIR = dir;
  });
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    process.exitCode = undefined;
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the command, collecting what it writes. */
  async function run(args: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    process.exitCode = undefined;
    try {
      await runDemo(args);
    } finally {
      vi.restoreAllMocks();
    }
    const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
    return { code, stdout, stderr };
  }

  it("loads once, printing the accounts and the warning, and refuses the second time with exit code 3", async () => {
    const first = await run(["--json"]);
    expect(first.code, first.stderr).toBeUndefined();
    const out = JSON.parse(first.stdout) as {
      password: string;
      accounts: { username: string }[];
      administrators: { sysadmin: { username: string } } | null;
      warning: { zh: string; en: string };
    };
    expect(out.accounts.map((a) => a.username)).toContain("demo.baomiban");
    expect(out.administrators?.sysadmin.username).toBe("sysadmin");
    expect(out.warning.zh).toContain("仅供评估");
    expect(out.warning.en).toContain("evaluation only");

    const second = await run([]);
    expect(second.code).toBe(3);
    expect(second.stdout).toBe("");
    expect(second.stderr).toMatch(/已有业务数据.* \/ The database already holds business data/);
  });

  it("prints a table of the demo accounts with the password", async () => {
    const result = await run([]);
    expect(result.code, result.stderr).toBeUndefined();
    expect(result.stdout).toContain("demo.shuji");
    expect(result.stdout).toContain("baomi-demo-2012");
    expect(result.stdout).toContain("for evaluation only");
    expect(result.stdout).toMatch(/保密检查与自查：\d+ 份检查计划，\d+ 次检查，个人保密自查 \d+ 份/);
  });
});
