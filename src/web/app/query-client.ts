import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/api-error";

/** The one query cache; the sign-in flow and sign-out reach it outside React to reset what a session saw. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; only retry what might be transient.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
