import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Rubric, RubricBand, RubricItem, RubricSection } from "../../domain/rubric";
import type {
  CompleteSupervisionRequestSchema,
  NoteRequestSchema,
  PlanRequestSchema,
  RollForwardResultSchema,
  ScoreRequestSchema,
  SignRequestSchema,
  SummaryRequestSchema,
  SupervisionYear,
} from "../../features/supervision/contract";
import { usePickedInstitution } from "../components/institution-picker";
import { apiFetch, queryString } from "./client";

export type { Rubric, RubricBand, RubricItem, RubricSection, SupervisionYear };
export type PlanView = NonNullable<SupervisionYear["plan"]>;
export type PlanItemView = PlanView["items"][number];
export type Approval = NonNullable<PlanView["approval"]>;
export type SupervisionView = NonNullable<SupervisionYear["supervision"]>;
export type NoteView = SupervisionView["notes"][number];
export type AssessmentView = NonNullable<SupervisionYear["assessment"]>;
export type ScoreView = AssessmentView["scores"][number];
export type SummaryView = NonNullable<SupervisionYear["summary"]>;
export type NamedUnit = SupervisionYear["institution"];
export type RollForwardResult = z.infer<typeof RollForwardResultSchema>;
export type Difference = RollForwardResult["differences"][number];
export type PlanRequest = z.input<typeof PlanRequestSchema>;
export type NoteRequest = z.input<typeof NoteRequestSchema>;
export type CompleteSupervisionRequest = z.input<typeof CompleteSupervisionRequestSchema>;
export type ScoreRequest = z.input<typeof ScoreRequestSchema>;
export type Answer = ScoreRequest["answers"][string];
export type SummaryRequest = z.input<typeof SummaryRequestSchema>;
export type SignRequest = z.input<typeof SignRequestSchema>;

/** The three records the director approves (审定), in the year's order. */
export type ApprovedRecord = "plan" | "assessment" | "summary";

/**
 * The assessment's rubric as the server sends it. The contract leaves it `unknown` (a rubric is data), but the
 * server has already parsed it with RubricSchema — defaults filled in (`step`, `canExclude`) — before sending it.
 */
export function rubricOf(assessment: AssessmentView | null): Rubric | null {
  const rubric = assessment?.rubric;
  if (typeof rubric !== "object" || rubric === null || !Array.isArray((rubric as Rubric).sections)) return null;
  return rubric as Rubric;
}

// The year's page is one record; its approvals make tracked tasks (督办) and discharge obligations, and both reach
// the inbox: a change reads those again.
export const SUPERVISION_KEY = ["supervision"] as const;
const TASKS_KEY = ["tasks"] as const;
const OBLIGATIONS_KEY = ["obligations"] as const;
const INBOX_KEY = ["inbox"] as const;

const yearKey = (year: number, institutionId?: string) => [...SUPERVISION_KEY, year, institutionId ?? null] as const;
const yearPath = (year: number, suffix = "", institutionId?: string) =>
  `/api/supervision/${year}${suffix}${queryString({ institutionId })}`;

/** GET /api/supervision/:year: the plan, supervision, assessment, summary, obligations and abilities of a year. */
export function useSupervisionYear(year: number, institutionId?: string) {
  return useQuery({
    queryKey: yearKey(year, institutionId),
    queryFn: ({ signal }) => apiFetch<SupervisionYear>(yearPath(year, "", institutionId), { signal }),
  });
}

/** After a change: the answer is the year as it now stands; what it made or fulfilled elsewhere reloads. */
function useYearChange(picked?: string) {
  const onPage = usePickedInstitution();
  const institutionId = picked ?? onPage;
  const client = useQueryClient();
  return async (view: SupervisionYear) => {
    client.setQueryData(yearKey(view.year, institutionId), view);
    await Promise.all([
      client.invalidateQueries({ queryKey: TASKS_KEY }),
      client.invalidateQueries({ queryKey: OBLIGATIONS_KEY }),
      client.invalidateQueries({ queryKey: INBOX_KEY }),
    ]);
  };
}

/** A PUT or POST on the year that answers with the year. */
function useYearMutation<T>(year: number, method: "POST" | "PUT", suffix: string, picked?: string) {
  const onPage = usePickedInstitution();
  const institutionId = picked ?? onPage;
  const changed = useYearChange(institutionId);
  return useMutation({
    mutationFn: (body: T) => apiFetch<SupervisionYear>(yearPath(year, suffix, institutionId), { method, body }),
    onSuccess: changed,
  });
}

/** PUT /api/supervision/:year/plan (the secrecy office): the plan's draft, its items replaced as a whole. */
export const useSavePlan = (year: number, institutionId?: string) =>
  useYearMutation<PlanRequest>(year, "PUT", "/plan", institutionId);

/** POST /api/supervision/:year/:record/approve: the director (or a delegated deputy) approves with the password. */
export const useApprove = (year: number, record: ApprovedRecord, institutionId?: string) =>
  useYearMutation<SignRequest>(year, "POST", `/${record}/approve`, institutionId);

/** POST /api/supervision/:year/notes: a written supervision note (督查意见) to a unit. */
export const useAddNote = (year: number, institutionId?: string) =>
  useYearMutation<NoteRequest>(year, "POST", "/notes", institutionId);

/** POST /api/supervision/:year/supervision/complete: the mid-year supervision done, with its report. */
export const useCompleteSupervision = (year: number, institutionId?: string) =>
  useYearMutation<CompleteSupervisionRequest>(year, "POST", "/supervision/complete", institutionId);

/** PUT /api/supervision/:year/summary: the annual summary's draft. */
export const useSaveSummary = (year: number, institutionId?: string) =>
  useYearMutation<SummaryRequest>(year, "PUT", "/summary", institutionId);

/** PUT /api/supervision/:year/assessment/scores/:unitId: one unit's answers, every item of the rubric. */
export function useScoreUnit(year: number, picked?: string) {
  const onPage = usePickedInstitution();
  const institutionId = picked ?? onPage;
  const changed = useYearChange(institutionId);
  return useMutation({
    mutationFn: ({ unitId, ...body }: ScoreRequest & { unitId: string }) =>
      apiFetch<SupervisionYear>(yearPath(year, `/assessment/scores/${encodeURIComponent(unitId)}`, institutionId), {
        method: "PUT",
        body,
      }),
    onSuccess: changed,
  });
}

/** POST /api/supervision/:year/roll-forward: last year's plan and rubric as this year's drafts, with what differs. */
export function useRollForward(year: number, picked?: string) {
  const onPage = usePickedInstitution();
  const institutionId = picked ?? onPage;
  const changed = useYearChange(institutionId);
  return useMutation({
    mutationFn: () => apiFetch<RollForwardResult>(yearPath(year, "/roll-forward", institutionId), { method: "POST" }),
    onSuccess: (result) => changed(result.year),
  });
}
