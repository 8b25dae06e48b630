/**
 * The list-side twin of `authorize`: restricts a query to the rows whose unit lies in the actor's scopes for a
 * permission, so that a list and a single read can never disagree (DESIGN.md §3).
 */
import { type Expression, type SqlBool, sql } from "kysely";
import { type Actor, scopesFor } from "../../domain/access.js";
import { type Permission } from "../../domain/permissions.js";

/** A WHERE condition on a unit path column: all rows for administrators, none without a scope. */
export function visibleTo(actor: Actor, permission: Permission, pathColumn: string): Expression<SqlBool> {
  const scopes = scopesFor(actor, permission);
  if (scopes === "all") return sql<SqlBool>`1 = 1`;
  if (scopes.length === 0) return sql<SqlBool>`1 = 0`;
  // Paths are ids joined by "/", and ids (UUIDs) hold no LIKE wildcards, so a plain prefix pattern is exact.
  const column = sql.ref(pathColumn);
  return sql<SqlBool>`(${sql.join(
    scopes.map((scope) => sql`${column} like ${scope + "%"}`),
    sql` or `,
  )})`;
}
