import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, queryString } from "./client";

/** One page of a keyset-paginated list (`{ items, nextCursor }`, DESIGN §6). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Filters = Record<string, string | number | boolean | null | undefined>;

/**
 * A list read page by page with the API's nextCursor ("加载更多"); the filters are part of the cache key, so
 * changing one starts again from the first page.
 */
export function usePagedList<T>(key: readonly unknown[], path: string, filters: Filters, limit = 50) {
  const query = useInfiniteQuery({
    queryKey: [...key, filters],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<T>>(`${path}${queryString({ ...filters, limit, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...query, items: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
