import type { Requirement } from "../../app/access";

export type CommitteePageKey = "meetings" | "tasks" | "supervision" | "research" | "documents" | "regulations";

/** A page of 委员会工作 and what opens it; the server's abilities decide, the tabs only follow them. */
export interface CommitteePageEntry {
  key: CommitteePageKey;
  path: string;
  need: Requirement;
}

/**
 * The sub-navigation: the committee's meetings (例会), then the tracked tasks their decisions became (督办), then the
 * year's supervision and assessment (督查考核, 第十二条第（二）项).
 */
export const COMMITTEE_PAGES: readonly CommitteePageEntry[] = [
  { key: "meetings", path: "/committee", need: "meeting.read" },
  { key: "tasks", path: "/committee/tasks", need: "meeting.read" },
  { key: "supervision", path: "/committee/supervision", need: "supervision.read" },
  { key: "research", path: "/committee/research", need: "research.read" },
  // 来文学习 (第四条第（一）项、第十三条第（一）项) and 规章制度 (第十三条第（四）项、第六条第（一）项, read by everyone).
  { key: "documents", path: "/committee/documents", need: "documentStudy.read" },
  { key: "regulations", path: "/committee/regulations", need: "regulation.read" },
];

const under = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** The tab a location belongs to: a meeting's page under 会议, a task's page under 督办事项. */
export function committeePageFor(pathname: string): CommitteePageKey {
  if (under(pathname, "/committee/tasks")) return "tasks";
  if (under(pathname, "/committee/supervision")) return "supervision";
  if (under(pathname, "/committee/research")) return "research";
  if (under(pathname, "/committee/documents")) return "documents";
  if (under(pathname, "/committee/regulations")) return "regulations";
  return "meetings";
}

/** The address of one meeting, optionally on one of its tabs. */
export function meetingUrl(id: string, tab?: string): string {
  const base = `/committee/meetings/${encodeURIComponent(id)}`;
  return tab ? `${base}?tab=${tab}` : base;
}

/** The address of one tracked task. */
export function taskUrl(id: string): string {
  return `/committee/tasks/${encodeURIComponent(id)}`;
}

/** The address of a year's supervision page (督查考核). */
export function supervisionUrl(year?: number): string {
  return year === undefined ? "/committee/supervision" : `/committee/supervision?year=${year}`;
}
