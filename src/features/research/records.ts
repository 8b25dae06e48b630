/**
 * Research topics as discharge (实施细则第十二条第（三）项): a topic of the institution concluded (结题) inside an open
 * obligation's window fulfils it, each topic once per duty; its lead is frozen as who was responsible (shown as 课题负责人: not a business role).
 */
import { type Kysely } from "kysely";
import { type Database } from "../../platform/db/schema.js";

type Db = Kysely<Database>;

/** The record kind the policy names for the research duty. */
export const RESEARCH_RECORD_KIND = "researchTopic.concluded";

interface Open {
  id: string;
  duty_id: string;
  starts_on: string;
  due_on: string | null;
}

/** Which open obligations the institution's topics concluded in the year discharge. */
export async function researchMatches(db: Db, institutionId: string, year: number, open: readonly Open[]) {
  const topics = await db
    .selectFrom("research_topic")
    .innerJoin("person", "person.id", "research_topic.lead_person_id")
    .select([
      "research_topic.id",
      "research_topic.concluded_on",
      "research_topic.concluded_at",
      "research_topic.lead_person_id",
      "person.name",
    ])
    .where("research_topic.institution_id", "=", institutionId)
    .where("research_topic.status", "=", "concluded")
    .where("research_topic.concluded_on", ">=", `${year}-01-01`)
    .where("research_topic.concluded_on", "<=", `${year}-12-31`)
    .orderBy("research_topic.concluded_on")
    .orderBy("research_topic.id")
    .execute();
  const used = new Set<string>();
  const matches = [];
  for (const row of open) {
    const topic = topics.find(
      (t) =>
        !used.has(`${t.id}|${row.duty_id}`) &&
        t.concluded_on !== null &&
        t.concluded_on >= row.starts_on &&
        (row.due_on === null || t.concluded_on <= row.due_on),
    );
    if (!topic?.concluded_at) continue;
    used.add(`${topic.id}|${row.duty_id}`);
    matches.push({
      obligationId: row.id,
      recordId: topic.id,
      at: topic.concluded_at,
      responsible: [{ personId: topic.lead_person_id, name: topic.name, role: "课题负责人", acting: false }],
    });
  }
  return matches;
}
