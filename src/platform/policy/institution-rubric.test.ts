/**
 * The institution's own self-assessment rubric (policies/rubrics/institution-self-assessment.yaml), shaped like the
 * national 机关、单位保密自查自评标准: it loads, totals 100, cites only articles the default policy has and well-formed
 * 2024 law citations, and scores — full marks, exclusions, deductions and vetoes.
 */
import { describe, expect, it } from "vitest";
import { rubricItems, scoreRubric, totalPoints, type RubricAnswers } from "../../domain/rubric.js";
import { defaultPolicyPath, loadPolicyFile } from "./load-policy.js";
import { shippedRubric, shippedRubricIds } from "./rubric-loader.js";

const ID = "institution-self-assessment";

/** Every item answered at its best: full points, no deduction, no veto. */
function fullSheet(): RubricAnswers {
  const rubric = shippedRubric(ID);
  return Object.fromEntries(
    rubricItems(rubric).map(({ item }) => [
      item.id,
      item.kind === "veto" ? { vetoed: false } : { score: item.kind === "points" ? item.points : 0 },
    ]),
  );
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 第七十四条 → 74 (the numerals article numbers use). */
function chineseNumber(text: string): number {
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  const ten = text.includes("十") ? (tens ? (DIGITS[tens] ?? NaN) : 1) : 0;
  return ten * 10 + (ones ? (DIGITS[ones] ?? NaN) : 0);
}

describe("the shipped institution self-assessment rubric", () => {
  const rubric = shippedRubric(ID);
  const items = rubricItems(rubric).map(({ item }) => item);

  it("loads, is listed, serves art13.6, totals 100 and bands like the year-end assessment", () => {
    expect(shippedRubricIds()).toContain(ID);
    expect(rubric.article).toBe("art13.6");
    expect(totalPoints(rubric)).toBe(100);
    expect(rubric.bands).toEqual(shippedRubric("unit-assessment").bands);
  });

  it("has the sections of the national standard, 密品 excludable", () => {
    const titles = rubric.sections.map((s) => s.title.zh);
    for (const title of [
      "保密组织机构与责任制",
      "保密制度建设",
      "宣传教育培训",
      "定密管理",
      "涉密人员管理",
      "国家秘密载体管理",
      "密品管理",
      "涉密信息系统与设备管理",
      "新闻宣传与网站信息公开保密审查",
      "涉密会议活动",
      "保密要害部门部位",
      "保密检查与整改",
      "泄密事件报告查处",
    ])
      expect(titles).toContain(title);
    const products = rubric.sections.find((s) => s.id === "products");
    expect(products?.items.every((item) => item.canExclude)).toBe(true);
  });

  it("has veto items (泄密案件, 违规连接互联网, 未按规定报告) and deductions", () => {
    const vetoes = items.filter((item) => item.kind === "veto").map((item) => item.title.zh);
    expect(vetoes).toEqual(
      expect.arrayContaining([
        expect.stringContaining("泄密案件"),
        expect.stringContaining("连接互联网"),
        expect.stringContaining("24 小时内报告"),
      ]),
    );
    expect(items.filter((item) => item.kind === "deduction").length).toBeGreaterThanOrEqual(2);
    for (const item of items.filter((i) => i.kind === "points")) expect(item.guidance, item.id).toBeDefined();
  });

  it("has a complete English text for every section and item", () => {
    for (const section of rubric.sections) expect(section.title.en).toMatch(/^[A-Z]/);
    for (const item of items) {
      expect(item.title.en, item.id).not.toMatch(/[\u4e00-\u9fff]/);
      if (item.guidance) expect(item.guidance.en, item.id).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("cites only articles the default policy has, and each item cites one", () => {
    const policy = loadPolicyFile(defaultPolicyPath());
    if (!policy.ok) throw new Error("the default policy should load");
    const known = new Set(policy.policy.articles.flatMap((a) => [a.id, ...a.items.map((i) => i.id)]));
    expect(known.has(rubric.article)).toBe(true);
    for (const item of items) {
      expect(item.articles.length, item.id).toBeGreaterThan(0);
      for (const ref of item.articles) expect(known.has(ref), `${item.id} cites ${ref}`).toBe(true);
    }
  });

  it("cites the 2024 law and regulation in one form, within their articles (65 and 74)", () => {
    const form =
      /^《(保密法|保密法实施条例)》（2024）第([一二三四五六七八九十]+)条(第[一二三四]款)?(第（[一二三四五六七八九十]+）项)?$/;
    const cited = items.flatMap((item) => item.law);
    expect(cited.length).toBeGreaterThan(40);
    for (const citation of cited) {
      const match = form.exec(citation);
      expect(match, citation).not.toBeNull();
      const number = chineseNumber(match?.[2] ?? "");
      expect(number, citation).toBeGreaterThan(0);
      expect(number, citation).toBeLessThanOrEqual(match?.[1] === "保密法" ? 65 : 74);
    }
  });

  it("scores a full sheet 100, conforming", () => {
    expect(scoreRubric(rubric, fullSheet())).toMatchObject({
      earned: 100,
      possible: 100,
      percent: 100,
      band: { key: "conform" },
    });
  });

  it("leaves an excluded 密品 item out of both score and possible; a deduction comes off the total", () => {
    const answers = { ...fullSheet(), "products.management": { excluded: true }, "deduct.late-report": { score: 2 } };
    expect(scoreRubric(rubric, answers)).toMatchObject({
      earned: 95,
      possible: 97,
      excluded: ["products.management"],
      percent: 97.9,
    });
  });

  it("puts a veto hit in 不符合 whatever the percentage", () => {
    const answers = { ...fullSheet(), "veto.internet": { vetoed: true } };
    expect(scoreRubric(rubric, answers)).toMatchObject({
      percent: 100,
      band: { key: "nonconform", zh: "不符合" },
      vetoedBy: ["veto.internet"],
    });
  });
});
