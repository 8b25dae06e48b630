/**
 * `baomi obligations --year 2027` as the operator runs it (the command function, in process, on an SQLite data dir
 * holding the demo institution): the seed policy's 2027 as the issue expects it, in the JSON shape scripts read, and
 * bilingual usage errors with exit code 64.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runDemo } from "../../src/cli/commands/demo.js";
import { runObligations } from "../../src/cli/commands/obligations.js";

interface Item {
  article: string;
  citation: string;
  duty: string;
  dutyId: string;
  bearerRole: string;
  bearer: string;
  period: string;
  periodId: string;
  due: string | null;
  status: string;
}

describe("baomi obligations (command)", () => {
  let dir = "";
  const saved = { ...process.env };

  async function run(
    command: (args: string[]) => Promise<void>,
    args: string[],
  ): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
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
      await command(args);
    } finally {
      vi.restoreAllMocks();
    }
    const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
    process.exitCode = undefined;
    return { code, stdout, stderr };
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-obligations-"));
    for (const key of Object.keys(process.env)) if (key.startsWith("BAOMI_")) delete process.env[key];
    process.env.BAOMI_DATA_DIR = dir;
    expect((await run(runDemo, ["--json"])).code).toBeUndefined();
  }, 60_000);
  afterAll(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints the seed policy's 2027 as JSON: semesters, halves, windows, reports, self-checks, agreements", async () => {
    const { code, stdout } = await run(runObligations, ["--year", "2027", "--format", "json"]);
    expect(code).toBeUndefined();
    const items = JSON.parse(stdout) as Item[];
    for (const item of items) {
      // The status depends on the day the test runs; nothing of 2027 is fulfilled or waived yet.
      expect(item.article).toMatch(/^art\d+/);
      expect(["open", "dueSoon", "overdue"]).toContain(item.status);
      expect(item.citation).toMatch(/^第.+条/);
      expect(item.due).toMatch(/^2027-|^2028-01-/);
    }
    const of = (dutyId: string) => items.filter((i) => i.dutyId === dutyId);
    const meetings = of("art12.1.regular-meeting");
    expect(meetings.map((m) => [m.periodId, m.due])).toEqual([
      ["2026-2027-2", "2027-07-10"],
      ["2027-2028-1", "2028-01-20"],
    ]);
    expect(meetings[0]?.period).toBe("2026—2027学年第二学期");
    const inspections = of("art11.4.half-yearly-inspection");
    const members = new Set(inspections.map((i) => i.bearer));
    expect(members.size).toBeGreaterThan(10);
    expect(inspections).toHaveLength(members.size * 2);
    expect(new Set(inspections.map((i) => i.due))).toEqual(new Set(["2027-06-30", "2027-12-31"]));
    expect(of("art12.2.annual-plan").map((i) => i.due)).toEqual(["2027-03-31"]);
    expect(of("art12.2.mid-year-supervision").map((i) => i.due)).toEqual(["2027-08-31"]);
    expect(of("art12.2.year-end-assessment").map((i) => i.due)).toEqual(["2027-12-31"]);
    expect(of("art12.2.annual-summary").map((i) => i.due)).toEqual(["2027-12-31"]);
    for (const report of ["art12.4.plan-report", "art12.4.summary-report"])
      expect(
        of(report)
          .map((i) => i.period.replace(/^.*（报(.+)）$/, "$1"))
          .sort(),
      ).toEqual(["上级保密委员会", "党委"]);
    expect(of("art7.2.self-check").length).toBeGreaterThan(50);
    expect(of("art6.responsibility-agreement").length).toBeGreaterThan(20);
    expect(of("art4.responsibility-agreement")).toHaveLength(1);
    // Event duties appear only when their events occur; continuous duties never.
    expect(items.filter((i) => i.dutyId.includes("extraordinary") || i.dutyId === "art13.8.leak-report")).toEqual([]);
    expect(items.filter((i) => i.dutyId === "art2.secrecy-with-business")).toEqual([]);
  });

  it("narrows to a unit and prints a table by default", async () => {
    const all = JSON.parse((await run(runObligations, ["--year", "2027", "--format", "json"])).stdout) as Item[];
    const table = await run(runObligations, ["--year", "2027"]);
    expect(table.stdout).toContain("2027 年履职事项");
    expect(table.stdout).toContain(`共 ${all.length} 项`);
    const unknown = await run(runObligations, ["--year", "2027", "--unit", "no-such-unit"]);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain("不存在");
  });

  it.each([[[]], [["--year", "27"]], [["--year", "2027", "--format", "csv"]], [["--bogus"]]])(
    "refuses %j with exit code 64 and the usage",
    async (args) => {
      const { code, stderr } = await run(runObligations, args);
      expect(code).toBe(64);
      expect(stderr).toContain("用法 / Usage");
    },
  );
});
