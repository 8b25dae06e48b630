/**
 * Reports as discharge: a submitted report fulfils the obligation of its kind to its recipient — the plan report the
 * year-start duty, the summary report the year-end duty (each once per body: the period id carries "@<body>"), and a
 * major-matter report or request the obligation its own event raised. Who signed it is frozen as responsible.
 */
import { type Kysely } from "kysely";
import { type Policy } from "../../domain/policy/schema.js";
import { type Database } from "../../platform/db/schema.js";
import { windowOf } from "./kinds.js";

type Db = Kysely<Database>;

interface Open {
  id: string;
  duty_id: string;
  period_id: string;
  event_id: string | null;
}

export async function reportMatches(db: Db, policy: Policy, institutionId: string, year: number, open: Open[]) {
  const reports = await db
    .selectFrom("report")
    .innerJoin("person", "person.id", "report.signed_by_person")
    .select([
      "report.id",
      "report.kind",
      "report.recipient",
      "report.event_id",
      "report.submitted_at",
      "report.signed_as",
      "report.signed_by_person",
      "person.name",
    ])
    .where("report.institution_id", "=", institutionId)
    .where("report.year", "=", year)
    .where("report.status", "=", "submitted")
    .orderBy("report.submitted_at")
    .execute();
  const matches = [];
  for (const row of open) {
    const duty = policy.duties.find((d) => d.id === row.duty_id);
    const target = row.period_id.split("@")[1] ?? null;
    const window = duty?.cadence.every === "year" ? (duty.cadence.window ?? null) : null;
    const report = reports.find(
      (r) =>
        (target === null || r.recipient === target) &&
        (row.event_id ? r.event_id === row.event_id : window !== null && windowOf(r.kind) === window),
    );
    if (!report?.submitted_at || !report.signed_by_person) continue;
    matches.push({
      obligationId: row.id,
      recordId: report.id,
      at: report.submitted_at,
      responsible: [
        {
          personId: report.signed_by_person,
          name: report.name,
          role: report.signed_as === "delegate" ? "deputyDirector" : "director",
          acting: false,
        },
      ],
    });
  }
  return matches;
}
