/** The auditor's audit viewer and export (三员: 安全审计员). Reading every entry includes the other administrators'. */
import { type FastifyInstance } from "fastify";
import { keysetPage } from "../../domain/paging.js";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { AppError } from "../../domain/errors.js";
import { requirePermission } from "../../platform/access/require.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { hitRateLimit } from "../../platform/auth/rate-limit.js";
import { toInstant } from "../../platform/db/instants.js";
import { AuditExportQuerySchema, AuditListQuerySchema, AuditListSchema } from "./contract.js";
import { findAuditEntries, presentAuditEntry } from "./query.js";
import { toCsv } from "./csv.js";

const tags = ["audit"];
const EXPORTS_PER_HOUR = 30;
const EXPORT_MAX_ROWS = 200_000;

export function registerAuditLogRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/audit-entries",
    {
      schema: {
        tags,
        summary: "审计日志 / Audit log",
        querystring: AuditListQuerySchema,
        response: { 200: AuditListSchema },
      },
    },
    async (request) => {
      await requirePermission(request, "audit.read");
      const { cursor, limit, ...filter } = request.query;
      const rows = await findAuditEntries(app.db, filter, {
        limit: limit + 1,
        beforeSeq: cursor ? Number(cursor) : undefined,
      });
      const page = keysetPage(rows, limit, (row) => String(row.seq));
      return { items: page.rows.map(presentAuditEntry), nextCursor: page.nextCursor };
    },
  );

  r.get(
    "/api/audit-entries/export",
    { schema: { tags, summary: "导出审计日志 / Export the audit log", querystring: AuditExportQuerySchema } },
    async (request, reply) => {
      await requirePermission(request, "audit.export");
      const { format, ...filter } = request.query;
      const now = app.clock();
      if (
        !(await hitRateLimit(
          app.db.kysely,
          `export:${request.auth?.account.id ?? ""}`,
          EXPORTS_PER_HOUR,
          3_600_000,
          now,
        ))
      ) {
        throw new AppError("RATE_LIMITED", {
          zh: "导出过于频繁，请一小时后再试",
          en: "Too many exports; try again in an hour",
        });
      }
      const rows = await findAuditEntries(app.db, filter, { limit: EXPORT_MAX_ROWS });
      const entries = rows.map(presentAuditEntry);
      // The export is itself audited, committed before the file leaves.
      await app.audit.record({
        ...auditContext(request),
        action: "audit.export",
        object: null,
        result: "success",
        details: { filter, format, rows: entries.length },
      });
      const stamp = toInstant(now).replace(/[-:]/g, "").slice(0, 15);
      const body =
        format === "csv"
          ? toCsv(entries)
          : entries.map((entry) => JSON.stringify(entry)).join("\n") + (entries.length ? "\n" : "");
      return reply
        .header("content-disposition", `attachment; filename="audit-${stamp}.${format}"`)
        .type(format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
        .send(body);
    },
  );
}
