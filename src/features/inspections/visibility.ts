/**
 * Which plans and findings an actor reaches, as SQL conditions on the unaliased tables: the lists and the statistics
 * ask the same question, so a figure and the list behind it can never disagree. Each condition stands alone (no join
 * needed), so a count over a million findings reads the findings table and nothing else per row.
 */
import { expressionBuilder, type Expression, type Kysely, sql, type SqlBool } from "kysely";
import { type Actor, scopesFor } from "../../domain/access.js";
import { type Permission } from "../../domain/permissions.js";
import { type Database } from "../../platform/db/schema.js";

const FINDING_UPDATE: Permission = "finding.update";

/** The plans on the institutions' branches the actor reads (`institutions`), or whose team the actor is on. */
export function plansVisibleTo(actor: Actor, institutions: readonly string[]): Expression<SqlBool> {
  const eb = expressionBuilder<Database, "inspection_plan">();
  return eb.or([
    ...(institutions.length ? [eb("inspection_plan.institution_id", "in", institutions)] : []),
    eb(
      "inspection_plan.id",
      "in",
      eb
        .selectFrom("inspection_team")
        .select("inspection_team.plan_id")
        .where("inspection_team.person_id", "=", actor.personId ?? ""),
    ),
  ]);
}

/**
 * The findings the actor reaches: on the institutions' branches the actor reads (`institutions`), of an inspection of
 * a plan whose team the actor is on, owned by the actor, raised by the actor's own self-check, or in a unit where the
 * actor records rectifications.
 */
export function findingsVisibleTo(actor: Actor, institutions: readonly string[]): Expression<SqlBool> {
  const eb = expressionBuilder<Database, "inspection_finding">();
  const updateScopes = scopesFor(actor, FINDING_UPDATE);
  return eb.or([
    ...(institutions.length ? [eb("inspection_finding.institution_id", "in", institutions)] : []),
    eb(
      "inspection_finding.inspection_id",
      "in",
      eb
        .selectFrom("inspection")
        .innerJoin("inspection_team", "inspection_team.plan_id", "inspection.plan_id")
        .select("inspection.id")
        .where("inspection_team.person_id", "=", actor.personId ?? ""),
    ),
    eb("inspection_finding.owner_person_id", "=", actor.personId ?? ""),
    ownSelfCheckFinding(actor),
    ...(updateScopes === "all" || updateScopes.length === 0
      ? []
      : [
          eb(
            "inspection_finding.unit_id",
            "in",
            eb
              .selectFrom("unit")
              .select("unit.id")
              .where((u) => u.or(updateScopes.map((scope) => u("unit.path", "like", `${scope}%`)))),
          ),
        ]),
  ]);
}

/** A finding the actor's own self-check raised: who reported a problem follows its rectification. */
export function ownSelfCheckFinding(actor: Actor): Expression<SqlBool> {
  const eb = expressionBuilder<Database, "inspection_finding">();
  return eb.and([
    eb("inspection_finding.source", "=", "selfCheck"),
    eb(
      "inspection_finding.source_id",
      "in",
      eb
        .selectFrom("self_check")
        .select("self_check.id")
        .where("self_check.person_id", "=", actor.personId ?? ""),
    ),
  ]);
}

/**
 * The institutions the findings the actor reaches lie in: those it reads (`institutions`), and those of the plans whose
 * team it is on, of its own self-checks, of the findings it owns and of the units where it records rectifications.
 * A list names them as a plain condition on institution_id besides findingsVisibleTo, so that the indexes that begin
 * with institution_id and end in (deadline, id) serve a page in order: for the OR alone SQLite uses no index and reads
 * and sorts every finding.
 */
export async function findingInstitutions(
  db: Kysely<Database>,
  actor: Actor,
  institutions: readonly string[],
): Promise<string[]> {
  const found = new Set(institutions);
  if (actor.personId !== null) {
    const team = await db
      .selectFrom("inspection_team")
      .innerJoin("inspection_plan", "inspection_plan.id", "inspection_team.plan_id")
      .select("inspection_plan.institution_id")
      .distinct()
      .where("inspection_team.person_id", "=", actor.personId)
      .execute();
    const checks = await db
      .selectFrom("self_check")
      .select("self_check.institution_id")
      .distinct()
      .where("self_check.person_id", "=", actor.personId)
      .execute();
    for (const row of [...team, ...checks]) found.add(row.institution_id);
    // The distinct institutions of the findings the actor owns, one seek each in inspection_finding_owner.
    const owned = await sql<{ id: string | null }>`
      with recursive owned(id) as (
        select min(institution_id) from inspection_finding where owner_person_id = ${actor.personId}
        union all
        select (select min(f.institution_id) from inspection_finding f
                 where f.owner_person_id = ${actor.personId} and f.institution_id > owned.id)
          from owned where owned.id is not null)
      select id from owned where id is not null`.execute(db);
    for (const row of owned.rows) if (row.id !== null) found.add(row.id);
  }
  const scopes = scopesFor(actor, FINDING_UPDATE);
  if (scopes !== "all" && scopes.length > 0) {
    const all = await db.selectFrom("unit").select(["id", "path"]).where("kind", "=", "institution").execute();
    for (const institution of all)
      if (scopes.some((scope) => scope.startsWith(institution.path) || institution.path.startsWith(scope)))
        found.add(institution.id);
  }
  return [...found];
}
