/** Self-assessments as the API shows them: the year's list of units and one self-assessment, with the abilities. */
import { type FastifyRequest } from "fastify";
import { dateIn } from "../../domain/calendar.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { type RubricAnswers, rubricItems, scoreRubric } from "../../domain/rubric.js";
import { INSTITUTION_RUBRIC, SELF_ASSESSMENT_STATUS_NAMES, UNIT_RUBRIC } from "../../domain/self-assessment.js";
import { authOf } from "../../platform/access/request-auth.js";
import { shippedRubric } from "../../platform/policy/rubric-loader.js";
import { presentFindingSummary } from "../inspections/presenter.js";
import { activePolicy } from "../policy/active-policy.js";
import { type CommitteeScore, yearAssessment } from "../supervision/year-assessment.js";
import { type SelfAssessmentList, type SelfAssessmentRow, type SelfAssessmentView } from "./contract.js";
import { problemsOf } from "./findings.js";
import { mayFill, readsCommittee } from "./policy.js";
import {
  findingsOf,
  frozenRubric,
  type Institution,
  listedUnits,
  selfAssessmentColumns,
  type SelfAssessmentRecord,
  targetOf,
} from "./queries.js";

/** The committee's year-end scores of the institution, if the actor reads supervision there. */
async function committeeScores(request: FastifyRequest, institution: Institution, year: number) {
  if (!readsCommittee(authOf(request).actor, institution.path)) return null;
  return (await yearAssessment(request.server.db.kysely, institution.id, year))?.scores ?? null;
}

/** The year's units — the institution itself first, then its 二级单位 — each with its self-assessment, if any. */
export async function presentList(
  request: FastifyRequest,
  institution: Institution | null,
  year: number,
): Promise<SelfAssessmentList> {
  const bands = shippedRubric(UNIT_RUBRIC).bands;
  if (!institution) return { year, institution: null, bands, items: [] };
  const db = request.server.db.kysely;
  const actor = authOf(request).actor;
  const units = await listedUnits(db, request, institution, year);
  const rows = await selfAssessmentColumns(db)
    .where("self_assessment.institution_id", "=", institution.id)
    .where("self_assessment.year", "=", year)
    .execute();
  const byUnit = new Map(rows.map((row) => [row.unit_id, row]));
  const findings = await findingsOf(
    db,
    rows.map((row) => row.id),
  );
  const committee = await committeeScores(request, institution, year);
  const thisYear = Number(dateIn(request.server.clock()).slice(0, 4));
  const items = units.map((unit): SelfAssessmentRow => {
    const own = unit.id === institution.id;
    const fill = mayFill(actor, { own, unitPath: unit.path, institutionPath: institution.path });
    const row = byUnit.get(unit.id);
    const base = {
      unit: { id: unit.id, name: unit.name },
      own,
      committee: own ? null : (committee?.get(unit.id) ?? null),
    };
    if (!row)
      return {
        ...base,
        id: null,
        status: "none",
        statusName: SELF_ASSESSMENT_STATUS_NAMES.none.zh,
        answered: 0,
        itemCount: rubricItems(shippedRubric(own ? INSTITUTION_RUBRIC : UNIT_RUBRIC)).length,
        score: null,
        possible: null,
        percent: null,
        band: null,
        bandName: null,
        vetoed: false,
        submittedAt: null,
        findingCount: 0,
        abilities: { start: fill && year <= thisYear, fill: false },
      };
    const rubric = frozenRubric(row);
    const all = rubricItems(rubric);
    const unanswered = scoreRubric(rubric, JSON.parse(row.answers) as RubricAnswers, { partial: true }).unanswered;
    return {
      ...base,
      id: row.id,
      status: row.status,
      statusName: SELF_ASSESSMENT_STATUS_NAMES[row.status].zh,
      answered: all.length - unanswered.length,
      itemCount: all.length,
      score: row.score === null ? null : Number(row.score),
      possible: row.possible === null ? null : Number(row.possible),
      percent: row.percent === null ? null : Number(row.percent),
      band: row.band,
      bandName: rubric.bands.find((band) => band.key === row.band)?.zh ?? null,
      vetoed: Number(row.vetoed) === 1,
      submittedAt: row.submitted_at,
      findingCount: findings.filter((f) => f.source_id === row.id).length,
      abilities: { start: false, fill: fill && row.status === "draft" },
    };
  });
  return { year, institution: { id: institution.id, name: institution.name }, bands, items };
}

/** One self-assessment: its rubric, answers, result so far, the problems it reveals and the findings it raised. */
export async function presentSelfAssessment(
  request: FastifyRequest,
  row: SelfAssessmentRecord,
): Promise<SelfAssessmentView> {
  const db = request.server.db.kysely;
  const { policy } = await activePolicy(db);
  const today = dateIn(request.server.clock());
  const rubric = frozenRubric(row);
  const answers = JSON.parse(row.answers) as RubricAnswers;
  const result = scoreRubric(rubric, answers, { partial: true });
  const own = row.unit_id === row.institution_id;
  const institution = { id: row.institution_id, name: row.institution_name, path: row.institution_path };
  const committee: CommitteeScore | null = own
    ? null
    : ((await committeeScores(request, institution, Number(row.year)))?.get(row.unit_id) ?? null);
  const fill = mayFill(authOf(request).actor, targetOf(row)) && row.status === "draft";
  const articles = [...new Set(rubricItems(rubric).flatMap(({ item }) => item.articles))];
  return {
    id: row.id,
    institution: { id: row.institution_id, name: row.institution_name },
    unit: { id: row.unit_id, name: row.unit_name },
    own,
    year: Number(row.year),
    status: row.status,
    statusName: SELF_ASSESSMENT_STATUS_NAMES[row.status].zh,
    rubric,
    citations: Object.fromEntries(articles.map((ref) => [ref, citationOf(policy, ref) ?? ref])),
    answers,
    result: {
      earned: result.earned,
      possible: result.possible,
      deducted: result.deducted,
      percent: result.percent,
      band: result.band,
      vetoedBy: result.vetoedBy,
      excluded: result.excluded,
      unanswered: result.unanswered,
    },
    problems: problemsOf(rubric, answers).map(({ item, problem }) => ({ itemId: item.id, kind: problem })),
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by ? { id: row.submitted_by, name: row.submitter_name ?? "" } : null,
    findings: (await findingsOf(db, [row.id])).map((f) => presentFindingSummary(f, today)),
    committee,
    abilities: { fill, submit: fill },
  };
}
