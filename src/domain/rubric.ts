/**
 * Scoring rubrics (考核 / 评分表, GLOSSARY): the committee's year-end assessment of units (实施细则第十二条第（二）项)
 * and, later, inspections and self-assessments shaped like the national 机关、单位保密自查自评标准. A rubric is data —
 * sections of point items, deductions and veto items, and the bands a percentage falls into — and this module holds
 * its schema and its maths: scoring one unit's answers, ranking units, and showing what changed between two rubrics.
 */
import { z } from "zod";
import { AppError, type FieldIssue, type Localized } from "./errors.js";
import { ArticleRefSchema } from "./policy/schema.js";

const LocalizedSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

const RUBRIC_ID = /^[a-z0-9][a-z0-9-]{2,60}$/;
/** Section and item ids: lower-case words joined by dots or hyphens (`org.agreement`). */
const NODE_ID = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

/** How an item counts: points earned toward the total, points taken off it, or a veto of the whole assessment. */
export const RUBRIC_ITEM_KINDS = ["points", "deduction", "veto"] as const;
export type RubricItemKind = (typeof RUBRIC_ITEM_KINDS)[number];

/** Scores are floating point; a score is "on the step" when it is a whole number of steps within this tolerance. */
const EPSILON = 1e-9;

function isMultiple(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < EPSILON * Math.max(1, Math.abs(ratio));
}

/** Sums of steps such as 0.1 drift in binary; scores are kept to six decimals so equal totals compare equal. */
function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const RubricItemSchema = z
  .strictObject({
    id: z.string().regex(NODE_ID, "须为小写字母、数字，以点或连字符分隔").max(80),
    title: LocalizedSchema,
    guidance: LocalizedSchema.optional(),
    kind: z.enum(RUBRIC_ITEM_KINDS),
    /** points: the most it scores; deduction: the most it takes off the total; veto: 0. */
    points: z.number().min(0).max(1000).default(0),
    /** The granularity of a score (0.5 lets 3.5 of 4 be given). */
    step: z.number().positive().max(100).default(0.5),
    /** Whether the item may be marked as not applying to a unit; by default points items may, the others may not. */
    canExclude: z.boolean().optional(),
    /** The articles of the implementing rules this item checks (`art6.1`). */
    articles: z.array(ArticleRefSchema).default([]),
    /** Citations of the laws behind it, as written (《保密法》（2024）第三十一条). */
    law: z.array(z.string().min(1)).default([]),
  })
  .superRefine((item, ctx) => {
    const issue = (path: string, zh: string, en: string): void =>
      ctx.addIssue({ code: "custom", path: [path], message: zh, params: { en } });
    if (item.kind === "veto") {
      if (item.points !== 0)
        issue("points", "一票否决项不计分，分值须为 0", "a veto item carries no points; points must be 0");
      return;
    }
    if (item.points <= 0) {
      issue(
        "points",
        item.kind === "points" ? "计分项的分值须大于 0" : "扣分项的最高扣分须大于 0",
        item.kind === "points"
          ? "a points item must be worth more than 0"
          : "a deduction must be able to take off more than 0",
      );
    } else if (!isMultiple(item.points, item.step)) {
      issue(
        "step",
        `分值 ${item.points} 不是步长 ${item.step} 的整数倍`,
        `the points (${item.points}) are not a whole number of steps of ${item.step}`,
      );
    }
  })
  .transform((item) => ({ ...item, canExclude: item.canExclude ?? item.kind === "points" }));

const RubricSectionSchema = z.strictObject({
  id: z.string().regex(NODE_ID, "须为小写字母、数字，以点或连字符分隔").max(80),
  title: LocalizedSchema,
  items: z.array(RubricItemSchema).min(1),
});

const RubricBandSchema = z.strictObject({
  /** The lowest percentage in the band (inclusive). */
  min: z.number().min(0).max(100),
  key: z.string().regex(/^[a-z][a-zA-Z0-9-]{0,40}$/, "须以小写字母开头，由字母、数字和连字符组成"),
  zh: z.string().min(1),
  en: z.string().min(1),
});

