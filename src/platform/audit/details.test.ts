import { describe, expect, it } from "vitest";
import { REDACTED, detailsText } from "./details.js";

describe("audit details", () => {
  it("are canonical JSON, {} when absent", () => {
    expect(detailsText(undefined)).toBe("{}");
    expect(detailsText({ b: 2, a: "甲" })).toBe('{"a":"甲","b":2}');
  });

  it("never hold a secret, however deep", () => {
    const text = detailsText({
      password: "hunter2",
      newPassword: "x",
      nested: [{ sessionToken: "t", totpCode: "123456", csrf_token: "c" }],
      clientSecret: "s",
      username: "kept",
    });
    expect(text).not.toMatch(/hunter2|"x"|"t"|123456|"c"|"s"/);
    expect(JSON.parse(text)).toMatchObject({ password: REDACTED, username: "kept" });
  });

  it("refuse values without one JSON form instead of dropping them", () => {
    expect(() => detailsText({ when: new Date(0) })).toThrow(TypeError);
    expect(() => detailsText({ big: 1n })).toThrow(TypeError);
  });
});
