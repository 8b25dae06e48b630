/** Case-insensitive "contains" search that treats % and _ in user input as plain characters, on both dialects. */
import { type Expression, type SqlBool, sql } from "kysely";

/** `column` contains `text`, ignoring case; LIKE wildcards in `text` match only themselves. */
export function containsText(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // SQLite has no default LIKE escape character and PostgreSQL's LIKE is case-sensitive: say both explicitly.
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
