/**
 * The institution's academic calendar: the semesters it entered, and the platform's default dates for a Chinese
 * university (periods.ts) for every academic year it has not entered yet.
 */
import { type Kysely } from "kysely";
import { defaultSemesters, type Semester, semesterPeriod } from "../../domain/periods.js";
import { type Database } from "../../platform/db/schema.js";

export interface Term extends Semester {
  academicYear: number;
  ordinal: 1 | 2;
  stored: boolean;
}

/** The semesters of academic years `from`–`to` (an academic year is named by the calendar year it begins in). */
export async function academicTerms(
  db: Kysely<Database>,
  institutionId: string,
  from: number,
  to: number,
): Promise<Term[]> {
  const rows = await db
    .selectFrom("academic_term")
    .select(["academic_year", "ordinal", "starts_on", "ends_on"])
    .where("institution_id", "=", institutionId)
    .where("academic_year", ">=", from)
    .where("academic_year", "<=", to)
    .execute();
  const stored = new Map(rows.map((r) => [`${r.academic_year}-${r.ordinal}`, r]));
  const terms: Term[] = [];
  for (let year = from; year <= to; year++) {
    defaultSemesters(year).forEach((fallback, index) => {
      const ordinal = (index + 1) as 1 | 2;
      const row = stored.get(`${year}-${ordinal}`);
      terms.push({
        id: fallback.id,
        academicYear: year,
        ordinal,
        startsOn: row?.starts_on ?? fallback.startsOn,
        endsOn: row?.ends_on ?? fallback.endsOn,
        stored: row !== undefined,
      });
    });
  }
  return terms;
}

/** The semesters that can begin in a calendar year: those of the academic years starting the year before and in it. */
export function termsAround(db: Kysely<Database>, institutionId: string, year: number): Promise<Term[]> {
  return academicTerms(db, institutionId, year - 1, year);
}

/** A term's name as an office writes it (2026—2027学年第二学期). */
export function termName(term: Semester): { zh: string; en: string } {
  return semesterPeriod(term).label;
}
