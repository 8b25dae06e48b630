/**
 * The response headers the real app sends on every API answer (security headers, no-store, a request id of the same
 * length), for baselines that return "the same bytes": what a minimal server must also send to give the same answer.
 * Loaded from the built app so the two can never drift apart.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as HeadersModule from "../../src/platform/http/security-headers.js";

const dist = path.resolve(import.meta.dirname, "..", "..", "dist");
const { SECURITY_HEADERS } = (await import(
  pathToFileURL(path.join(dist, "platform/http/security-headers.js")).href
)) as typeof HeadersModule;

/** The headers of one answer: fixed ones plus a fresh request id, as the app sends them. */
export function sameHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS, "cache-control": "no-store", "x-request-id": randomUUID() };
}
