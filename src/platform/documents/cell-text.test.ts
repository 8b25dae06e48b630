import { describe, expect, it } from "vitest";
import { cellText } from "./cell-text.js";

describe("cellText", () => {
  it("reads dates, and an invalid date as no text instead of throwing", () => {
    expect(cellText(new Date("2027-03-01T00:00:00Z"))).toBe("2027-03-01");
    expect(cellText(new Date(NaN))).toBe("");
    expect(cellText({ formula: "A1", result: new Date(NaN) }).trim()).toBe("A1");
  });
});
