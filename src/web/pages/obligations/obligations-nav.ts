import type { Requirement } from "../../app/access";

export type ObligationPageKey = "mine" | "list" | "calendar" | "dashboard" | "academicCalendar";

/** A page of 责任落实 and what opens it; the server's abilities decide, the tabs only follow them. */
export interface ObligationPageEntry {
  key: ObligationPageKey;
  path: string;
  need: Requirement;
}

/** The sub-navigation: one's own obligations first, then everyone's in scope, their calendar, the overview, the terms. */
export const OBLIGATION_PAGES: readonly ObligationPageEntry[] = [
  { key: "mine", path: "/obligations?mine=true", need: "business" },
  { key: "list", path: "/obligations", need: "obligation.read" },
  { key: "calendar", path: "/obligations/calendar", need: "obligation.read" },
  { key: "dashboard", path: "/obligations/dashboard", need: "obligation.read" },
  { key: "academicCalendar", path: "/obligations/academic-calendar", need: "obligation.manage" },
];

/** The tab a location belongs to: the list is 我的事项 when it asks for `mine=true`; an obligation's page has none. */
export function obligationPageFor(pathname: string, search: URLSearchParams): ObligationPageKey | undefined {
  if (pathname === "/obligations" || pathname === "/obligations/") {
    return search.get("mine") === "true" ? "mine" : "list";
  }
  return OBLIGATION_PAGES.find((p) => p.key !== "mine" && p.key !== "list" && pathname === p.path)?.key;
}