/** The bands of 实施细则第十二条第（二）项 as the committee applies them: 符合 ≥ 90, 基本符合 80–89, 不符合 < 80. */
export const DEFAULT_BANDS: readonly RubricBand[] = [
  { min: 90, key: "conform", zh: "符合", en: "Conforms" },
  { min: 80, key: "basic", zh: "基本符合", en: "Basically conforms" },
  { min: 0, key: "nonconform", zh: "不符合", en: "Does not conform" },
];

/** A scoring rubric, checked across its parts: unique ids, bands from high to low ending at 0, the declared total. */
export const RubricSchema = z
  .strictObject({
    id: z.string().regex(RUBRIC_ID, "须为小写字母、数字和连字符"),
    version: z.number().int().min(1),
    title: LocalizedSchema,
    /** The article the rubric serves (`art12.2`: the year-end assessment). */
    article: ArticleRefSchema,
    /** When given, the points items must add up to it (100 for the year-end assessment). */
    total: z.number().positive().max(100000).optional(),
    bands: z
      .array(RubricBandSchema)
      .min(1)
      .default(() => DEFAULT_BANDS.map((band) => ({ ...band }))),
    sections: z.array(RubricSectionSchema).min(1),
  })
  .superRefine((rubric, ctx) => {
    const issue = (path: (string | number)[], zh: string, en: string): void =>
      ctx.addIssue({ code: "custom", path, message: zh, params: { en } });

    const seen = new Set<string>();
    const claim = (id: string, path: (string | number)[]): void => {
      if (seen.has(id)) issue(path, `编号“${id}”重复`, `duplicate id "${id}"`);
      seen.add(id);
    };
    rubric.sections.forEach((section, s) => {
      claim(section.id, ["sections", s, "id"]);
      section.items.forEach((item, i) => claim(item.id, ["sections", s, "items", i, "id"]));
    });

    const keys = new Set<string>();
    rubric.bands.forEach((band, b) => {
      if (keys.has(band.key)) issue(["bands", b, "key"], `分档“${band.key}”重复`, `duplicate band "${band.key}"`);
      keys.add(band.key);
      const previous = rubric.bands[b - 1];
      if (previous && band.min >= previous.min) {
        issue(
          ["bands", b, "min"],
          `分档下限须从高到低排列：${band.min} 不低于上一档的 ${previous.min}`,
          `bands must run from high to low: ${band.min} is not below the previous band's ${previous.min}`,
        );
      }
    });
    const last = rubric.bands.length - 1;
    if (rubric.bands[last] && rubric.bands[last].min !== 0) {
      issue(["bands", last, "min"], "最后一档的下限须为 0", "the last band must start at 0");
    }

    const items = rubric.sections.flatMap((section) => section.items);
    if (!items.some((item) => item.kind === "points")) {
      issue(["sections"], "评分表至少须有一个计分项", "a rubric needs at least one points item");
    }
    if (rubric.total !== undefined) {
      const sum = tidy(items.filter((item) => item.kind === "points").reduce((acc, item) => acc + item.points, 0));
      if (Math.abs(sum - rubric.total) > EPSILON) {
        issue(
          ["total"],
          `计分项合计 ${sum} 分，与总分 ${rubric.total} 分不符`,
          `the points items add up to ${sum}, not the declared total of ${rubric.total}`,
        );
      }
    }
  });

export type Rubric = z.infer<typeof RubricSchema>;
export type RubricInput = z.input<typeof RubricSchema>;
export type RubricSection = Rubric["sections"][number];
export type RubricItem = RubricSection["items"][number];
export type RubricBand = z.infer<typeof RubricBandSchema>;

/** One item's answer: a score, "does not apply", or — for a veto item — whether it was triggered; and a note. */
export const RubricAnswerSchema = z.strictObject({
  score: z.number().finite().optional(),
  excluded: z.boolean().optional(),
  vetoed: z.boolean().optional(),
  note: z.string().max(2000).optional(),
});
export type RubricAnswer = z.infer<typeof RubricAnswerSchema>;

/** A unit's answers by item id. */
export const RubricAnswersSchema = z.record(z.string().max(80), RubricAnswerSchema);
export type RubricAnswers = Record<string, RubricAnswer>;

