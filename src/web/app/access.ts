import { useOutletContext } from "react-router";
import type { Me } from "../api/auth";
import type { Permission } from "../../domain/permissions";

/** What a route needs: a business user (the nine modules), an administrator (系统管理), or one permission. */
export type Requirement = "business" | "administrator" | Permission;

/** Whether the signed-in user meets a requirement; abilities come from the server (GET /api/me), never re-derived. */
export function allowed(me: Me, need: Requirement): boolean {
  if (need === "business") return me.account.adminRole === null;
  if (need === "administrator") return me.account.adminRole !== null;
  return me.abilities[need] === true;
}

/** The signed-in user, as the shell loaded it for every page inside it. */
export function useCurrentUser(): Me {
  return useOutletContext<Me>();
}
