/**
 * The findings a submitted self-assessment raises: one per answer that reveals a problem (points lost, a deduction
 * taken, a veto hit), prepared before the writing transaction by inspections' `prepareFinding` — so each is owned by
 * the unit head the resolver names today and raises `finding.raised` (art6.2.rectify-finding) like any other finding.
 */
import { type Kysely } from "kysely";
import { badField } from "../meetings/guards.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type Rubric, type RubricAnswers, type RubricItem } from "../../domain/rubric.js";
import { categoryOf, type Problem, PROBLEM_SEVERITY, problemOf } from "../../domain/self-assessment.js";
import { type Database } from "../../platform/db/schema.js";
import { type PreparedFinding, prepareFinding } from "../inspections/raise-finding.js";

/** Each answer revealing a problem, in rubric order, with its item and section. */
export function problemsOf(
  rubric: Rubric,
  answers: RubricAnswers,
): { sectionId: string; item: RubricItem; problem: Problem }[] {
  return rubric.sections.flatMap((section) =>
    section.items.flatMap((item) => {
      const problem = problemOf(item, answers[item.id]);
      return problem ? [{ sectionId: section.id, item, problem }] : [];
    }),
  );
}

/** A 400 naming the first problem answer without a note describing the problem. */
export function requireNotes(rubric: Rubric, answers: RubricAnswers, only?: ReadonlySet<string>): void {
  for (const { item } of problemsOf(rubric, answers)) {
    if (only && !only.has(item.id)) continue;
    if (answers[item.id]?.note?.trim()) continue;
    throw badField(
      `answers.${item.id}.note`,
      `“${item.title.zh}”${item.kind === "veto" ? "触发一票否决" : item.kind === "deduction" ? "有扣分" : "未得满分"}，须在说明中写明发现的问题`,
      `"${item.title.en}" reveals a problem: describe it in the note`,
    );
  }
}

export interface RaiseContext {
  db: Kysely<Database>;
  policy: Policy;
  policyVersion: string;
  selfAssessmentId: string;
  institutionId: string;
  unit: { id: string; kind: string };
  year: number;
  deadline: string;
  now: Date;
}

/** Prepares the finding of each problem answer (reads only); the caller inserts them in its transaction. */
export async function prepareFindings(
  context: RaiseContext,
  rubric: Rubric,
  answers: RubricAnswers,
): Promise<PreparedFinding[]> {
  const prepared: PreparedFinding[] = [];
  for (const { sectionId, item, problem } of problemsOf(rubric, answers))
    prepared.push(
      await prepareFinding(
        context.db,
        context.policy,
        context.policyVersion,
        {
          source: "selfAssessment",
          sourceId: context.selfAssessmentId,
          institutionId: context.institutionId,
          unit: context.unit,
          year: context.year,
          itemId: item.id,
          itemText: item.title,
          category: categoryOf(sectionId, item.id),
          severity: PROBLEM_SEVERITY[problem],
          description: answers[item.id]?.note?.trim() ?? item.title.zh,
          deadline: context.deadline,
        },
        context.now,
      ),
    );
  return prepared;
}