/** Every item of a rubric in order, with the section it sits in. */
export function rubricItems(rubric: Rubric): { sectionId: string; item: RubricItem }[] {
  return rubric.sections.flatMap((section) => section.items.map((item) => ({ sectionId: section.id, item })));
}

/** The points a unit can earn when every points item applies. */
export function totalPoints(rubric: Rubric): number {
  return tidy(
    rubricItems(rubric)
      .filter(({ item }) => item.kind === "points")
      .reduce((sum, { item }) => sum + item.points, 0),
  );
}

/** A band as a result names it. */
export interface RubricBandRef {
  key: string;
  zh: string;
  en: string;
}

/** One section's share of a score. */
export interface RubricSectionScore {
  id: string;
  /** Points earned in the section, before deductions (deductions come off the total). */
  earned: number;
  possible: number;
  /** Deductions answered in the section. */
  deducted: number;
}

/** A unit's score on a rubric. */
export interface RubricScore {
  /** Points earned after deductions, never below 0. */
  earned: number;
  /** Points earned before deductions. */
  gross: number;
  /** Points of the items that apply (excluded items are left out). */
  possible: number;
  /** The deductions as answered (the total never goes below 0, so `gross − earned` can be less). */
  deducted: number;
  /** earned / possible × 100 to one decimal; null when nothing applies. */
  percent: number | null;
  /** The band of `percent`, or the lowest band when a veto was triggered; null when nothing applies and no veto. */
  band: RubricBandRef | null;
  /** The veto items answered as triggered, in rubric order. */
  vetoedBy: string[];
  /** Items marked as not applying. */
  excluded: string[];
  /** Items not yet answered (only a draft has any); they count as possible with nothing earned. */
  unanswered: string[];
  perSection: RubricSectionScore[];
}

/** Options of `scoreRubric`. */
export interface ScoreOptions {
  /** A draft: unanswered items are allowed (and listed) instead of refused. */
  partial?: boolean;
}

/** The band a percentage falls into: the first whose minimum it reaches. */
export function bandFor(bands: readonly RubricBand[], percent: number): RubricBandRef | null {
  const band = bands.find((candidate) => percent >= candidate.min);
  return band ? { key: band.key, zh: band.zh, en: band.en } : null;
}

function refusal(issues: FieldIssue[], english: string[]): AppError {
  const first = issues[0]?.message ?? "评分有误";
  const more =
    issues.length > 1 ? { zh: `（另有 ${issues.length - 1} 处问题）`, en: ` (and ${issues.length - 1} more)` } : null;
  return new AppError(
    "VALIDATION_FAILED",
    { zh: `${first}${more?.zh ?? ""}`, en: `${english[0] ?? "invalid answers"}${more?.en ?? ""}` },
    { issues },
  );
}

/**
 * Scores one unit's answers. Points items score 0..points on their step; an excluded item leaves both earned and
 * possible; deductions come off the total (not below 0); a triggered veto puts the unit in the lowest band whatever
 * its percentage. Every item must be answered unless `partial` is set. Refusals are VALIDATION_FAILED naming each
 * item (`answers.<id>.score` …), in rubric order, unknown ids first.
 */
export function scoreRubric(rubric: Rubric, answers: RubricAnswers, options: ScoreOptions = {}): RubricScore {
  const issues: FieldIssue[] = [];
  const english: string[] = [];
  const refuse = (field: string, zh: string, en: string): void => {
    issues.push({ field, message: zh });
    english.push(en);
  };

  const all = rubricItems(rubric);
  const known = new Set(all.map(({ item }) => item.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) refuse(`answers.${id}`, `评分表中没有编号为“${id}”的条目`, `the rubric has no item "${id}"`);
  }

  const vetoedBy: string[] = [];
  const excluded: string[] = [];
  const unanswered: string[] = [];
  const sections = new Map<string, RubricSectionScore>(
    rubric.sections.map((section) => [section.id, { id: section.id, earned: 0, possible: 0, deducted: 0 }]),
  );

  for (const { sectionId, item } of all) {
    const section = sections.get(sectionId);
    if (!section) continue;
    const answer: RubricAnswer | undefined = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    const field = `answers.${item.id}`;
    const name = `“${item.title.zh}”`;
    const nameEn = `"${item.title.en}"`;
    const score = answer?.score;
    const isExcluded = answer?.excluded === true;

    if (isExcluded && !item.canExclude) {
      refuse(`${field}.excluded`, `${name}不能标记为不适用`, `${nameEn} cannot be marked as not applying`);
      continue;
    }
    if (isExcluded && score !== undefined) {
      refuse(
        `${field}.score`,
        `${name}已标记为不适用，不能同时评分`,
        `${nameEn} is marked as not applying and cannot also be scored`,
      );
      continue;
    }
    if (isExcluded && answer?.vetoed === true) {
      refuse(
        `${field}.vetoed`,
        `${name}已标记为不适用，不能同时认定否决`,
        `${nameEn} is marked as not applying and cannot also be vetoed`,
      );
      continue;
    }
    if (isExcluded) {
      excluded.push(item.id);
      continue;
    }

    if (item.kind === "veto") {
      if (score !== undefined) {
        refuse(`${field}.score`, `一票否决项${name}不评分，只回答是否触发`, `veto item ${nameEn} takes no score`);
      } else if (answer?.vetoed === undefined) {
        if (options.partial) unanswered.push(item.id);
        else refuse(field, `一票否决项${name}尚未回答是否触发`, `veto item ${nameEn} has not been answered`);
      } else if (answer.vetoed) {
        vetoedBy.push(item.id);
      }
      continue;
    }

    if (answer?.vetoed === true) {
      refuse(`${field}.vetoed`, `${name}不是一票否决项`, `${nameEn} is not a veto item`);
      continue;
    }
    if (item.kind === "points") section.possible += item.points;
    if (score === undefined) {
      if (options.partial) unanswered.push(item.id);
      else refuse(field, `${name}尚未评分`, `${nameEn} has not been scored`);
      continue;
    }
    const verb = item.kind === "points" ? { zh: "得分", en: "score" } : { zh: "扣分", en: "deduction" };
    if (!Number.isFinite(score) || score < 0 || score > item.points) {
      refuse(
        `${field}.score`,
        `${name}的${verb.zh}须在 0 至 ${item.points} 分之间`,
        `the ${verb.en} of ${nameEn} must be between 0 and ${item.points}`,
      );
    } else if (!isMultiple(score, item.step)) {
      refuse(
        `${field}.score`,
        `${name}的${verb.zh}须为 ${item.step} 分的整数倍`,
        `the ${verb.en} of ${nameEn} must be a multiple of ${item.step}`,
      );
    } else if (item.kind === "points") {
      section.earned += score;
    } else {
      section.deducted += score;
    }
  }

  if (issues.length > 0) throw refusal(issues, english);

  const perSection = [...sections.values()].map((s) => ({
    id: s.id,
    earned: tidy(s.earned),
    possible: tidy(s.possible),
    deducted: tidy(s.deducted),
  }));
  const gross = tidy(perSection.reduce((sum, s) => sum + s.earned, 0));
  const possible = tidy(perSection.reduce((sum, s) => sum + s.possible, 0));
  const deducted = tidy(perSection.reduce((sum, s) => sum + s.deducted, 0));
  const earned = tidy(Math.max(0, gross - deducted));
  // Rounded before banding, so that the band always agrees with the percentage shown next to it.
  const percent = possible > 0 ? Math.min(100, Math.round((earned / possible) * 1000 + EPSILON) / 10) : null;
  const lowest = rubric.bands[rubric.bands.length - 1];
  const band =
    vetoedBy.length > 0 && lowest
      ? { key: lowest.key, zh: lowest.zh, en: lowest.en }
      : percent === null
        ? null
        : bandFor(rubric.bands, percent);
  return { earned, gross, possible, deducted, percent, band, vetoedBy, excluded, unanswered, perSection };
}

/** What `rankUnits` needs of a unit's result. */
export interface RankInput {
  unitId: string;
  percent: number | null;
  vetoed: boolean;
}

/**
 * Ranks units for the committee: by percentage, highest first; units with nothing applicable after them; vetoed
 * units last whatever their percentage. Equal results share a rank and the next rank skips (1, 2, 2, 4); within a
 * tie units keep a stable order by id.
 */
