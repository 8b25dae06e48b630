import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { collect, freePort, runCli, startCli } from "./run-cli.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-cli-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** One line, Chinese then English, naming the setting, and no stack trace. */
function expectOneLineNaming(stderr: string, setting: string): void {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^配置错误 ${setting}：.+ / Invalid setting ${setting}: .+`));
  expect(stderr).not.toMatch(/\s+at\s+\S+\s+\(|node_modules/);
}

describe("baomi CLI", () => {
  it("prints help in Chinese and English", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("用法 / Usage");
    expect(result.stdout).toContain("启动服务");
    expect(result.stdout).toContain("Start the server");
    expect(result.stdout).toContain("BAOMI_DATABASE_URL");
  });

  it("prints its version", async () => {
    const result = await runCli(["version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^baomi \d+\.\d+\.\d+\n$/);
  });

  it("refuses an unknown command", async () => {
    const result = await runCli(["frobnicate"]);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("未知命令“frobnicate”");
  });

  it.each([
    [{ BAOMI_PORT: "abc" }, "BAOMI_PORT"],
    [{ BAOMI_DATABASE_URL: "mysql://localhost/baomi" }, "BAOMI_DATABASE_URL"],
    [{ BAOMI_DATABASE_URL: "postgres://postgres@127.0.0.1:1/baomi" }, "BAOMI_DATABASE_URL"],
  ])("serve refuses %o with one line naming %s", async (env, setting) => {
    const result = await runCli(["serve"], { BAOMI_DATA_DIR: tempDir(), ...env });
    expect(result.code).toBe(2);
    expectOneLineNaming(result.stderr, setting);
  });

  it("serve refuses an unwritable data directory", async () => {
    const file = path.join(tempDir(), "a-file");
    fs.writeFileSync(file, "");
    const result = await runCli(["serve"], { BAOMI_DATA_DIR: path.join(file, "data") });
    expect(result.code).toBe(2);
    expectOneLineNaming(result.stderr, "BAOMI_DATA_DIR");
  });

  it("migrate brings a new database up to date, then says it is", async () => {
    const env = { BAOMI_DATA_DIR: tempDir() };
    const first = await runCli(["migrate"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("已应用迁移 / Applied: 0001_foundation, 0002_audit, 0003_identity");
    const second = await runCli(["migrate"], env);
    expect(second.stdout).toContain("数据库已是最新 / Database is up to date");
  });

  it("serve listens, answers, and shuts down cleanly on SIGTERM", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const child = startCli(["serve"], { BAOMI_DATA_DIR: tempDir(), BAOMI_PORT: String(port), BAOMI_LOG_LEVEL: "warn" });
    const done = collect(child);
    let ready: Response | undefined;
    for (let i = 0; i < 600 && !ready?.ok; i++) {
      await new Promise((r) => setTimeout(r, 50));
      ready = await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => undefined);
    }
    expect(ready?.status).toBe(200);
    child.kill("SIGTERM");
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Baomi 已启动 / started: http://127.0.0.1:${port}`);
  });

  it("serve refuses a port that is taken, naming BAOMI_PORT", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const dataDir = tempDir();
    const first = startCli(["serve"], { BAOMI_DATA_DIR: dataDir, BAOMI_PORT: String(port), BAOMI_LOG_LEVEL: "warn" });
    const firstDone = collect(first);
    // A first start also creates the three administrators (three argon2 hashes): allow a loaded machine time.
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 50));
      if ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined))?.ok) break;
    }
    const second = await runCli(["serve"], {
      BAOMI_DATA_DIR: tempDir(),
      BAOMI_PORT: String(port),
      BAOMI_LOG_LEVEL: "warn",
    });
    first.kill("SIGTERM");
    await firstDone;
    expect(second.code).toBe(2);
    expectOneLineNaming(second.stderr, "BAOMI_PORT");
  });
});
