/** Request ids: a caller's (from a proxy, say) when it is well formed, otherwise a new time-ordered UUID. */
import { type IncomingMessage } from "node:http";
import { v7 as uuidv7 } from "uuid";

const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

export const REQUEST_ID_HEADER = "x-request-id";

/** Fastify's genReqId. */
export function requestIdFor(request: IncomingMessage): string {
  const offered = request.headers[REQUEST_ID_HEADER];
  return typeof offered === "string" && ACCEPTABLE.test(offered) ? offered : uuidv7();
}
