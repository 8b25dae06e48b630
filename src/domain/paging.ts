/** Keyset pagination, one shape for every list: `?cursor=…&limit=…` in, `{ items, nextCursor }` out. */
import { z } from "zod";

export const PageQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional().describe("opaque; the nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of items; `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A calendar date, YYYY-MM-DD. */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "须为 YYYY-MM-DD 格式的日期")
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    "不是有效日期",
  );

/**
 * Cuts a keyset page from rows fetched with `limit + 1`: the extra row, when present, only says there is a next page,
 * whose cursor is the key of the last row kept.
 */
export function keysetPage<T>(
  rows: readonly T[],
  limit: number,
  key: (row: T) => string,
): { rows: T[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return { rows: kept, nextCursor: rows.length > limit && last !== undefined ? key(last) : null };
}

/**
 * Pages read one per partition (one institution each), each already in key order, merged into the first `count` rows
 * of their union in that order. Keys compare by code unit, as SQLite's BINARY collation does; the keys merged here
 * (dates, UUIDs) sort the same under PostgreSQL's collations.
 */
export function mergePages<T>(pages: readonly (readonly T[])[], count: number, key: (row: T) => string): T[] {
  if (pages.length === 1) return (pages[0] ?? []).slice(0, count);
  const keyed = pages.flat().map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.slice(0, count).map((k) => k.row);
}

/** `/:id` route parameters: every record id is a UUID v7 text, well under 64 characters. */
export const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });
