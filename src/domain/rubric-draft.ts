/**
 * A scoring rubric as the secrecy office writes it (评分表管理): no version (saving gives it the next one) and English
 * optional (the Chinese stands in where none is given). The draft schema checks each field's type and length; what
 * makes a rubric sound across its parts (ids, bands, the declared total, each item's points and step) is RubricSchema's
 * alone, and its complaints come back naming the draft's field (`body.rubric.bands.1.min`).
 */
import { z } from "zod";
import { AppError } from "./errors.js";
import { ArticleRefSchema } from "./policy/schema.js";
import { type Rubric, RUBRIC_ITEM_KINDS, RubricSchema } from "./rubric.js";

const DraftText = z.strictObject({
  zh: z.string().trim().min(1, "请填写中文").max(500, "不超过 500 字"),
  en: z.string().trim().max(500, "不超过 500 字").optional(),
});

const DraftItemSchema = z.strictObject({
  id: z.string().trim().min(1).max(80),
  title: DraftText,
  guidance: DraftText.optional(),
  kind: z.enum(RUBRIC_ITEM_KINDS),
  points: z.number().finite().optional(),
  step: z.number().finite().optional(),
  canExclude: z.boolean().optional(),
  articles: z.array(ArticleRefSchema).max(20).optional(),
  law: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
});

export const RubricDraftSchema = z.strictObject({
  id: z.string().trim().min(1).max(61),
  title: DraftText,
  article: ArticleRefSchema,
  total: z.number().finite().optional(),
  bands: z
    .array(
      z.strictObject({
        min: z.number().finite(),
        key: z.string().trim().min(1).max(41),
        zh: z.string().trim().min(1).max(50),
        en: z.string().trim().max(50).optional(),
      }),
    )
    .min(1)
    .max(10),
  sections: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1).max(80),
        title: DraftText,
        items: z.array(DraftItemSchema).max(200),
      }),
    )
    .min(1)
    .max(50),
});
export type RubricDraft = z.infer<typeof RubricDraftSchema>;

/** The rubric a draft becomes as the given version; a 400 naming `<field>.<path>` of the first thing wrong. */
export function rubricFromDraft(draft: RubricDraft, version: number, field = "body.rubric"): Rubric {
  const text = (t: { zh: string; en?: string | undefined }) => ({ zh: t.zh, en: t.en || t.zh });
  const parsed = RubricSchema.safeParse({
    ...draft,
    version,
    title: text(draft.title),
    bands: draft.bands.map((band) => ({ ...band, en: band.en || band.zh })),
    sections: draft.sections.map((section) => ({
      ...section,
      title: text(section.title),
      items: section.items.map((item) => ({
        ...item,
        title: text(item.title),
        guidance: item.guidance && text(item.guidance),
      })),
    })),
  });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    field: [field, ...issue.path.map(String)].join("."),
    message: issue.message,
    // RubricSchema's own checks carry their English beside the Chinese.
    en: (issue as { params?: { en?: string } }).params?.en ?? issue.message,
  }));
  const first = issues[0] ?? { field, message: "评分表有误", en: "the rubric is not valid" };
  throw new AppError(
    "VALIDATION_FAILED",
    { zh: `请求参数有误：${first.field}：${first.message}`, en: `Invalid request: ${first.field}: ${first.en}` },
    { issues: issues.map(({ field: f, message }) => ({ field: f, message })) },
  );
}
