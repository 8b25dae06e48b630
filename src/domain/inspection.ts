/**
 * Inspections (保密检查, 实施细则第十一条第（四）项、第十三条第（六）项) and the rectification of their findings (整改): the
 * checklist template as data, the kinds of plan, one unit's results checked against the template, and the two small
 * state machines (an inspection: draft → closed; a finding: open → submitted → closed, or back to open).
 */
import { allows, nextStatus, type StateMachine } from "./state-machine.js";
import { z } from "zod";
import { AppError, type Localized } from "./errors.js";
import { ArticleRefSchema } from "./policy/schema.js";

const LocalizedSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const NODE_ID = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

/** How a checklist item is answered: pass/fail, a score within its points, or a veto (a fail fails the unit). */
export const TEMPLATE_ITEM_KINDS = ["check", "points", "veto"] as const;
export type TemplateItemKind = (typeof TEMPLATE_ITEM_KINDS)[number];

/** Points belong to points items only, and a points item is worth something. */
function checkPoints(item: { kind: TemplateItemKind; points: number }, ctx: z.RefinementCtx): void {
  if (item.kind === "points" && item.points <= 0)
    ctx.addIssue({ code: "custom", path: ["points"], message: "计分项的分值须大于 0" });
  if (item.kind !== "points" && item.points !== 0)
    ctx.addIssue({ code: "custom", path: ["points"], message: "检查项和否决项不计分，分值须为 0" });
}

/** An item id answers one item: ids are unique across the whole template. */
function checkUniqueItems(template: { sections: { items: { id: string }[] }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  template.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({
          code: "custom",
          path: ["sections", s, "items", i, "id"],
          message: `条目编号“${item.id}”重复`,
        });
      seen.add(item.id);
    }),
  );
}

const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{2,60}$/;

/** The shape of a template for a given kind of text (complete in shipped files, English optional in drafts). */
function templateShape<T extends z.ZodType<{ zh: string; en?: string | undefined }>>(text: T) {
  const item = z
    .strictObject({
      id: z.string().regex(NODE_ID, "须为小写字母、数字，以点或连字符分隔").max(80),
      text,
      kind: z.enum(TEMPLATE_ITEM_KINDS),
      /** points: the most it scores; check and veto: 0. */
      points: z.number().min(0).max(1000).default(0),
      /** Whether the item may be marked 不适用 (a unit with no such work). */
      canExclude: z.boolean().default(true),
      /** The article of the implementing rules it checks (`art6.3`). */
      article: ArticleRefSchema,
    })
    .superRefine(checkPoints);
  return {
    id: z.string().regex(TEMPLATE_ID, "须为 3–61 位小写字母、数字和连字符"),
    title: text,
    subject: z.enum(TEMPLATE_SUBJECTS),
    article: ArticleRefSchema,
    sections: z
      .array(
        z.strictObject({
          id: z.string().regex(NODE_ID, "须为小写字母、数字，以点或连字符分隔").max(80),
          title: text,
          items: z.array(item).min(1).max(200),
        }),
      )
      .min(1)
      .max(50),
  };
}

/** The people a template is filled about: a unit (inspections) or a cleared person (self-checks). */
export const TEMPLATE_SUBJECTS = ["unit", "keyDepartment", "person"] as const;

/** A checklist template (检查表), versioned: an inspection freezes the version it used. */
export const InspectionTemplateSchema = z
  .strictObject({ ...templateShape(LocalizedSchema), version: z.number().int().min(1) })
  .superRefine(checkUniqueItems);

const DraftText = z.strictObject({
  zh: z.string().trim().min(1).max(500),
  en: z.string().trim().max(500).optional(),
});

/**
 * A template as the secrecy office writes it: no version (saving gives it the next one) and English optional (the
 * Chinese stands in where none is given).
 */
export const TemplateDraftSchema = z.strictObject(templateShape(DraftText)).superRefine(checkUniqueItems);
export type TemplateDraft = z.infer<typeof TemplateDraftSchema>;

