import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./client";

/** GET /api/health: the process is up. */
export interface Health {
  status: "ok";
  version: string;
  time: string;
}

/** GET /api/ready (200): the process can serve requests, and on which database. */
export interface Readiness {
  status: "ready";
  database: "sqlite" | "postgres";
}

/** Liveness and version of the server. */
export function useHealth() {
  return useQuery({
    queryKey: ["system", "health"],
    queryFn: ({ signal }) => apiFetch<Health>("/api/health", { signal }),
  });
}

/** Readiness; a 503 arrives as an ApiError whose message says what is not ready. */
export function useReadiness() {
  return useQuery({
    queryKey: ["system", "ready"],
    queryFn: ({ signal }) => apiFetch<Readiness>("/api/ready", { signal }),
    // Not-ready is an answer to show, not a blip to retry silently.
    retry: false,
  });
}
