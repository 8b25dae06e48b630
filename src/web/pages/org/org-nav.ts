import type { Requirement } from "../../app/access";

export type OrgPageKey = "mine" | "chain" | "committee" | "units" | "people" | "import" | "policy";

/** A page of 组织与职责 and what opens it; the server's abilities decide, the menu only follows them. */
export interface OrgPageEntry {
  key: OrgPageKey;
  path: string;
  need: Requirement;
}

/** The sub-navigation in the order a user meets it: their own duties first, the records and the rules after. */
export const ORG_PAGES: readonly OrgPageEntry[] = [
  { key: "mine", path: "/org/mine", need: "business" },
  { key: "chain", path: "/org/chain", need: "responsibility.read" },
  { key: "committee", path: "/org/committee", need: "responsibility.read" },
  { key: "units", path: "/org/units", need: "unit.read" },
  { key: "people", path: "/org/people", need: "person.read" },
  { key: "import", path: "/org/import", need: "org.manage" },
  { key: "policy", path: "/org/policy", need: "business" },
];
