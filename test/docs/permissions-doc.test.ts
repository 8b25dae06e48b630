/**
 * docs/permissions.md is what an administrator reads to decide a grant: its role table must say exactly what the
 * catalogue (src/domain/permissions.ts) gives each role, no more and no less.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { permissionsOf } from "../../src/domain/permissions.js";
import { ADMIN_ROLES, BUSINESS_ROLES, type Role } from "../../src/domain/roles.js";

const doc = readFileSync(new URL("../../docs/permissions.md", import.meta.url), "utf8");

/** The permissions the table lists per role identifier. */
function tableRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of doc.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    const role = /^`(\w+)`$/.exec(cells[2] ?? "")?.[1];
    if (role)
      rows.set(
        role,
        [...(cells[4] ?? "").matchAll(/`([\w.]+)`/g)].map((m) => m[1]!),
      );
  }
  return rows;
}

describe("docs/permissions.md", () => {
  it("lists every role with exactly the permissions the catalogue gives it", () => {
    const rows = tableRows();
    const roles: Role[] = [...ADMIN_ROLES, ...BUSINESS_ROLES];
    expect([...rows.keys()].sort()).toEqual([...roles].sort());
    for (const role of roles) expect([...(rows.get(role) ?? [])].sort(), role).toEqual([...permissionsOf(role)].sort());
  });
});
