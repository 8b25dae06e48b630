import { describe, expect, it } from "vitest";
import { dateOf, nameOf, staffNoOf, unitCodeOf, yesNoOf } from "../../src/features/org-import/fields.js";

const value = <T>(read: { ok: true; value: T } | { ok: false; problem: { zh: string } }) =>
  read.ok ? read.value : `!${read.problem.zh}`;

describe("import fields", () => {
  it.each([
    ["2027-03-01", "2027-03-01"],
    ["2027/3/1", "2027-03-01"],
    ["2027.03.01", "2027-03-01"],
    ["2027年3月1日", "2027-03-01"],
    ["20270301", "2027-03-01"],
    [46447, "2027-03-01"],
    [new Date(Date.UTC(2027, 2, 1)), "2027-03-01"],
    [null, null],
  ] as const)("reads the date %s", (cell, date) => {
    expect(value(dateOf(cell))).toBe(date);
  });

  it.each([
    ["2027-02-30", "日期 2027-02-30 不存在"],
    ["2027-13-01", "不存在"],
    ["明年三月", "无法识别的日期"],
    ["1899-12-31", "超出 1900–2199 年的范围"],
    [0, "不是日期"],
    [true, "应为日期"],
  ] as const)("refuses the date %s", (cell, problem) => {
    expect(value(dateOf(cell))).toContain(problem);
  });

  it("keeps staff numbers typed as numbers, upper-cases codes, reads yes and no", () => {
    expect(value(staffNoOf(20100123))).toBe("20100123");
    expect(value(staffNoOf("T 01"))).toContain("不是有效的工号");
    expect(value(unitCodeOf(" cs_lab "))).toBe("CS_LAB");
    expect(value(unitCodeOf("1CS"))).toContain("不是有效的单位代码");
    expect([yesNoOf("是"), yesNoOf("否"), yesNoOf(true), yesNoOf(null), yesNoOf("Y")].map(value)).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it("counts characters, not UTF-16 units, and refuses hidden ones", () => {
    expect(value(nameOf("𠀀".repeat(64), 64))).toBe("𠀀".repeat(64));
    expect(value(nameOf("𠀀".repeat(65), 64))).toContain("不能超过 64 个字符");
    expect(value(nameOf("张\u200b三", 64))).toContain("不可见字符");
    expect(value(nameOf("\ud800张", 64))).toContain("损坏的字符");
    expect(value(nameOf("@SUM(1)", 64))).toContain("公式");
  });
});
