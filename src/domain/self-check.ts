/**
 * Personal self-checks (个人保密自查, 实施细则第七条第（二）项): a cleared person answers the self-check form for one slot
 * of their cadence, submits it, and their superior confirms it or returns it. Pure: the small state machine (draft →
 * submitted → confirmed, or back to draft), the rule an answer obeys, and how a failed answer reads as a finding.
 */
import { AppError, type Localized } from "./errors.js";
import {
  checkResult,
  FINDING_CATEGORIES,
  type FindingCategory,
  type InspectionTemplate,
  type ItemOutcome,
  type ItemResult,
  type Severity,
  type TemplateItem,
} from "./inspection.js";
import { allows, nextStatus, type StateMachine } from "./state-machine.js";

/** The record kind the policy names for a self-check (`art7.2.self-check`: discharge by record). */
export const SELF_CHECK_RECORD_KIND = "selfCheck.submitted";

/** The form a cleared person fills (policies/templates/personal-self-check.yaml). */
export const SELF_CHECK_TEMPLATE = "personal-self-check";

/** Days a finding of a self-check has for its rectification when the confirmer sets no deadline. */
export const SELF_CHECK_FINDING_DAYS = 30;

export const SELF_CHECK_STATUSES = ["draft", "submitted", "confirmed"] as const;
export type SelfCheckStatus = (typeof SELF_CHECK_STATUSES)[number];
export const SELF_CHECK_STATUS_NAMES: Record<SelfCheckStatus, Localized> = {
  draft: { zh: "填写中", en: "Being filled in" },
  submitted: { zh: "待确认", en: "Awaiting confirmation" },
  confirmed: { zh: "已确认", en: "Confirmed" },
};

export type SelfCheckAction = "answer" | "submit" | "confirm" | "return";
const MACHINE: StateMachine<SelfCheckStatus, SelfCheckAction> = {
  subject: { zh: "该自查表", en: "The self-check" },
  statusNames: SELF_CHECK_STATUS_NAMES,
  actionNames: {
    answer: { zh: "修改自查内容", en: "change its answers" },
    submit: { zh: "提交", en: "submit it" },
    confirm: { zh: "确认", en: "confirm it" },
    return: { zh: "退回", en: "return it" },
  },
  rules: {
    answer: { from: ["draft"], to: null },
    submit: { from: ["draft"], to: "submitted" },
    confirm: { from: ["submitted"], to: "confirmed" },
    return: { from: ["submitted"], to: "draft" },
  },
};

export const selfCheckAllows = (current: SelfCheckStatus, action: SelfCheckAction): boolean =>
  allows(MACHINE, current, action);

/** The status after the action, or a 409 naming the status the self-check is in. */
export const nextSelfCheckStatus = (current: SelfCheckStatus, action: SelfCheckAction): SelfCheckStatus =>
  nextStatus(MACHINE, current, action);

export interface SelfCheckAnswer {
  itemId: string;
  outcome: ItemOutcome;
  score?: number | null | undefined;
  note?: string | undefined;
}

/**
 * Checks one answer against the frozen form (the item exists, a score within its points, 不适用 only where allowed —
 * the inspection's rule) and adds the self-check's own: a 不符合 says what is wrong. Refusals name the field.
 */
export function checkAnswer(template: InspectionTemplate, field: string, answer: SelfCheckAnswer): TemplateItem {
  const item = checkResult(template, field, answer);
  if (answer.outcome === "fail" && !answer.note?.trim()) {
    const zh = `条目“${item.id}”标为不符合时，须说明存在的问题`;
    throw new AppError(
      "VALIDATION_FAILED",
      { zh, en: `Item "${item.id}" is marked not met: say what is wrong` },
      { issues: [{ field: `${field}.note`, message: zh }] },
    );
  }
  return item;
}

/** Section ids (or their words) that name a finding category other than 涉密人员. */
const SECTION_CATEGORIES: Record<string, FindingCategory> = {
  carriers: "carrier",
  systems: "system",
  devices: "system",
  organization: "organization",
  keydepartment: "keyDepartment",
};

/**
 * How a failed answer reads as a finding: 严重 when a veto item failed, else 一般; the category the item's section
 * names (a section `carrier`, `systems`…), else 涉密人员 — a self-check is about a person.
 */
export function findingKindOf(
  sectionId: string,
  item: TemplateItem,
): { category: FindingCategory; severity: Severity } {
  const word = sectionId.split(/[.-]/)[0] ?? sectionId;
  const category =
    (FINDING_CATEGORIES as readonly string[]).find((c) => c === word) ?? SECTION_CATEGORIES[word.toLowerCase()];
  return {
    category: (category as FindingCategory | undefined) ?? "personnel",
    severity: item.kind === "veto" ? "serious" : "minor",
  };
}

/** Each failed answer with its item and section, in the form's order. */
export function failedAnswers(template: InspectionTemplate, answers: Record<string, ItemResult>) {
  return template.sections.flatMap((section) =>
    section.items.flatMap((item) => {
      const answer = answers[item.id];
      return answer?.outcome === "fail" ? [{ section, item, answer }] : [];
    }),
  );
}
