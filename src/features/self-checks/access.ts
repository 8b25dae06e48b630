/**
 * Who sees and who confirms a self-check. The person sees their own; their superior — the first level above them in
 * the escalation order the resolver gives (the unit head; when the person is the head, the next one up), as obligation
 * evidence is approved (obligations/responsible.ts `approversOf`) — sees and confirms it without a grant; readers of
 * inspections on the institution's branch (the secrecy office, organization readers) see all of the institution.
 */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { type Actor } from "../../domain/access.js";
import { type Permission } from "../../domain/permissions.js";
import { type Policy } from "../../domain/policy/schema.js";
import { authOf } from "../../platform/access/request-auth.js";
import { notVisible } from "../../platform/access/require.js";
import { type Database } from "../../platform/db/schema.js";
import { reachesInstitution } from "../meetings/policy.js";
import { officeUnitOf } from "../obligations/office.js";
import { approversOf, type ResponsibleHolder } from "../obligations/responsible.js";
import { activePolicy } from "../policy/active-policy.js";

type Db = Kysely<Database>;

export const INSPECTION_READ: Permission = "inspection.read";
export const selfCheckObject = (id: string | null) => ({ type: "selfCheck", id });

/** A self-check with its person, unit and institution. */
export function selfCheckColumns(db: Db) {
  return db
    .selectFrom("self_check")
    .innerJoin("person", "person.id", "self_check.person_id")
    .innerJoin("unit", "unit.id", "self_check.unit_id")
    .innerJoin("unit as institution", "institution.id", "self_check.institution_id")
    .leftJoin("person as confirmer", "confirmer.id", "self_check.confirmer_person_id")
    .selectAll("self_check")
    .select([
      "person.name as person_name",
      "unit.name as unit_name",
      "institution.name as institution_name",
      "institution.path as institution_path",
      "confirmer.name as confirmer_name",
    ]);
}
export type SelfCheckRow = Awaited<ReturnType<ReturnType<typeof selfCheckColumns>["executeTakeFirstOrThrow"]>>;

/** Who confirms the person's self-check on a date: their superior, never the person themselves. */
export async function confirmersOf(
  db: Db,
  policy: Policy,
  row: Pick<SelfCheckRow, "institution_id" | "unit_id" | "person_id" | "person_name">,
  at: string,
): Promise<ResponsibleHolder[]> {
  const bearer = {
    institution_id: row.institution_id,
    bearer_role: "clearedPerson",
    bearer_unit_id: row.unit_id,
    bearer_person_id: row.person_id,
    bearer_name: row.person_name,
  };
  const office = await officeUnitOf(db, row.institution_id);
  const holders = await approversOf(db, policy, bearer, "superior", office, at);
  return holders.filter((h) => h.personId !== row.person_id);
}

export const isOwn = (actor: Actor, row: Pick<SelfCheckRow, "person_id">) =>
  actor.personId !== null && actor.personId === row.person_id;

/** The self-check and who confirms it today, if the actor sees it; otherwise an audited 404. */
export async function visibleSelfCheck(
  request: FastifyRequest,
  id: string,
): Promise<{ row: SelfCheckRow; confirmers: ResponsibleHolder[] }> {
  const db = request.server.db.kysely;
  const actor = authOf(request).actor;
  const row = await selfCheckColumns(db).where("self_check.id", "=", id).executeTakeFirst();
  if (!row) return notVisible(request, INSPECTION_READ, selfCheckObject(id));
  const { policy } = await activePolicy(db);
  const confirmers = await confirmersOf(db, policy, row, actor.today);
  const me = actor.personId;
  const sees =
    isOwn(actor, row) ||
    (me !== null && (row.confirmer_person_id === me || confirmers.some((h) => h.personId === me))) ||
    reachesInstitution(actor, INSPECTION_READ, row.institution_path);
  if (!sees) return notVisible(request, INSPECTION_READ, selfCheckObject(id));
  return { row, confirmers };
}
