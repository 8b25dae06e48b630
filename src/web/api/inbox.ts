import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { InboxSchema, NotificationView } from "../../features/obligations/contract";
import { apiFetch, queryString } from "./client";

export type { NotificationView };
type InboxPage = z.infer<typeof InboxSchema>;

const INBOX_KEY = ["inbox"] as const;

/** How often the header's bell asks for the unread count. */
const UNREAD_POLL_MS = 60_000;

/** GET /api/inbox page by page, newest first: only the unread ones, or all. `unread` is the count of unread ones. */
export function useInbox(unreadOnly: boolean) {
  const query = useInfiniteQuery({
    queryKey: [...INBOX_KEY, "list", unreadOnly],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<InboxPage>(
        `/api/inbox${queryString({ unread: unreadOnly ? "true" : undefined, limit: 30, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const pages = query.data?.pages ?? [];
  return { ...query, items: pages.flatMap((page) => page.items), unread: pages[0]?.unread };
}

/** The unread count for the header's bell: one tiny request a minute. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...INBOX_KEY, "count"],
    queryFn: ({ signal }) => apiFetch<InboxPage>(`/api/inbox${queryString({ unread: "true", limit: 1 })}`, { signal }),
    select: (page) => page.unread,
    enabled,
    refetchInterval: UNREAD_POLL_MS,
  });
}

/** POST /api/inbox/:id/read. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<undefined>(`/api/inbox/${encodeURIComponent(id)}/read`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}

/** POST /api/inbox/read-all. */
export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<undefined>("/api/inbox/read-all", { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}