/** The template a draft becomes as the given version. */
export function templateFromDraft(draft: TemplateDraft, version: number): InspectionTemplate {
  const text = (t: { zh: string; en?: string | undefined }) => ({ zh: t.zh, en: t.en || t.zh });
  return InspectionTemplateSchema.parse({
    ...draft,
    version,
    title: text(draft.title),
    sections: draft.sections.map((section) => ({
      ...section,
      title: text(section.title),
      items: section.items.map((item) => ({ ...item, text: text(item.text) })),
    })),
  });
}
export type InspectionTemplate = z.infer<typeof InspectionTemplateSchema>;
export type TemplateItem = InspectionTemplate["sections"][number]["items"][number];

/** Every item of a template, in order. */
export function templateItems(template: InspectionTemplate): TemplateItem[] {
  return template.sections.flatMap((s) => s.items);
}

/** One item's recorded result. */
export const ITEM_OUTCOMES = ["pass", "fail", "na"] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];
export interface ItemResult {
  outcome: ItemOutcome;
  score: number | null;
  note: string | null;
}

/** A 400 naming the field, in both languages (as meetings/guards badField, kept pure here). */
function bad(field: string, zh: string, en: string): AppError {
  return new AppError("VALIDATION_FAILED", { zh, en }, { issues: [{ field, message: zh }] });
}

/**
 * Checks one answer against the template: the item exists, a points item has a score within 0…points, a check or veto
 * item has none, 不适用 only where the item allows it. Refusals name the item.
 */
export function checkResult(
  template: InspectionTemplate,
  field: string,
  answer: { itemId: string; outcome: ItemOutcome; score?: number | null | undefined },
): TemplateItem {
  const item = templateItems(template).find((i) => i.id === answer.itemId);
  if (!item)
    throw bad(`${field}.itemId`, `检查表中没有条目“${answer.itemId}”`, `The checklist has no item "${answer.itemId}"`);
  if (answer.outcome === "na" && !item.canExclude)
    throw bad(
      `${field}.outcome`,
      `条目“${item.id}”不得标为不适用`,
      `Item "${item.id}" cannot be marked not applicable`,
    );
  const score = answer.score ?? null;
  if (item.kind === "points" && answer.outcome !== "na") {
    if (score === null)
      throw bad(`${field}.score`, `条目“${item.id}”须填写得分（0–${item.points}）`, `Item "${item.id}" needs a score`);
    if (score < 0 || score > item.points)
      throw bad(
        `${field}.score`,
        `条目“${item.id}”的得分须在 0 至 ${item.points} 之间`,
        `The score of item "${item.id}" must be between 0 and ${item.points}`,
      );
  } else if (score !== null && item.kind !== "points") {
    throw bad(`${field}.score`, `条目“${item.id}”不计分`, `Item "${item.id}" carries no score`);
  }
  return item;
}

/** The first item without a result, if any (closing is refused naming it). */
export function firstUnrecorded(template: InspectionTemplate, results: Record<string, ItemResult>) {
  return templateItems(template).find((i) => !(i.id in results));
}

/** Earned and possible points, and whether a veto item failed. */
export function scoreOf(template: InspectionTemplate, results: Record<string, ItemResult>) {
  let earned = 0;
  let possible = 0;
  let vetoed = false;
  for (const item of templateItems(template)) {
    const r = results[item.id];
    if (item.kind === "veto" && r?.outcome === "fail") vetoed = true;
    if (item.kind !== "points" || r?.outcome === "na") continue;
    possible += item.points;
    earned += r?.score ?? 0;
  }
  return { earned: Math.round(earned * 100) / 100, possible, vetoed };
}

/**
 * The kinds of plan: a member's half-yearly inspection of their portfolio, the office's, a special one, and a unit
 * head's own inspection of the unit (第六条第（三）项).
 */
