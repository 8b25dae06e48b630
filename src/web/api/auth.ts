import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "./client";

/** What the login form sends. */
export interface Credentials {
  username: string;
  password: string;
}

/** POST /api/auth/login. The response shape arrives with the identity issue; until then only errors matter. */
export function useLogin() {
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      apiFetch<unknown>("/api/auth/login", { method: "POST", body: credentials }),
  });
}
