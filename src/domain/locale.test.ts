import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locale.js";

describe("localeFromAcceptLanguage", () => {
  it("is Chinese when nothing is asked for or nothing matches", () => {
    expect(localeFromAcceptLanguage(undefined)).toBe("zh-CN");
    expect(localeFromAcceptLanguage("")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr-FR,de;q=0.5")).toBe("zh-CN");
  });

  it("is English only when the client prefers English over Chinese", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en-US");
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh;q=0.5, en;q=0.9")).toBe("en-US");
    expect(localeFromAcceptLanguage("fr, en-GB;q=0.4")).toBe("en-US");
  });

  it("ignores malformed and zero-weight entries", () => {
    expect(localeFromAcceptLanguage("en;q=0, zh-TW")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en;q=abc")).toBe("zh-CN");
    expect(localeFromAcceptLanguage(";;;,,,")).toBe("zh-CN");
  });
});
