/**
 * The self-check lists: a person's own (with the slots they owe), what a superior must confirm, and the institution's
 * for whoever reads inspections on its branch (plus the actor's own), newest first, keyset-paginated by id.
 */
import { type Kysely } from "kysely";
import { type Actor } from "../../domain/access.js";
import { keysetPage } from "../../domain/paging.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type SelfCheckStatus } from "../../domain/self-check.js";
import { type Database } from "../../platform/db/schema.js";
import { type ResponsibleHolder } from "../obligations/responsible.js";
import { reachableInstitutions } from "../meetings/queries.js";
import { confirmersOf, INSPECTION_READ, selfCheckColumns, type SelfCheckRow } from "./access.js";
import { selfCheckDuties } from "./service.js";

type Db = Kysely<Database>;

/** How many submitted self-checks one to-confirm read looks through (oldest first). */
const TO_CONFIRM_SCAN = 2000;
/** A person id no one has: the unit's superiors as anyone in it would have them. */
const NOBODY = "-";

/** The person's open self-check obligations (the slots they owe), by due date. */
export async function owedSlots(db: Db, policy: Policy, personId: string) {
  const duties = selfCheckDuties(policy);
  if (duties.length === 0) return [];
  return db
    .selectFrom("obligation")
    .select(["id", "duty_id", "period_id", "period_kind", "starts_on", "due_on", "due_at", "state"])
    .where("bearer_person_id", "=", personId)
    .where("duty_id", "in", duties)
    .where("state", "=", "open")
    .orderBy("due_on")
    .orderBy("id")
    .limit(100)
    .execute();
}

/** The person's own self-checks, newest first. */
export function ownSelfChecks(db: Db, personId: string): Promise<SelfCheckRow[]> {
  return selfCheckColumns(db)
    .where("self_check.person_id", "=", personId)
    .orderBy("self_check.id", "desc")
    .limit(100)
    .execute();
}

/**
 * The submitted self-checks the actor confirms: those whose superior (from the resolver, today) the actor is. Only
 * someone who holds a position or a portfolio can be anyone's superior: the rest read nothing.
 */
export async function selfChecksToConfirm(db: Db, policy: Policy, actor: Actor): Promise<SelfCheckRow[]> {
  const me = actor.personId;
  if (me === null) return [];
  const holds = await db
    .selectFrom("appointment")
    .select("id")
    .where("person_id", "=", me)
    .where("starts_on", "<=", actor.today)
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", actor.today)]))
    .unionAll(
      db
        .selectFrom("portfolio")
        .select("id")
        .where("person_id", "=", me)
        .where("starts_on", "<=", actor.today)
        .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", actor.today)])),
    )
    .limit(1)
    .execute();
  if (holds.length === 0) return [];
  const submitted = await selfCheckColumns(db)
    .where("self_check.status", "=", "submitted")
    .where("self_check.person_id", "!=", me)
    .orderBy("self_check.id")
    .limit(TO_CONFIRM_SCAN)
    .execute();
  // A unit's superiors are the same for each of its people — unless the person is one of them (a head's own goes a
  // level up): resolved once per unit, and again only for such a person.
  const byUnit = new Map<string, Promise<ResponsibleHolder[]>>();
  const mine: SelfCheckRow[] = [];
  for (const row of submitted) {
    const key = `${row.institution_id}|${row.unit_id}`;
    let unit = byUnit.get(key);
    if (!unit) byUnit.set(key, (unit = confirmersOf(db, policy, { ...row, person_id: NOBODY }, actor.today)));
    let holders = await unit;
    if (holders.some((h) => h.personId === row.person_id)) holders = await confirmersOf(db, policy, row, actor.today);
    if (holders.some((h) => h.personId === me)) mine.push(row);
  }
  return mine;
}

export interface SelfCheckFilter {
  year?: number | undefined;
  unitId?: string | undefined;
  status?: SelfCheckStatus | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The self-checks of the institutions whose inspections the actor reads, and the actor's own, newest first. */
export async function listSelfChecks(db: Db, actor: Actor, filter: SelfCheckFilter) {
  const institutions = await reachableInstitutions(db, actor, INSPECTION_READ);
  if (institutions.length === 0 && actor.personId === null) return { rows: [], nextCursor: null };
  const rows = await selfCheckColumns(db)
    .where((eb) =>
      eb.or([
        ...(institutions.length ? [eb("self_check.institution_id", "in", institutions)] : []),
        eb("self_check.person_id", "=", actor.personId ?? ""),
      ]),
    )
    .$if(filter.year !== undefined, (q) => q.where("self_check.year", "=", filter.year ?? 0))
    .$if(filter.unitId !== undefined, (q) => q.where("self_check.unit_id", "=", filter.unitId ?? ""))
    .$if(filter.status !== undefined, (q) => q.where("self_check.status", "=", filter.status ?? "draft"))
    .$if(filter.cursor !== undefined, (q) => q.where("self_check.id", "<", filter.cursor ?? ""))
    .orderBy("self_check.id", "desc")
    .limit(filter.limit + 1)
    .execute();
  return keysetPage(rows, filter.limit, (row) => row.id);
}
