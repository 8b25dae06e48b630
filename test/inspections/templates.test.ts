/**
 * Checklist templates as data: every shipped template passes its schema and cites articles of the implementing rules;
 * a broken template is refused with the line to fix; answers are checked against the template, naming the item; the
 * score leaves 不适用 items out and a failed veto item marks the whole inspection.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkResult, firstUnrecorded, scoreOf, templateItems } from "../../src/domain/inspection.js";
import { type AppError } from "../../src/domain/errors.js";
import { parseTemplate, shippedTemplate, shippedTemplateIds } from "../../src/platform/policy/template-loader.js";

const policyText = readFileSync(new URL("../../policies/gdpt-2012-14.yaml", import.meta.url), "utf8");

describe("checklist templates", () => {
  it("ships the unit, key-department and personal self-check templates, valid and citing real articles", () => {
    expect(shippedTemplateIds()).toEqual(["key-department-inspection", "personal-self-check", "unit-inspection"]);
    for (const id of shippedTemplateIds()) {
      const template = shippedTemplate(id);
      expect(template.version).toBeGreaterThanOrEqual(1);
      for (const item of templateItems(template)) expect(policyText, item.id).toContain(`id: ${item.article}\n`);
    }
    expect(shippedTemplate("personal-self-check").subject).toBe("person");
  });

  it("refuses a broken template with the line to fix", () => {
    const result = parseTemplate(
      [
        "id: broken",
        "version: 1",
        "title: { zh: 坏表, en: Broken }",
        "subject: unit",
        "article: art6",
        "sections:",
        "  - id: a",
        "    title: { zh: 甲, en: A }",
        "    items:",
        "      - { id: a.one, kind: points, points: 0, article: art6.1, text: { zh: 一, en: One } }",
        "      - { id: a.one, kind: check, article: art6.1, text: { zh: 二, en: Two } }",
      ].join("\n"),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.line)).toEqual(expect.arrayContaining([10, 11]));
  });

  it("checks answers against the template and scores them", () => {
    const template = shippedTemplate("unit-inspection");
    const refused = (answer: Parameters<typeof checkResult>[2]) => {
      try {
        checkResult(template, "body.results.0", answer);
      } catch (error) {
        return (error as AppError).details;
      }
      return null;
    };
    expect(refused({ itemId: "nope", outcome: "pass" })).toMatchObject({
      issues: [{ field: "body.results.0.itemId" }],
    });
    expect(refused({ itemId: "org.agenda", outcome: "pass", score: 10.5 })).toMatchObject({
      issues: [{ field: "body.results.0.score", message: "条目“org.agenda”的得分须在 0 至 10 之间" }],
    });
    expect(refused({ itemId: "org.problems", outcome: "na" })).not.toBeNull();
    expect(refused({ itemId: "daily.exchange", outcome: "na" })).toBeNull();

    const results = {
      "org.agenda": { outcome: "pass" as const, score: 10, note: null },
      "daily.personnel": { outcome: "na" as const, score: null, note: null },
      "daily.systems": { outcome: "fail" as const, score: null, note: null },
    };
    expect(scoreOf(template, results)).toEqual({ earned: 10, possible: 30, vetoed: true });
    expect(firstUnrecorded(template, results)?.id).toBe("org.rules");
  });
});
