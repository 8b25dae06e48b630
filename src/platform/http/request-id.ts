/** Request ids: a caller's (from a proxy, say) when it is well formed, otherwise a random UUID (the cheapest). */
import { type IncomingMessage } from "node:http";
import { randomUUID } from "node:crypto";

const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

export const REQUEST_ID_HEADER = "x-request-id";

/** Fastify's genReqId. */
export function requestIdFor(request: IncomingMessage): string {
  const offered = request.headers[REQUEST_ID_HEADER];
  return typeof offered === "string" && ACCEPTABLE.test(offered) ? offered : randomUUID();
}
