/** One year of an institution's supervision, as the page shows it: the four records, their approvals and obligations. */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { dateIn } from "../../domain/calendar.js";
import { TASK_STATUS_NAMES } from "../../domain/meeting.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { DEFAULT_BANDS, rankUnits, RubricSchema } from "../../domain/rubric.js";
import { authOf } from "../../platform/access/request-auth.js";
import { type Database } from "../../platform/db/schema.js";
import { DISCHARGE_COLUMNS, presentDischarges } from "../obligations/discharge-view.js";
import { coversInstitution } from "../meetings/policy.js";
import { signingRight } from "../meetings/signer.js";
import { activePolicy } from "../policy/active-policy.js";
import { currentRubric } from "../rubrics/versions.js";
import { type Approval, type SupervisionYear } from "./contract.js";
import { type Institution, SUPERVISION_MANAGE } from "./institution.js";
import { SUPERVISION_RECORD_KINDS } from "./records.js";
import { DEFAULT_RUBRIC } from "./service.js";

type Db = Kysely<Database>;

/** The approval columns as the page shows them. */
async function approvalOf(
  db: Db,
  row:
    | {
        approved_by_person: string | null;
        approved_as: "director" | "delegate" | null;
        delegation_id: string | null;
        approved_at: string | null;
        signature: string | null;
      }
    | undefined,
): Promise<Approval> {
  if (!row?.approved_at || !row.approved_by_person || !row.approved_as || !row.signature) return null;
  const person = await db
    .selectFrom("person")
    .select(["id", "name"])
    .where("id", "=", row.approved_by_person)
    .executeTakeFirst();
  const delegation = row.delegation_id
    ? await db.selectFrom("delegation").select("purpose").where("id", "=", row.delegation_id).executeTakeFirst()
    : undefined;
  return {
    person: { id: row.approved_by_person, name: person?.name ?? "" },
    approvedAs: row.approved_as,
    delegationPurpose: delegation?.purpose ?? null,
    approvedAt: row.approved_at,
    signature: row.signature,
  };
}

