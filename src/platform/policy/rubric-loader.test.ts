import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../domain/errors.js";
import { rubricItems, scoreRubric, totalPoints, type RubricAnswers } from "../../domain/rubric.js";
import { defaultPolicyPath, loadPolicyFile } from "./load-policy.js";
import {
  loadRubricFile,
  parseRubric,
  shippedRubric,
  shippedRubricIds,
  shippedRubricsDir,
  type RubricError,
} from "./rubric-loader.js";

const SHIPPED_TEXT = fs.readFileSync(path.join(shippedRubricsDir(), "unit-assessment.yaml"), "utf8");

const MINIMAL = `id: tiny-rubric
version: 1
title: { zh: 小评分表, en: Tiny rubric }
article: art12.2
sections:
  - id: org
    title: { zh: 组织领导, en: Leadership }
    items:
      - id: org.agreement
        kind: points
        points: 10
        title: { zh: 签订责任书, en: Agreement }
      - id: veto.leak
        kind: veto
        title: { zh: 发生泄密事件, en: Leak }
`;

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  expect(index, `"${needle}" not found`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

function errorsOf(text: string): RubricError[] {
  const result = parseRubric(text);
  if (result.ok) throw new Error("expected the rubric to be refused");
  return result.errors;
}

function withReplaced(text: string, find: string, replace: string): string {
  expect(text.split(find), `"${find}" should occur once`).toHaveLength(2);
  return text.replace(find, replace);
}

describe("the shipped year-end assessment rubric", () => {
  const rubric = shippedRubric("unit-assessment");

  it("loads, serves art12.2, and its points items total 100", () => {
    expect(rubric.id).toBe("unit-assessment");
    expect(rubric.article).toBe("art12.2");
    expect(totalPoints(rubric)).toBe(100);
    expect(rubric.bands.map((band) => [band.min, band.zh])).toEqual([
      [90, "符合"],
      [80, "基本符合"],
      [0, "不符合"],
    ]);
  });

  it("has veto items (泄密, 违规连接互联网) and deductions (未按期整改)", () => {
    const items = rubricItems(rubric).map(({ item }) => item);
    const vetoes = items.filter((item) => item.kind === "veto");
    expect(vetoes.length).toBeGreaterThanOrEqual(2);
    expect(vetoes.map((item) => item.title.zh).join("；")).toMatch(/泄密事件.*互联网/);
    const deductions = items.filter((item) => item.kind === "deduction");
    expect(deductions.length).toBeGreaterThanOrEqual(1);
    expect(deductions.some((item) => item.title.zh.includes("未按期整改"))).toBe(true);
    expect(items.filter((item) => item.kind === "points").length).toBeGreaterThanOrEqual(18);
  });

  it("has a complete English text for every section and item", () => {
    for (const section of rubric.sections) expect(section.title.en).toMatch(/^[A-Z]/);
    for (const { item } of rubricItems(rubric)) {
      expect(item.title.en, item.id).toMatch(/^[A-Z]/);
      expect(item.title.en, item.id).not.toMatch(/[\u4e00-\u9fff]/);
      if (item.guidance) expect(item.guidance.en, item.id).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("cites only articles the default policy has", () => {
    const policy = loadPolicyFile(defaultPolicyPath());
    if (!policy.ok) throw new Error("the default policy should load");
    const known = new Set(policy.policy.articles.flatMap((a) => [a.id, ...a.items.map((i) => i.id)]));
    expect(known.has(rubric.article)).toBe(true);
    for (const { item } of rubricItems(rubric)) {
      for (const ref of item.articles) expect(known.has(ref), `${item.id} cites ${ref}`).toBe(true);
    }
  });

  it("scores a full answer sheet", () => {
    const answers: RubricAnswers = Object.fromEntries(
      rubricItems(rubric).map(({ item }) => [
        item.id,
        item.kind === "veto" ? { vetoed: false } : { score: item.kind === "points" ? item.points : 0 },
      ]),
    );
    expect(scoreRubric(rubric, answers)).toMatchObject({ earned: 100, possible: 100, percent: 100 });
  });

  it("is listed, and each caller gets its own copy", () => {
    expect(shippedRubricIds()).toContain("unit-assessment");
    const copy = shippedRubric("unit-assessment");
    copy.sections[0]!.title.zh = "改动";
    expect(shippedRubric("unit-assessment").sections[0]?.title.zh).toBe("组织领导与责任落实");
  });
});

describe("shippedRubric", () => {
  it.each(["no-such-rubric", "../package", "unit-assessment/../../package", ""])("refuses %j as NOT_FOUND", (id) => {
    let error: unknown;
    try {
      shippedRubric(id);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});

describe("parseRubric", () => {
  it("accepts the shipped rubric and a minimal one", () => {
    expect(parseRubric(SHIPPED_TEXT).ok).toBe(true);
    expect(parseRubric(MINIMAL).ok).toBe(true);
  });

  it("refuses an unknown key at the line of that key", () => {
    const text = withReplaced(MINIMAL, "        points: 10\n", "        points: 10\n        weight: 2\n");
    expect(errorsOf(text)).toEqual([
      {
        line: lineOf(text, "weight: 2"),
        column: 9,
        path: "sections[0].items[0].weight",
        message: { zh: "不允许的键“weight”", en: 'unknown key "weight"' },
      },
    ]);
  });

  it("refuses an unknown kind at its line", () => {
    const text = withReplaced(MINIMAL, "kind: points", "kind: bonus");
    const [error, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ line: lineOf(text, "kind: bonus"), column: 15, path: "sections[0].items[0].kind" });
    expect(error?.message.zh).toBe("取值“bonus”无效，应为 points、deduction、veto 之一");
  });

  it("refuses a points item worth nothing, at the line of its points, in both languages", () => {
    const text = withReplaced(MINIMAL, "points: 10", "points: 0");
    expect(errorsOf(text)).toEqual([
      {
        line: lineOf(text, "points: 0"),
        column: 17,
        path: "sections[0].items[0].points",
        message: { zh: "计分项的分值须大于 0", en: "a points item must be worth more than 0" },
      },
    ]);
  });

  it("refuses a duplicate id at the line of the second one", () => {
    const text = withReplaced(MINIMAL, "- id: veto.leak", "- id: org.agreement");
    const [error] = errorsOf(text);
    expect(error).toEqual({
      line: text.split("\n").findLastIndex((line) => line.includes("- id: org.agreement")) + 1,
      column: 13,
      path: "sections[0].items[1].id",
      message: { zh: "编号“org.agreement”重复", en: 'duplicate id "org.agreement"' },
    });
  });

  it("refuses a total the items do not add up to, at the total's line", () => {
    const text = withReplaced(MINIMAL, "article: art12.2\n", "article: art12.2\ntotal: 100\n");
    expect(errorsOf(text)).toEqual([
      {
        line: lineOf(text, "total: 100"),
        column: 8,
        path: "total",
        message: {
          zh: "计分项合计 10 分，与总分 100 分不符",
          en: "the points items add up to 10, not the declared total of 100",
        },
      },
    ]);
  });

  it("refuses bands out of order, at the band's line", () => {
    const text = withReplaced(
      MINIMAL,
      "sections:\n",
      "bands:\n  - { min: 80, key: basic, zh: 基本符合, en: Basic }\n  - { min: 90, key: conform, zh: 符合, en: Conforms }\n  - { min: 0, key: nonconform, zh: 不符合, en: No }\nsections:\n",
    );
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ line: lineOf(text, "min: 90"), path: "bands[1].min" });
    expect(error?.message.zh).toBe("分档下限须从高到低排列：90 不低于上一档的 80");
  });

  it("names a missing required key at the mapping that lacks it", () => {
    const text = withReplaced(MINIMAL, "        kind: veto\n", "");
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ line: lineOf(text, "- id: veto.leak"), path: "sections[0].items[1].kind" });
  });

  it("reports a YAML syntax error at its line", () => {
    const text = withReplaced(
      MINIMAL,
      "title: { zh: 组织领导, en: Leadership }",
      "title: { zh: 组织领导, en: Leadership",
    );
    const [error] = errorsOf(text);
    expect(error?.line).toBeGreaterThanOrEqual(lineOf(text, "en: Leadership"));
    expect(error?.message.zh).toMatch(/^YAML 语法错误/);
  });

  it("refuses a duplicate key at its line", () => {
    const text = withReplaced(MINIMAL, "version: 1\n", "version: 1\nversion: 2\n");
    expect(errorsOf(text)).toEqual([
      {
        line: lineOf(text, "version: 2"),
        column: 1,
        path: "",
        message: { zh: "键“version”重复", en: 'duplicate key "version"' },
      },
    ]);
  });

  it("refuses an empty file and an alias without an anchor", () => {
    expect(errorsOf("")).toEqual([
      { line: 1, column: 1, path: "", message: { zh: "评分表文件为空", en: "the rubric file is empty" } },
    ]);
    const [alias] = errorsOf(withReplaced(MINIMAL, "article: art12.2", "article: *ref"));
    expect(alias?.message.zh).toBe("别名“*ref”没有对应的锚点");
  });
});

describe("loadRubricFile", () => {
  it("reads a file, and reports a missing one at line 0", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baomi-rubric-"));
    try {
      const file = path.join(dir, "tiny.yaml");
      fs.writeFileSync(file, MINIMAL);
      expect(loadRubricFile(file).ok).toBe(true);
      expect(loadRubricFile(path.join(dir, "missing.yaml"))).toEqual({
        ok: false,
        errors: [
          { line: 0, column: 0, path: "", message: { zh: "评分表文件不存在", en: "rubric file: no such file" } },
        ],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
