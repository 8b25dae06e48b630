import { forgetSession, SESSION_KEY } from "../api/auth";
import { setAuthHandlers } from "../api/client";
import { queryClient } from "./query-client";
import { router } from "./router";
import { afterStep, nextQuery } from "./sign-in-steps";

function here(): string {
  const { pathname, search } = router.state.location;
  return `${pathname}${search}`;
}

function onSignInPage(): boolean {
  const { pathname } = router.state.location;
  return pathname === "/login" || pathname.startsWith("/login/");
}

/**
 * What the API client does when the server says the session is gone (401: sign in again, then come back here) or that a
 * sign-in step is still pending (403 with details.pending: go to that step).
 */
export function installAuthRedirects(): void {
  setAuthHandlers({
    onUnauthenticated() {
      forgetSession(queryClient);
      if (!onSignInPage()) void router.navigate(`/login${nextQuery(here())}`, { replace: true });
    },
    onPending(pending) {
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      if (!onSignInPage()) void router.navigate(afterStep(pending, here()), { replace: true });
    },
  });
}
