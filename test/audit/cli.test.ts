import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testDialects } from "../databases.js";
import { runCli } from "../cli/run-cli.js";
import { appendMany, openAuditFixture, tamper, type AuditFixture } from "./fixtures.js";

describe.each(testDialects)("baomi audit on %s", (dialect) => {
  let fixture: AuditFixture;
  afterEach(async () => {
    await fixture.close();
  });

  function env(): Record<string, string> {
    const target = fixture.database.target;
    return {
      BAOMI_DATA_DIR: fixture.database.dataDir,
      BAOMI_DATABASE_URL: target.dialect === "sqlite" ? `sqlite:${target.file}` : target.url,
    };
  }

  it("verifies, exports, and catches a cut-off tail against the export", { timeout: 60_000 }, async () => {
    fixture = await openAuditFixture(dialect, { checkpointEvery: 10 });
    await appendMany(fixture, 25);

    const verified = await runCli(["audit", "verify"], env());
    expect(verified.stderr).toBe("");
    expect(verified.code).toBe(0);
    expect(verified.stdout).toBe(
      "审计日志完整：25 条记录，2 个签名检查点，最后序号 25 / Audit log intact: 25 entries, 2 signed checkpoints, last seq 25\n",
    );

    const file = path.join(fixture.database.dataDir, "off-host", "audit.jsonl");
    fs.mkdirSync(path.dirname(file));
    const exported = await runCli(["audit", "export", "--out", file], env());
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(
      /^已导出 25 条审计记录与 2 个检查点.* \/ Exported 25 audit entries and 2 checkpoints/,
    );
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["audit.jsonl"]);

    const incremental = await runCli(["audit", "export", "--since", "20"], env());
    expect(incremental.code).toBe(0);
    const lines = incremental.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; seq?: number });
    expect(lines.filter((l) => l.type === "entry").map((l) => l.seq)).toEqual([21, 22, 23, 24, 25]);
    expect(incremental.stderr).toContain("Exported 5 audit entries");

    await tamper(fixture.db, ["delete from audit_entry where seq > 22", "delete from audit_checkpoint where seq > 20"]);
    const fooled = await runCli(["audit", "verify", "--json"], env());
    expect(fooled.code).toBe(0);
    expect(JSON.parse(fooled.stdout)).toEqual({ ok: true, count: 22, checkpoints: 2, lastSeq: 22 });

    const caught = await runCli(["audit", "verify", "--against", file], env());
    expect(caught.code).toBe(3);
    expect(caught.stdout).toBe("");
    expect(caught.stderr).toMatch(/^审计日志在第 23 条记录处断裂：.+ \/ Audit log broken at entry 23: .+cut off\n$/);
  });

  it("refuses bad usage and a damaged export with one bilingual line", { timeout: 60_000 }, async () => {
    fixture = await openAuditFixture(dialect);
    const usage = await runCli(["audit", "frobnicate"], env());
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain("未知子命令“frobnicate” / unknown subcommand");
    const bad = path.join(fixture.database.dataDir, "bad.jsonl");
    fs.writeFileSync(bad, "not json\n");
    const damaged = await runCli(["audit", "verify", "--against", bad], env());
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toBe(`导出文件无效（${bad}:1）：不是 JSON / Invalid export file (${bad}:1): not JSON\n`);
  });
});
