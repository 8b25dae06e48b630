/**
 * Checklist templates (检查表): the shipped ones and the institution's own versions, read by whoever reads
 * inspections; a new version saved by the secrecy office (inspection.manage over the institution).
 */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { presentVersion } from "../../domain/saved-versions.js";
import { authOf } from "../../platform/access/request-auth.js";
import { badField } from "../meetings/guards.js";
import { institutionToRead } from "../meetings/institution-to-read.js";
import { coversInstitution } from "../meetings/policy.js";
import {
  SaveTemplateRequestSchema,
  TemplateIdParamsSchema,
  TemplateListSchema,
  TemplateQuerySchema,
  TemplateVersionListSchema,
  TemplateVersionSchema,
} from "./contract.js";
import { institutionTemplates, saveTemplate, shippedTemplates, templateVersions } from "./templates.js";

const tags = ["inspections"];

export function registerInspectionTemplateRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/inspection-templates",
    {
      schema: {
        tags,
        summary: "检查表 / Checklist templates",
        querystring: TemplateQuerySchema,
        response: { 200: TemplateListSchema },
      },
    },
    async (request) => {
      const institution = await institutionToRead(request, "inspection.read", request.query.institutionId, {
        zh: "检查表",
        en: "checklists",
      });
      const versions = institution ? await institutionTemplates(app.db.kysely, institution.id) : shippedTemplates();
      return {
        items: versions.map(presentVersion),
        institutionId: institution?.id ?? null,
        abilities: {
          edit: institution !== null && coversInstitution(authOf(request).actor, "inspection.manage", institution.path),
        },
      };
    },
  );

  r.get(
    "/api/inspection-templates/:templateId/versions",
    {
      schema: {
        tags,
        summary: "检查表的各个版本 / A template's versions",
        params: TemplateIdParamsSchema,
        querystring: TemplateQuerySchema,
        response: { 200: TemplateVersionListSchema },
      },
    },
    async (request) => {
      const institution = await institutionToRead(request, "inspection.read", request.query.institutionId, {
        zh: "检查表",
        en: "checklists",
      });
      const versions = institution
        ? await templateVersions(app.db.kysely, institution.id, request.params.templateId)
        : shippedTemplates().filter((v) => v.body.id === request.params.templateId);
      if (versions.length === 0)
        throw badField(
          "params.templateId",
          `没有编号为“${request.params.templateId}”的检查表`,
          `No template "${request.params.templateId}"`,
        );
      return { items: versions.map(presentVersion) };
    },
  );

  r.post(
    "/api/inspection-templates",
    {
      schema: {
        tags,
        summary: "保存检查表新版本 / Save a new template version",
        body: SaveTemplateRequestSchema,
        response: { 201: TemplateVersionSchema },
      },
    },
    async (request, reply) => reply.status(201).send(presentVersion(await saveTemplate(request, request.body))),
  );
}
