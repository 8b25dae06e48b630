import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { allowed, useCurrentUser } from "../../app/access";
import { ForbiddenPage } from "../forbidden/forbidden-page";
import { COMMITTEE_PAGES } from "./committee-nav";

/**
 * /committee: the meetings for those who read them; anyone else (a cleared person reads only the rules, 第七条第（一）项)
 * goes to the first tab they may open, so the module's menu entry never ends on a 403.
 */
export function CommitteeHome({ meetings }: { meetings: ReactNode }) {
  const me = useCurrentUser();
  if (allowed(me, "meeting.read")) return meetings;
  const first = COMMITTEE_PAGES.find((p) => p.path !== "/committee" && allowed(me, p.need));
  return first ? <Navigate to={first.path} replace /> : <ForbiddenPage need="meeting.read" />;
}