export async function presentYear(
  request: FastifyRequest,
  institution: Institution,
  year: number,
): Promise<SupervisionYear> {
  const db = request.server.db.kysely;
  const { policy } = await activePolicy(db);
  const actor = authOf(request).actor;
  const today = dateIn(request.server.clock());
  const [plan, supervision, assessment, summary] = await Promise.all([
    db
      .selectFrom("annual_plan")
      .selectAll()
      .where("institution_id", "=", institution.id)
      .where("year", "=", year)
      .executeTakeFirst(),
    db
      .selectFrom("supervision")
      .selectAll()
      .where("institution_id", "=", institution.id)
      .where("year", "=", year)
      .executeTakeFirst(),
    db
      .selectFrom("assessment")
      .selectAll()
      .where("institution_id", "=", institution.id)
      .where("year", "=", year)
      .executeTakeFirst(),
    db
      .selectFrom("annual_summary")
      .selectAll()
      .where("institution_id", "=", institution.id)
      .where("year", "=", year)
      .executeTakeFirst(),
  ]);
  const items = plan
    ? await db
        .selectFrom("plan_item")
        .innerJoin("unit", "unit.id", "plan_item.owner_unit_id")
        .leftJoin("tracked_task", "tracked_task.plan_item_id", "plan_item.id")
        .select([
          "plan_item.id",
          "plan_item.position",
          "plan_item.title",
          "plan_item.owner_unit_id",
          "unit.name as unit_name",
          "plan_item.due_on",
          "tracked_task.id as task_id",
          "tracked_task.status as task_status",
          "tracked_task.percent as task_percent",
        ])
        .where("plan_item.plan_id", "=", plan.id)
        .orderBy("plan_item.position")
        .execute()
    : [];
  const notes = supervision
    ? await db
        .selectFrom("supervision_note")
        .innerJoin("unit", "unit.id", "supervision_note.unit_id")
        .select([
          "supervision_note.id",
          "supervision_note.unit_id",
          "unit.name",
          "supervision_note.text",
          "supervision_note.created_at",
        ])
        .where("supervision_id", "=", supervision.id)
        .orderBy("supervision_note.created_at")
        .execute()
    : [];
  const scores = assessment
    ? await db
        .selectFrom("assessment_score")
        .innerJoin("unit", "unit.id", "assessment_score.unit_id")
        .selectAll("assessment_score")
        .select("unit.name")
        .where("assessment_id", "=", assessment.id)
        .execute()
    : [];
  // Units to assess: the institution's own open units (one level below it).
  const units = await db
    .selectFrom("unit")
    .select(["id", "name"])
    .where("parent_id", "=", institution.id)
    .where("closed_on", "is", null)
    .orderBy("sort_order")
    .orderBy("name")
    .execute();
  const rubric = assessment ? RubricSchema.parse(JSON.parse(assessment.rubric)) : null;
  const bands = rubric?.bands ?? DEFAULT_BANDS;
  const ranked = rankUnits(
    scores.map((s) => ({
      unitId: s.unit_id,
      percent: s.percent === null ? null : Number(s.percent),
      vetoed: s.vetoed === 1,
      s,
    })),
  );
  const unsigned = [plan, assessment, summary].some((r) => r?.status === "draft");
  const approve = unsigned && (await signingRight(db, policy, institution.id, actor.personId, today)) !== null;

  return {
    institution: { id: institution.id, name: institution.name },
    year,
    citation: citationOf(policy, "art12.2") ?? "art12.2",
    plan: plan
      ? {
          id: plan.id,
          status: plan.status,
          title: plan.title,
          body: plan.body,
          items: items.map((i) => ({
            id: i.id,
            position: Number(i.position),
            title: i.title,
            ownerUnit: { id: i.owner_unit_id, name: i.unit_name },
            dueOn: i.due_on,
            task:
              i.task_id && i.task_status
                ? {
                    id: i.task_id,
                    status: i.task_status,
                    statusName: TASK_STATUS_NAMES[i.task_status].zh,
                    percent: Number(i.task_percent ?? 0),
                  }
                : null,
          })),
          approval: await approvalOf(db, plan),
        }
      : null,
    supervision: supervision
      ? {
          status: supervision.status,
          report: supervision.report,
          completedAt: supervision.completed_at,
          notes: notes.map((n) => ({
            id: n.id,
            unit: { id: n.unit_id, name: n.name },
            text: n.text,
            createdAt: n.created_at,
          })),
        }
      : null,
    // Before the first score the year's assessment is a draft on the current rubric, so the office can start scoring.
    assessment: !assessment
      ? {
          status: "draft",
          rubric: await currentRubric(db, institution.id, DEFAULT_RUBRIC),
          scores: [],
          unscored: units,
          approval: null,
        }
      : {
          status: assessment.status,
          rubric,
          scores: ranked.map(({ s, rank }) => {
            const band = bands.find((b) => b.key === s.band);
            return {
              unit: { id: s.unit_id, name: s.name },
              earned: Number(s.earned),
              possible: Number(s.possible),
              percent: s.percent === null ? null : Number(s.percent),
              band: s.band,
              bandName: band?.zh ?? "—",
              vetoed: s.vetoed === 1,
              rank,
              answers: JSON.parse(s.answers) as Record<string, unknown>,
              scoredAt: s.scored_at,
            };
          }),
          unscored: units.filter((u) => !scores.some((s) => s.unit_id === u.id)),
          approval: await approvalOf(db, assessment),
        },
    summary: summary ? { status: summary.status, text: summary.text, approval: await approvalOf(db, summary) } : null,
    obligations: await yearObligations(db, policy, institution.id, year, request.server.clock()),
    abilities: { manage: coversInstitution(actor, SUPERVISION_MANAGE, institution.path), approve },
  };
}

/** The year's obligations of the four supervision duties, with their state. */
async function yearObligations(db: Db, policy: Policy, institutionId: string, year: number, now: Date) {
  const duties = policy.duties
    .filter(
      (d) =>
        d.discharge.by === "record" && (SUPERVISION_RECORD_KINDS as readonly string[]).includes(d.discharge.record),
    )
    .map((d) => d.id);
  if (duties.length === 0) return [];
  const rows = await db
    .selectFrom("obligation")
    .select(DISCHARGE_COLUMNS)
    .where("institution_id", "=", institutionId)
    .where("year", "=", year)
    .where("duty_id", "in", duties)
    .orderBy("starts_on")
    .execute();
  return presentDischarges(db, policy, rows, now);
}