export function rankUnits<T extends RankInput>(results: readonly T[]): (T & { rank: number })[] {
  const group = (r: RankInput): number => (r.vetoed ? 2 : 0) + (r.percent === null ? 1 : 0);
  const same = (a: RankInput, b: RankInput): boolean => group(a) === group(b) && a.percent === b.percent;
  const sorted = [...results].sort(
    (a, b) =>
      group(a) - group(b) ||
      (b.percent ?? 0) - (a.percent ?? 0) ||
      (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  const ranked: (T & { rank: number })[] = [];
  sorted.forEach((result, index) => {
    const previous = ranked[index - 1];
    const rank = previous && same(previous, result) ? previous.rank : index + 1;
    ranked.push({ ...result, rank });
  });
  return ranked;
}

/** One field of an item that differs between two rubrics. */
export type RubricItemChange =
  | { field: "title"; from: Localized; to: Localized }
  | { field: "kind"; from: RubricItemKind; to: RubricItemKind }
  | { field: "points" | "step"; from: number; to: number }
  | { field: "canExclude"; from: boolean; to: boolean }
  | { field: "section"; from: string; to: string };

/** What changed from one rubric to the next (rolling a year forward, with the differences shown). */
export interface RubricDiff {
  added: { sectionId: string; item: RubricItem }[];
  removed: { sectionId: string; item: RubricItem }[];
  changed: { id: string; title: Localized; changes: RubricItemChange[] }[];
  sections: { added: string[]; removed: string[]; retitled: string[] };
  bandsChanged: boolean;
  total: { from: number; to: number };
}

/** The items added, removed and changed (title, kind, points, step, whether excludable, section) from `a` to `b`. */
export function diffRubrics(a: Rubric, b: Rubric): RubricDiff {
  const before = new Map(rubricItems(a).map((entry) => [entry.item.id, entry]));
  const after = new Map(rubricItems(b).map((entry) => [entry.item.id, entry]));
  const changed: RubricDiff["changed"] = [];
  for (const [id, next] of after) {
    const prev = before.get(id);
    if (!prev) continue;
    const changes: RubricItemChange[] = [];
    const [x, y] = [prev.item, next.item];
    if (x.title.zh !== y.title.zh || x.title.en !== y.title.en)
      changes.push({ field: "title", from: x.title, to: y.title });
    if (x.kind !== y.kind) changes.push({ field: "kind", from: x.kind, to: y.kind });
    if (x.points !== y.points) changes.push({ field: "points", from: x.points, to: y.points });
    if (x.step !== y.step) changes.push({ field: "step", from: x.step, to: y.step });
    if (x.canExclude !== y.canExclude) changes.push({ field: "canExclude", from: x.canExclude, to: y.canExclude });
    if (prev.sectionId !== next.sectionId) changes.push({ field: "section", from: prev.sectionId, to: next.sectionId });
    if (changes.length > 0) changed.push({ id, title: y.title, changes });
  }
  const sectionsA = new Map(a.sections.map((s) => [s.id, s]));
  const sectionsB = new Map(b.sections.map((s) => [s.id, s]));
  const bandKey = (bands: readonly RubricBand[]): string =>
    JSON.stringify(bands.map((band) => [band.min, band.key, band.zh, band.en]));
  return {
    added: [...after.values()].filter((entry) => !before.has(entry.item.id)),
    removed: [...before.values()].filter((entry) => !after.has(entry.item.id)),
    changed,
    sections: {
      added: b.sections.filter((s) => !sectionsA.has(s.id)).map((s) => s.id),
      removed: a.sections.filter((s) => !sectionsB.has(s.id)).map((s) => s.id),
      retitled: b.sections
        .filter((s) => {
          const old = sectionsA.get(s.id);
          return old !== undefined && (old.title.zh !== s.title.zh || old.title.en !== s.title.en);
        })
        .map((s) => s.id),
    },
    bandsChanged: bandKey(a.bands) !== bandKey(b.bands),
    total: { from: totalPoints(a), to: totalPoints(b) },
  };
}
