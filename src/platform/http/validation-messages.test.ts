import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues, type RawIssue } from "./validation-messages.js";

const Schema = z.strictObject({
  username: z.string().min(1).max(8),
  age: z.number().int().min(18),
  email: z.email(),
  kind: z.enum(["unit", "person"]),
  tags: z.array(z.string()).max(2),
});

function issuesFor(input: unknown): RawIssue[] {
  const result = Schema.safeParse(input);
  if (result.success) throw new Error("expected failure");
  return result.error.issues;
}

describe("describeIssues", () => {
  const input = { username: "", age: "x", email: "nope", kind: "other", tags: ["a", "b", "c"], role: "admin" };

  it("names every field in Chinese", () => {
    const described = describeIssues("body", issuesFor(input), "zh-CN");
    const byField = Object.fromEntries(described.map((d) => [d.field, d.message]));
    expect(byField).toEqual({
      "body.username": "body.username：不能为空",
      "body.age": "body.age：应为数字",
      "body.email": "body.email：格式不正确，应为电子邮件地址",
      "body.kind": 'body.kind：取值须为 "unit"、"person" 之一',
      "body.tags": "body.tags：不能超过 2 项",
      "body.role": "body：不允许的字段“role”",
    });
  });

  it("speaks English when asked", () => {
    const described = describeIssues("body", issuesFor({ ...input, age: 3 }), "en-US");
    const messages = described.map((d) => d.message);
    expect(messages).toContain("body.age: must be at least 18");
    expect(messages).toContain('body: field "role" is not allowed');
  });

  it("says a missing field is required", () => {
    const described = describeIssues("query", issuesFor({}), "zh-CN");
    expect(described.find((d) => d.field === "query.username")?.message).toBe("query.username：必填");
  });
});
