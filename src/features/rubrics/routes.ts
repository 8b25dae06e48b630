/**
 * Scoring rubrics (评分表): the shipped ones and the institution's own versions, read by whoever reads inspections; a
 * new version saved by the secrecy office (supervision.manage for the committee's year-end rubric, inspection.manage
 * for the self-assessment's, over the institution).
 */
import { type FastifyInstance } from "fastify";
import { type ZodTypeProvider } from "fastify-type-provider-zod";
import { presentVersion } from "../../domain/saved-versions.js";
import { authOf } from "../../platform/access/request-auth.js";
import { badField } from "../meetings/guards.js";
import { institutionToRead } from "../meetings/institution-to-read.js";
import { coversInstitution } from "../meetings/policy.js";
import {
  RubricIdParamsSchema,
  RubricListSchema,
  RubricQuerySchema,
  RubricVersionListSchema,
  RubricVersionSchema,
  SaveRubricRequestSchema,
} from "./contract.js";
import {
  editPermission,
  institutionRubrics,
  rubricVersions,
  saveRubric,
  shippedRubrics,
  type RubricVersion,
} from "./versions.js";

const tags = ["rubrics"];

/** What each shipped rubric scores, by the article it serves. */
const USED_FOR: Record<string, string> = {
  "art12.2": "保密委员会对二级单位的年度考核（第十二条第（二）项）",
  "art13.6": "本校保密工作自查自评（第十三条第（六）项）",
};

const present = (v: RubricVersion) => ({
  ...presentVersion(v),
  usedFor: USED_FOR[v.body.article] ?? `评分表（${v.body.article}）`,
});

export function registerRubricRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/rubrics",
    {
      schema: {
        tags,
        summary: "评分表 / Scoring rubrics",
        querystring: RubricQuerySchema,
        response: { 200: RubricListSchema },
      },
    },
    async (request) => {
      const institution = await institutionToRead(request, "inspection.read", request.query.institutionId, {
        zh: "评分表",
        en: "rubrics",
      });
      const versions = institution ? await institutionRubrics(app.db.kysely, institution.id) : shippedRubrics();
      const actor = authOf(request).actor;
      return {
        items: versions.map(present),
        institutionId: institution?.id ?? null,
        abilities: {
          edit:
            institution !== null &&
            versions.some((v) => coversInstitution(actor, editPermission(v.body.article), institution.path)),
        },
      };
    },
  );

  r.get(
    "/api/rubrics/:rubricId/versions",
    {
      schema: {
        tags,
        summary: "评分表的各个版本 / A rubric's versions",
        params: RubricIdParamsSchema,
        querystring: RubricQuerySchema,
        response: { 200: RubricVersionListSchema },
      },
    },
    async (request) => {
      const institution = await institutionToRead(request, "inspection.read", request.query.institutionId, {
        zh: "评分表",
        en: "rubrics",
      });
      const versions = institution
        ? await rubricVersions(app.db.kysely, institution.id, request.params.rubricId)
        : shippedRubrics().filter((v) => v.body.id === request.params.rubricId);
      if (versions.length === 0)
        throw badField(
          "params.rubricId",
          `没有编号为“${request.params.rubricId}”的评分表`,
          `No rubric "${request.params.rubricId}"`,
        );
      return { items: versions.map(present) };
    },
  );

  r.post(
    "/api/rubrics",
    {
      schema: {
        tags,
        summary: "保存评分表新版本 / Save a new rubric version",
        body: SaveRubricRequestSchema,
        response: { 201: RubricVersionSchema },
      },
    },
    async (request, reply) => reply.status(201).send(present(await saveRubric(request, request.body))),
  );
}
