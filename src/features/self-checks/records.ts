/**
 * Self-checks as discharge (实施细则第七条第（二）项), record kind `selfCheck.submitted`: a cleared person's obligation
 * of a slot (`art7.2.self-check`, period `2027-06-P6`) is fulfilled by that person's self-check of that slot once
 * their superior confirmed it (本周期保密自查表已提交并经单位负责人确认); the person is frozen as responsible.
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";

type Db = Kysely<Database>;

interface Open {
  id: string;
  period_id: string;
  bearer_role: string;
  bearer_person_id: string | null;
}

/** People per query: a large institution has tens of thousands of cleared persons, beyond a dialect's bound parameters. */
const CHUNK = 500;

/** Which open obligations the institution's confirmed self-checks of the year discharge. */
export async function selfCheckMatches(db: Db, institutionId: string, year: number, open: readonly Open[]) {
  const persons = [...new Set(open.map((o) => o.bearer_person_id).filter((p): p is string => p !== null))];
  const confirmed = new Map<string, { id: string; person_id: string; confirmed_at: string | null; name: string }>();
  for (let i = 0; i < persons.length; i += CHUNK) {
    const rows = await db
      .selectFrom("self_check")
      .innerJoin("person", "person.id", "self_check.person_id")
      .select([
        "self_check.id",
        "self_check.person_id",
        "self_check.period_id",
        "self_check.confirmed_at",
        "person.name",
      ])
      .where("self_check.person_id", "in", persons.slice(i, i + CHUNK))
      .where("self_check.institution_id", "=", institutionId)
      .where("self_check.year", "=", year)
      .where("self_check.status", "=", "confirmed")
      .execute();
    for (const row of rows) confirmed.set(`${row.person_id}|${row.period_id}`, row);
  }
  return open.flatMap((row) => {
    const found = confirmed.get(`${row.bearer_person_id ?? ""}|${row.period_id}`);
    if (!found?.confirmed_at) return [];
    return [
      {
        obligationId: row.id,
        recordId: found.id,
        at: found.confirmed_at,
        responsible: [{ personId: found.person_id, name: found.name, role: row.bearer_role, acting: false }],
      },
    ];
  });
}
