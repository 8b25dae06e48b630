import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSecrecyMarking, markingRefusal } from "./marking-guard.js";

describe("marking guard", () => {
  it.each([
    ["绝密★长期", "绝密★长期", "TOP_SECRET"],
    ["机密★20年", "机密★20年", "SECRET"],
    ["秘密★10年", "秘密★10年", "CONFIDENTIAL"],
    ["秘密★6个月", "秘密★6个月", "CONFIDENTIAL"],
    ["秘密★解密时间：2030年1月1日", "秘密★解密时间：2030年1月1日", "CONFIDENTIAL"],
    ["机密★解密条件：项目验收后", "机密★解密条件", "SECRET"],
    ["秘密★会议开始前", "秘密★", "CONFIDENTIAL"],
    ["机密☆5年", "机密☆5年", "SECRET"],
    ["机密*5年", "机密*5年", "SECRET"],
    ["机密＊５年", "机密＊５年", "SECRET"],
    ["机 密★", "机 密★", "SECRET"],
    ["机密 ★ 10年", "机密 ★ 10年", "SECRET"],
    ["机　密　★　二十年", "机　密　★　二十年", "SECRET"],
    ["机\u200b密\u200d★20年", "机\u200b密\u200d★20年", "SECRET"],
    ["絕密★長期", "絕密★長期", "TOP_SECRET"],
    ["工作秘密★", "秘密★", "CONFIDENTIAL"],
  ])("flags %s", (text, marked, level) => {
    expect(findSecrecyMarking(text)).toEqual({ text: marked, index: 0 + text.indexOf(marked[0] ?? ""), level });
  });

  it("gives the index of the first marking in the original text", () => {
    const text = "关于　做好 机 密★10年 的通知；另见秘密★5年";
    expect(findSecrecyMarking(text)).toMatchObject({ index: text.indexOf("机"), text: "机 密★10年" });
  });

  it.each([
    "保密",
    "保密工作责任制",
    "信息的机密性、完整性和可用性",
    "本单位有秘密，请勿外传",
    "工作秘密",
    "商业秘密",
    "绝密、机密、秘密三个密级",
    "**机密**性",
    "*机密*性",
    "机密\n★不在同一行",
    "星号★在前，秘密在后",
  ])("does not flag %s", (text) => {
    expect(findSecrecyMarking(text)).toBeNull();
  });

  it("refuses with the law cited and the marking in the details", () => {
    const hit = findSecrecyMarking("秘密★10年");
    expect(hit).not.toBeNull();
    if (!hit) return;
    const error = markingRefusal(hit, { zh: "第 1 行", en: "line 1" });
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.localized.zh).toContain("本平台为非涉密信息系统，不得存储、处理国家秘密");
    expect(error.localized.zh).toContain("第三十一条");
    expect(error.localized.zh).toContain("第四十一条");
    expect(error.localized.en).toContain("Art. 41");
    expect(error.details).toMatchObject({ marking: { text: "秘密★10年", level: "CONFIDENTIAL" } });
  });

  const STAR_LIKE = /[★☆✦-✺⋆⭐⭑⭒∗⁎*＊﹡]/u;
  const marking = fc
    .tuple(
      fc.constantFrom("绝", "机", "秘", "絕", "機"),
      fc.constantFrom("", " ", "　", "\u200b", "  "),
      fc.constantFrom("★", "☆", "＊", "*"),
      fc.constantFrom("", " ", "　"),
      fc.constantFrom("", "20年", "长期", "10年", "解密时间2030年1月1日", "6个月", "会议开始前"),
    )
    .map(([level, gap, star, space, tail]) => `${level}${gap}密${space}${star}${space}${tail}`);

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), (text) => {
        // A throw fails the property; the result itself does not matter here.
        findSecrecyMarking(text);
      }),
      { numRuns: 500 },
    );
  });

  it("never flags prose without a star", () => {
    const prose = fc
      .array(fc.oneof(fc.constantFrom("保密", "机密", "秘密", "绝密", "密", " ", "性", "工作", "，"), fc.string()), {
        maxLength: 30,
      })
      .map((parts) => parts.join(""))
      .filter((text) => !STAR_LIKE.test(text.normalize("NFKC")));
    fc.assert(
      fc.property(prose, (text) => {
        expect(findSecrecyMarking(text)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it("flags a marking wherever it is embedded, at or before where it was put", () => {
    const clean = fc.string({ maxLength: 40 }).filter((text) => !STAR_LIKE.test(text.normalize("NFKC")));
    fc.assert(
      fc.property(clean, marking, clean, (before, mark, after) => {
        // A space keeps a trailing "*" of the prefix from reading as Markdown emphasis of the marking.
        const text = `${before} ${mark} ${after}`;
        const hit = findSecrecyMarking(text);
        expect(hit).not.toBeNull();
        expect(hit?.index).toBeLessThanOrEqual(before.length + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
