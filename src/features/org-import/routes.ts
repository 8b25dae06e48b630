/**
 * GET /api/org/import/template (the workbook to fill in) and POST /api/org/import (the filled workbook's raw bytes).
 * The routes live in a plugin of their own so that the .xlsx body parser and its 10 MB limit apply to them alone.
 */
import { createHash } from "node:crypto";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { AppError } from "../../domain/errors.js";
import { auditContext } from "../../platform/access/request-auth.js";
import { requirePermission } from "../../platform/access/require.js";
import { refuseMarking } from "../../platform/documents/marking-refusal.js";
import { scanXlsx } from "../../platform/documents/marking-scan.js";
import { XLSX_TYPE } from "../../platform/documents/xlsx.js";
import { activePolicy } from "../policy/active-policy.js";
import { MAX_LISTED_ERRORS } from "./columns.js";
import { ImportResultSchema, TEMPLATE_FILE_NAME } from "./contract.js";
import { importRefusal } from "./import-error.js";
import { loadWorkbook, parseWorkbook } from "./parse.js";
import { importOrganization } from "./service.js";
import { importTemplate } from "./template.js";

const tags = ["org"];
const MAX_UPLOAD = 10 * 1024 * 1024;

const NOT_XLSX = new AppError("UNSUPPORTED_MEDIA_TYPE", {
  zh: `请以 ${XLSX_TYPE} 提交 .xlsx 文件的原始内容`,
  en: `Send the .xlsx file's bytes as ${XLSX_TYPE}`,
});

/**
 * The import may place units anywhere in the tree, so it needs `org.manage` on the root. Checked before the body is
 * read: a caller who may not import never gets to upload 10 MB, and is told 403 rather than anything about the file.
 */
async function requireRootManager(request: FastifyRequest): Promise<void> {
  const root = await request.server.db.kysely
    .selectFrom("unit")
    .select("path")
    .where("parent_id", "is", null)
    .orderBy("path")
    .executeTakeFirst();
  // Without a root there is no grant anyone could hold on it: a null path is refused like any other.
  await requirePermission(request, "org.manage", { unitPath: root?.path ?? null }, { type: "org", id: null });
}

/** Registers the import routes in their own encapsulated context. */
export async function registerOrgImportRoutes(app: FastifyInstance): Promise<void> {
  await app.register((scope, _options, done) => {
    // The body stays bytes: exceljs reads it, the marking guard scans it.
    scope.addContentTypeParser(XLSX_TYPE, { parseAs: "buffer", bodyLimit: MAX_UPLOAD }, (_request, body, next) =>
      next(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      "/api/org/import/template",
      { schema: { tags, summary: "组织机构导入模板 / Import template (.xlsx)" } },
      async (request, reply) => {
        await requirePermission(request, "org.manage");
        const { policy } = await activePolicy(app.db.kysely);
        const file = await importTemplate(policy);
        return reply
          .header(
            "content-disposition",
            `attachment; filename="org-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(TEMPLATE_FILE_NAME)}`,
          )
          .type(XLSX_TYPE)
          .send(file);
      },
    );

    r.post(
      "/api/org/import",
      {
        bodyLimit: MAX_UPLOAD,
        onRequest: requireRootManager,
        schema: {
          tags,
          summary: "导入单位、人员、任职（整文件导入，出错则全部不导入）/ Import units, people, appointments",
          description: `请求体为 .xlsx 文件的原始内容，Content-Type: ${XLSX_TYPE}，不超过 10 MB。`,
          response: { 200: ImportResultSchema },
        },
      },
      async (request) => {
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body)) throw NOT_XLSX;
        const workbook = await loadWorkbook(body);
        if (!("worksheets" in workbook)) throw importRefusal([workbook], MAX_LISTED_ERRORS);
        // A marking anywhere in the file refuses all of it, audited, before any row is looked at.
        const finding = await scanXlsx(body, workbook);
        if (finding) await refuseMarking(request, finding, { type: "org", id: null });
        const { policy } = await activePolicy(app.db.kysely);
        return importOrganization({
          db: app.db.kysely,
          dialect: app.db.dialect,
          audit: app.audit,
          policy,
          parsed: parseWorkbook(workbook),
          context: auditContext(request),
          now: app.clock(),
          file: { sha256: createHash("sha256").update(body).digest("hex"), bytes: body.length },
        });
      },
    );
    done();
  });
}
