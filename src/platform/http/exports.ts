/**
 * Downloads that take data out of the platform (.xlsx lists, .docx documents) are limited per account — 60 an hour —
 * and audited with what was asked for (DESIGN.md §5: every export is logged).
 */
import { type FastifyReply, type FastifyRequest } from "fastify";
import { AppError } from "../../domain/errors.js";
import { auditContext, authOf } from "../access/request-auth.js";
import { hitRateLimit } from "../auth/rate-limit.js";
import { XLSX_TYPE } from "../documents/xlsx.js";

/** Counts one export against the account's hourly allowance; a 429 when it is spent. */
export async function limitExports(request: FastifyRequest): Promise<void> {
  const app = request.server;
  if (!(await hitRateLimit(app.db.kysely, `export:${authOf(request).account.id}`, 60, 3_600_000, app.clock())))
    throw new AppError("RATE_LIMITED", { zh: "导出过于频繁，请稍后再试", en: "Too many exports; try again later" });
}

/** Sends a list export as .xlsx: rate-limited per account and audited with the filters and row count. */
export async function sendExport(
  request: FastifyRequest,
  reply: FastifyReply,
  what: { action: string; file: string; rows: number; build: () => Promise<Buffer> },
) {
  await limitExports(request);
  const file = await what.build();
  await request.server.audit.record({
    ...auditContext(request),
    action: what.action,
    object: null,
    result: "success",
    details: { filters: request.query as Record<string, unknown>, rows: what.rows },
  });
  return reply.header("content-disposition", `attachment; filename="${what.file}"`).type(XLSX_TYPE).send(file);
}
