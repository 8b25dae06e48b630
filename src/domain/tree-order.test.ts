import { describe, expect, it } from "vitest";
import { inTreeOrder, type TreePlace } from "./tree-order.js";

describe("units in tree order", () => {
  const places = new Map<string, TreePlace>([
    ["root", { sortOrder: 0, name: "大学" }],
    ["cs", { sortOrder: 5, name: "计算机科学学院" }],
    ["se", { sortOrder: 1, name: "软件工程系" }],
    ["ne", { sortOrder: 2, name: "网络工程系" }],
    ["fl", { sortOrder: 3, name: "外国语学院" }],
    ["fl2", { sortOrder: 3, name: "艺术学院" }],
  ]);
  const unit = (path: string) => ({ path });

  it("puts a school before its departments, siblings by sort order then name", () => {
    const rows = [unit("/root/cs/ne/"), unit("/root/cs/se/"), unit("/root/fl2/"), unit("/root/cs/"), unit("/root/fl/")];
    expect(inTreeOrder(rows, (r) => r.path, places).map((r) => r.path)).toEqual([
      "/root/fl/",
      "/root/fl2/",
      "/root/cs/",
      "/root/cs/se/",
      "/root/cs/ne/",
    ]);
  });

  it("keeps the rows it was given, in a new array", () => {
    const rows = [unit("/root/cs/"), unit("/root/cs/")];
    const sorted = inTreeOrder(rows, (r) => r.path, places);
    expect(sorted).toHaveLength(2);
    expect(sorted).not.toBe(rows);
  });
});
