/**
 * Sends JSON already serialized (a cached answer): Fastify sends a string as it is, so the route's response schema is
 * not run again over text that was checked when it was made. A plain FastifyReply takes any payload, so a typed
 * route's reply passes through here without a cast.
 */
import { type FastifyReply } from "fastify";

export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(text);
}
