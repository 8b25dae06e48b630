/**
 * Self-assessment (自查自评, 实施条例（2024）第五十八条): a unit's — or the institution's own — annual answers on a scoring
 * rubric (domain/rubric.ts). An answer that reveals a problem — points lost, a deduction taken, a veto hit — carries a
 * note describing it and becomes a finding when the self-assessment is submitted; these are the rules for that.
 */
import { type Localized } from "./errors.js";
import { type FindingCategory, type Severity } from "./inspection.js";
import { type RubricAnswer, type RubricItem } from "./rubric.js";

export const SELF_ASSESSMENT_STATUSES = ["draft", "submitted"] as const;
export type SelfAssessmentStatus = (typeof SELF_ASSESSMENT_STATUSES)[number];
/** A unit of the year's list has one, or none yet. */
export const SELF_ASSESSMENT_LIST_STATUSES = ["none", ...SELF_ASSESSMENT_STATUSES] as const;
export type SelfAssessmentListStatus = (typeof SELF_ASSESSMENT_LIST_STATUSES)[number];
export const SELF_ASSESSMENT_STATUS_NAMES: Record<SelfAssessmentListStatus, Localized> = {
  none: { zh: "未开始", en: "Not started" },
  draft: { zh: "填报中", en: "In progress" },
  submitted: { zh: "已提交", en: "Submitted" },
};

/** The rubric a unit assesses itself on (the committee's year-end one) and the institution's own. */
export const UNIT_RUBRIC = "unit-assessment";
export const INSTITUTION_RUBRIC = "institution-self-assessment";

/** How an answer reveals a problem: points lost on a points item, a deduction taken, a veto hit. */
export type Problem = "lost" | "deducted" | "vetoed";

/** The problem an answer reveals, if any (an excluded or unanswered item reveals none). */
export function problemOf(item: RubricItem, answer: RubricAnswer | undefined): Problem | null {
  if (!answer || answer.excluded === true) return null;
  if (item.kind === "veto") return answer.vetoed === true ? "vetoed" : null;
  if (answer.score === undefined) return null;
  if (item.kind === "deduction") return answer.score > 0 ? "deducted" : null;
  return answer.score < item.points ? "lost" : null;
}

/** A finding's severity by the problem: a veto hit is serious, a deduction major, points lost minor. */
export const PROBLEM_SEVERITY: Record<Problem, Severity> = { vetoed: "serious", deducted: "major", lost: "minor" };

/** The finding category of a rubric section (both shipped rubrics' section ids); anything else is "other". */
const SECTION_CATEGORIES: Record<string, FindingCategory> = {
  org: "organization",
  rules: "organization",
  edu: "organization",
  inspection: "organization",
  personnel: "personnel",
  carriers: "carrier",
  products: "carrier",
  classification: "carrier",
  network: "system",
  systems: "system",
  keysites: "keyDepartment",
};

/** Veto items name what went wrong more precisely than their section does. */
const VETO_CATEGORIES: Record<string, FindingCategory> = {
  "veto.internet": "system",
  "veto.nonclassified": "system",
};

/** The category of a finding raised from an item of a section. */
export function categoryOf(sectionId: string, itemId: string): FindingCategory {
  return VETO_CATEGORIES[itemId] ?? SECTION_CATEGORIES[sectionId] ?? "other";
}