export const PLAN_KINDS = ["member", "office", "special", "unit"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_NAMES: Record<PlanKind, Localized> = {
  member: { zh: "委员半年检查", en: "Member's half-yearly inspection" },
  office: { zh: "保密办公室检查", en: "Secrecy office inspection" },
  special: { zh: "专项检查", en: "Special inspection" },
  unit: { zh: "本单位检查", en: "Unit head's own inspection" },
};
export const PLAN_KIND_ARTICLES: Record<PlanKind, string> = {
  member: "art11.4",
  office: "art13.6",
  special: "art13.6",
  unit: "art6.3",
};

export const INSPECTION_STATUSES = ["draft", "closed"] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_NAMES: Record<InspectionStatus, Localized> = {
  draft: { zh: "检查中", en: "In progress" },
  closed: { zh: "已结束", en: "Closed" },
};

export const SEVERITIES = ["minor", "major", "serious"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_NAMES: Record<Severity, Localized> = {
  minor: { zh: "一般", en: "Minor" },
  major: { zh: "较重", en: "Major" },
  serious: { zh: "严重", en: "Serious" },
};

export const FINDING_CATEGORIES = ["organization", "personnel", "carrier", "system", "keyDepartment", "other"] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];
export const FINDING_CATEGORY_NAMES: Record<FindingCategory, Localized> = {
  organization: { zh: "组织管理", en: "Organization" },
  personnel: { zh: "涉密人员", en: "Cleared persons" },
  carrier: { zh: "涉密载体", en: "Classified carriers" },
  system: { zh: "信息系统与设备", en: "Systems and devices" },
  keyDepartment: { zh: "要害部门部位", en: "Key departments and sites" },
  other: { zh: "其他", en: "Other" },
};

/** What found it (a finding reads the same whatever found it; `source_id` names the record). */
export const FINDING_SOURCES = ["inspection", "selfCheck", "selfAssessment"] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];
export const FINDING_SOURCE_NAMES: Record<FindingSource, Localized> = {
  inspection: { zh: "保密检查", en: "Inspection" },
  selfCheck: { zh: "个人自查", en: "Personal self-check" },
  selfAssessment: { zh: "单位自查自评", en: "Unit self-assessment" },
};

export const FINDING_STATUSES = ["open", "submitted", "closed"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_NAMES: Record<FindingStatus, Localized> = {
  open: { zh: "整改中", en: "Under rectification" },
  submitted: { zh: "待验证", en: "Awaiting verification" },
  closed: { zh: "已销号", en: "Verified and closed" },
};

export type FindingAction = "rectify" | "submit" | "verify" | "sendBack";
const FINDING_MACHINE: StateMachine<FindingStatus, FindingAction> = {
  subject: { zh: "该问题", en: "The finding" },
  statusNames: FINDING_STATUS_NAMES,
  actionNames: {
    rectify: { zh: "登记整改情况", en: "record the rectification" },
    submit: { zh: "提交验证", en: "submit for verification" },
    verify: { zh: "验证销号", en: "verify and close" },
    sendBack: { zh: "退回整改", en: "send back" },
  },
  rules: {
    rectify: { from: ["open"], to: "open" },
    submit: { from: ["open"], to: "submitted" },
    verify: { from: ["submitted"], to: "closed" },
    sendBack: { from: ["submitted"], to: "open" },
  },
};

export const findingAllows = (current: FindingStatus, action: FindingAction): boolean =>
  allows(FINDING_MACHINE, current, action);

/** The status after the action, or a 409 naming the status the finding is in. */
export const nextFindingStatus = (current: FindingStatus, action: FindingAction): FindingStatus =>
  nextStatus(FINDING_MACHINE, current, action);

/** A 409 for a step on a closed inspection. */
export function refuseClosedInspection(current: InspectionStatus, what: Localized): never | void {
  if (current === "draft") return;
  throw new AppError(
    "CONFLICT",
    {
      zh: `该检查当前状态为“${INSPECTION_STATUS_NAMES[current].zh}”，不能${what.zh}`,
      en: `The inspection is “${INSPECTION_STATUS_NAMES[current].en}”; it cannot ${what.en}`,
    },
    { state: current },
  );
}
