/** Sends a stored file as a download under its own (often Chinese) name, RFC 6266 style with an ASCII fallback. */
import { type FastifyReply } from "fastify";

export interface StoredFile {
  name: string;
  type: string;
  content: Uint8Array;
}

export function sendFile(reply: FastifyReply, file: StoredFile, fallback = "attachment"): FastifyReply {
  return reply
    .header(
      "content-disposition",
      `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .type(file.type)
    .send(Buffer.from(file.content));
}
