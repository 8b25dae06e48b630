/** The scoring rubrics' API (评分表管理): the latest of each, a rubric's versions, saving a new version. */
import { z } from "zod";
import { RubricDraftSchema } from "../../domain/rubric-draft.js";

const IdSchema = z.string().min(1).max(64);
const Text = z.object({ zh: z.string(), en: z.string() });

/** A rubric as stored (RubricSchema's output), described plainly for the response. */
const RubricViewShape = {
  id: z.string(),
  version: z.number().int(),
  title: Text,
  article: z.string(),
  total: z.number().optional(),
  bands: z.array(z.object({ min: z.number(), key: z.string(), zh: z.string(), en: z.string() })),
  sections: z.array(
    z.object({
      id: z.string(),
      title: Text,
      items: z.array(
        z.object({
          id: z.string(),
          title: Text,
          guidance: Text.optional(),
          kind: z.enum(["points", "deduction", "veto"]),
          points: z.number(),
          step: z.number(),
          canExclude: z.boolean(),
          articles: z.array(z.string()),
          law: z.array(z.string()),
        }),
      ),
    }),
  ),
};

export const RubricVersionSchema = z.object({
  ...RubricViewShape,
  origin: z.enum(["shipped", "institution"]),
  originName: z.string(),
  /** What the rubric scores, with the article (保密委员会年度考核（第十二条第（二）项）). */
  usedFor: z.string(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export const RubricListSchema = z.object({
  items: z.array(RubricVersionSchema),
  /** The institution whose own versions are included (null: only the shipped ones). */
  institutionId: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export const RubricVersionListSchema = z.object({ items: z.array(RubricVersionSchema) });
export const RubricQuerySchema = z.strictObject({ institutionId: IdSchema.optional() });
export const RubricIdParamsSchema = z.strictObject({
  rubricId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/, "须为小写字母、数字和连字符"),
});
export const SaveRubricRequestSchema = z.strictObject({
  institutionId: IdSchema.optional(),
  rubric: RubricDraftSchema,
  note: z.string().trim().max(500, "修订说明不超过 500 字").optional(),
});
