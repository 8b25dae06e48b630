import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultPolicyPath, formatPath, loadPolicyFile, parsePolicy, type PolicyError } from "./load-policy.js";

const SEED = fs.readFileSync(defaultPolicyPath(), "utf8");

/** The seed with one exact piece of text replaced; the piece must occur once so the test edits what it means to. */
function seedWith(find: string, replace: string): string {
  expect(SEED.split(find), `"${find}" should occur once in the seed`).toHaveLength(2);
  return SEED.replace(find, replace);
}

/** 1-based line of the first line of `text` that contains `needle` at or after line `from`. */
function lineOf(text: string, needle: string, from = 1): number {
  const index = text.split("\n").findIndex((line, i) => i + 1 >= from && line.includes(needle));
  expect(index, `"${needle}" not found`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

function errorsOf(text: string): PolicyError[] {
  const result = parsePolicy(text);
  if (result.ok) throw new Error("expected the policy to be refused");
  return result.errors;
}

const REGULAR_MEETING = "  - id: art12.1.regular-meeting\n";
const SEMESTER = "    bearer: committee\n    cadence: { every: semester }\n";

describe("parsePolicy", () => {
  it("accepts the seed", () => {
    const result = parsePolicy(SEED);
    expect(result.ok).toBe(true);
  });

  it("refuses an unknown key at the line of that key", () => {
    const text = seedWith(REGULAR_MEETING, `${REGULAR_MEETING}    colour: red\n`);
    expect(errorsOf(text)).toEqual([
      {
        line: lineOf(text, "colour: red"),
        column: 5,
        path: expect.stringMatching(/^duties\[\d+\]\.colour$/) as string,
        message: { zh: "不允许的键“colour”", en: 'unknown key "colour"' },
      },
    ]);
  });

  it("refuses an unknown top-level key", () => {
    const text = `${SEED}\nextras: true\n`;
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ line: lineOf(text, "extras: true"), column: 1, path: "extras" });
  });

  it("refuses a duty borne by an unknown role, at the bearer's line", () => {
    const text = seedWith(SEMESTER, "    bearer: dean\n    cadence: { every: semester }\n");
    const [error, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    expect(error?.line).toBe(lineOf(text, "bearer: dean"));
    expect(error?.column).toBe(13);
    expect(error?.message.zh).toMatch(/^未知角色“dean”，应为 partySecretary、.*secrecyOfficeUnit 之一$/);
    expect(error?.message.en).toMatch(/^unknown role "dean"; it must be one of partySecretary, /);
  });

  it("refuses a role entry for a role the platform does not have", () => {
    const text = seedWith("  - id: liaison\n", "  - id: dean\n");
    const [error] = errorsOf(text);
    expect(error).toMatchObject({
      line: lineOf(text, "- id: dean"),
      path: expect.stringMatching(/^roles\[\d+\]\.id$/) as string,
    });
    expect(error?.message.zh).toMatch(/^未知角色“dean”/);
  });

  it("refuses a cadence it cannot compute", () => {
    const text = seedWith(SEMESTER, "    bearer: committee\n    cadence: { every: fortnight }\n");
    expect(errorsOf(text)).toEqual([
      {
        line: lineOf(text, "every: fortnight"),
        column: 23,
        path: expect.stringMatching(/^duties\[\d+\]\.cadence\.every$/) as string,
        message: {
          zh: "无法计算的周期“fortnight”，应为 semester、year、half、person、event、continuous 之一",
          en: 'cannot compute the cadence "fortnight"; it must be one of semester, year, half, person, event, continuous',
        },
      },
    ]);
  });

  it("refuses a yearly cadence without its window, and a zero-month self-check interval", () => {
    const text = seedWith("    cadence: { every: year, window: mid }\n", "    cadence: { every: year }\n").replace(
      "CORE: 3,",
      "CORE: 0,",
    );
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.line, e.message.zh])).toEqual([
      [lineOf(text, "CORE: 0"), "不能少于 1"],
      [lineOf(text, "cadence: { every: year }"), "缺少必填项“window”，应为 start、mid、end、whole 之一"],
    ]);
  });

  it("refuses a duplicate duty id at the line of the second one", () => {
    const text = seedWith("  - id: art12.1.extraordinary-meeting\n", "  - id: art12.1.regular-meeting\n");
    const second = lineOf(text, "- id: art12.1.regular-meeting", lineOf(text, "- id: art12.1.regular-meeting") + 1);
    expect(errorsOf(text)).toEqual([
      {
        line: second,
        column: 9,
        path: expect.stringMatching(/^duties\[\d+\]\.id$/) as string,
        message: { zh: "编号“art12.1.regular-meeting”重复", en: 'duplicate id "art12.1.regular-meeting"' },
      },
    ]);
  });

  it("refuses a duplicate YAML key instead of letting the last one win", () => {
    const text = seedWith(SEMESTER, "    bearer: committee\n    bearer: liaison\n    cadence: { every: semester }\n");
    expect(errorsOf(text)).toEqual([
      {
        line: lineOf(text, "bearer: liaison"),
        column: 5,
        path: "",
        message: { zh: "键“bearer”重复", en: 'duplicate key "bearer"' },
      },
    ]);
  });

  it("refuses a YAML syntax error with its line", () => {
    const text = seedWith(
      "title: 广东技术师范学院保密工作责任制实施细则\n",
      'title: "广东技术师范学院保密工作责任制实施细则\n',
    );
    const [error] = errorsOf(text);
    expect(error?.line).toBe(lineOf(text, 'title: "广东'));
    expect(error?.message.zh).toMatch(/^YAML 语法错误/);
    expect(error?.message.en).toMatch(/^YAML syntax error: /);
  });

  it("refuses tabs used as indentation", () => {
    const [error] = errorsOf("id: x\nroles:\n\t- a\n");
    expect(error).toMatchObject({ line: 3, column: 1, message: { zh: "YAML 语法错误：不能用制表符缩进，请使用空格" } });
  });

  it("refuses a duty citing an article that does not exist", () => {
    const text = seedWith("    article: art12.3\n", "    article: art12.9\n");
    expect(errorsOf(text)).toEqual([
      {
        line: lineOf(text, "article: art12.9"),
        column: 14,
        path: expect.stringMatching(/^duties\[\d+\]\.article$/) as string,
        message: { zh: "条款“art12.9”未定义", en: 'article "art12.9" is not defined' },
      },
    ]);
  });

  it("refuses a role filled by a position the policy does not define", () => {
    const text = seedWith("positions: [UNIT_HEAD] }", "positions: [DEAN] }");
    const [error] = errorsOf(text);
    expect(error).toMatchObject({
      line: lineOf(text, "positions: [DEAN]"),
      message: { zh: "职务“DEAN”未定义", en: 'position "DEAN" is not defined' },
    });
  });

  it("puts a missing key at the line of the mapping that lacks it", () => {
    const text = seedWith(
      "      record: annualPlan.approved\n      condition:\n        zh: 本年度",
      "      condition:\n        zh: 本年度",
    );
    const [error] = errorsOf(text);
    const parent = lineOf(text, "by: record", lineOf(text, "- id: art12.2.annual-plan"));
    expect(error).toMatchObject({
      line: parent,
      column: 7,
      message: { zh: "缺少必填项“record”", en: 'missing required key "record"' },
    });
  });

  it("reports every problem at once, in line order", () => {
    const text = seedWith(SEMESTER, "    bearer: committee\n    cadence: { every: fortnight }\n").replace(
      "version: 1\n",
      "version: one\n",
    );
    const errors = errorsOf(text);
    expect(errors.map((e) => e.path.replace(/\[\d+\]/, "[]"))).toEqual(["version", "duties[].cadence.every"]);
    expect(errors[0]).toMatchObject({
      line: lineOf(text, "version: one"),
      message: { zh: "应为数字", en: "must be a number" },
    });
  });

  it("refuses an empty file and an alias without an anchor", () => {
    expect(errorsOf("")).toEqual([
      { line: 1, column: 1, path: "", message: { zh: "策略文件为空", en: "the policy file is empty" } },
    ]);
    expect(errorsOf("id: *nowhere\n")[0]).toMatchObject({
      line: 1,
      column: 5,
      message: { zh: "别名“*nowhere”没有对应的锚点" },
    });
  });

  it("refuses a second YAML document in the file", () => {
    const [error] = errorsOf(`${SEED}---\nid: other\n`);
    expect(error?.message.zh).toBe("YAML 语法错误：一个策略文件只能包含一个 YAML 文档");
  });
});

describe("loadPolicyFile", () => {
  it("loads the default policy from the package root", () => {
    expect(defaultPolicyPath().endsWith(path.join("policies", "gdpt-2012-14.yaml"))).toBe(true);
    const result = loadPolicyFile(defaultPolicyPath());
    expect(result.ok && result.policy.id).toBe("gdpt-2012-14");
  });

  it("reports a missing file as one error about the whole file", () => {
    const file = path.join(os.tmpdir(), `baomi-no-such-policy-${process.pid}.yaml`);
    expect(loadPolicyFile(file)).toEqual({
      ok: false,
      errors: [
        { line: 0, column: 0, path: "", message: { zh: "策略文件文件不存在", en: "policy file: no such file" } },
      ],
    });
  });
});

describe("formatPath", () => {
  it("writes array indexes in brackets", () => {
    expect(formatPath(["duties", 3, "cadence", "every"])).toBe("duties[3].cadence.every");
    expect(formatPath([])).toBe("");
  });
});
