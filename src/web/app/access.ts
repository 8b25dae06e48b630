import { useOutletContext } from "react-router";
import type { Me } from "../api/auth";
import type { Permission } from "../../domain/permissions";

/**
 * What a route needs: any signed-in account (待办), a business user (the business modules), an administrator
 * (系统管理), or one permission.
 */
export type Requirement = "signedIn" | "business" | "administrator" | Permission;

/** Whether the signed-in user meets a requirement; abilities come from the server (GET /api/me), never re-derived. */
export function allowed(me: Me, need: Requirement): boolean {
  if (need === "signedIn") return true;
  if (need === "business") return me.account.adminRole === null;
  if (need === "administrator") return me.account.adminRole !== null;
  return me.abilities[need] === true;
}

/**
 * 我的事项 (`/obligations?mine=true`) and 待办 are every business user's: what they bear themselves. The list of every
 * obligation in scope needs `obligation.read`.
 */
export function mayListObligations(me: Me, mine: boolean): boolean {
  return allowed(me, "business") && (mine || allowed(me, "obligation.read"));
}

/** The signed-in user, as the shell loaded it for every page inside it. */
export function useCurrentUser(): Me {
  return useOutletContext<Me>();
}
