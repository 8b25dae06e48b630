import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEED = path.join(ROOT, "policies/gdpt-2012-14.yaml");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-policy-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the seed with one edit, written to a temporary file. */
function brokenCopy(find: string, replace: string): { file: string; lineOf: (needle: string) => number } {
  const text = fs.readFileSync(SEED, "utf8");
  expect(text.split(find)).toHaveLength(2);
  const edited = text.replace(find, replace);
  const file = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(file, edited);
  return { file, lineOf: (needle) => edited.split("\n").findIndex((line) => line.includes(needle)) + 1 };
}

describe("baomi policy", () => {
  it("check accepts the seed and says what it holds", async () => {
    const result = await runCli(["policy", "check", SEED]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^策略文件有效 \/ Policy is valid: gdpt-2012-14 v1, 17 条 articles, \d+ 项 duties\n$/,
    );
  });

  it("check refuses a bad file with FILE:LINE:COL and both languages, exit 1", async () => {
    const { file, lineOf } = brokenCopy(
      "    bearer: committee\n    cadence: { every: semester }\n",
      "    bearer: dean\n    colour: red\n    cadence: { every: semester }\n",
    );
    const result = await runCli(["policy", "check", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${escape(file)}:${lineOf("bearer: dean")}:13 duties\\[\\d+\\]\\.bearer：未知角色“dean”，.+ / duties\\[\\d+\\]\\.bearer: unknown role "dean"; .+$`,
      ),
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^${escape(file)}:${lineOf("colour: red")}:5 duties\\[\\d+\\]\\.colour：不允许的键“colour” / duties\\[\\d+\\]\\.colour: unknown key "colour"$`,
      ),
    );
    expect(lines[2]).toBe("策略文件无效：2 处错误 / Policy is invalid: 2 errors");
  });

  it("check names a missing file and insists on exactly one file", async () => {
    const missing = path.join(dir, "nope.yaml");
    const absent = await runCli(["policy", "check", missing]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain(`${missing} 策略文件文件不存在 / policy file: no such file`);
    const usage = await runCli(["policy", "check"]);
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain("用法 / Usage");
  });

  it("show prints one article's duties with citation, bearer, cadence and discharge", async () => {
    const result = await runCli(["policy", "show", "--article", "12"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("第十二条  学院保密委员会工作制度：");
    expect(result.stdout).toContain(
      "● 第十二条第（一）项  召开保密委员会例会（每学期一次） / Regular committee meeting (once a semester)",
    );
    expect(result.stdout).toContain("承担 bearer    保密委员会 / Secrecy committee");
    expect(result.stdout).toContain("周期 cadence   每学期一次 / once a semester");
    expect(result.stdout).toContain("（meeting.minutesSigned）");
    expect(result.stdout).toContain("报送 report to 党委、上级保密委员会");
    expect(result.stdout).not.toContain("第十一条");
  });

  it("show --format json gives the catalogue as data; the whole catalogue skips articles without duties", async () => {
    const result = await runCli(["policy", "show", "--format", "json", "--file", SEED]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as {
      policy: { id: string };
      articles: {
        number: number;
        duties: { id: string; bearer: { name: { zh: string } }; cadence: { description: { zh: string } } }[];
      }[];
    };
    expect(data.policy.id).toBe("gdpt-2012-14");
    expect(data.articles.map((a) => a.number)).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13]);
    const selfCheck = data.articles.find((a) => a.number === 7)?.duties.find((d) => d.id === "art7.2.self-check");
    expect(selfCheck?.bearer.name.zh).toBe("涉密人员");
    expect(selfCheck?.cadence.description.zh).toBe("每 3/6/12 个月（核心/重要/一般）");
  });

  it("show refuses an article the policy does not have and an unknown format", async () => {
    const article = await runCli(["policy", "show", "--article", "99"]);
    expect(article.code).toBe(64);
    expect(article.stderr).toContain("策略中没有第 99 条 / the policy has no article 99");
    const format = await runCli(["policy", "show", "--format", "xml"]);
    expect(format.code).toBe(64);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
