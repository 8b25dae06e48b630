/** Research topics inserted directly, for the authorization matrix's rows. */
import { type FastifyInstance } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { type ResearchStatus } from "../../src/domain/research.js";
import { toInstant } from "../../src/platform/db/instants.js";

export interface ResearchFixtures {
  /** A research topic of the institution in this status, led by the person. */
  topic(status: ResearchStatus): Promise<string>;
}

export function researchFixtures(app: FastifyInstance, institutionId: string, leadPersonId: string): ResearchFixtures {
  const db = app.db.kysely;
  const at = toInstant(app.clock());
  return {
    topic: async (status) => {
      const id = uuidv7();
      const past = (...after: ResearchStatus[]) => after.includes(status);
      await db
        .insertInto("research_topic")
        .values({
          id,
          institution_id: institutionId,
          year: 2027,
          title: "矩阵测试调研课题",
          question: "矩阵测试的研究问题和背景。",
          lead_person_id: leadPersonId,
          members: "[]",
          plan_text: "矩阵测试的调研计划。",
          plan_starts_on: "2027-01-01",
          plan_ends_on: "2027-12-31",
          milestones: "[]",
          status,
          approved_on: past("approved", "inProgress", "findingsRecorded", "reported", "concluded")
            ? "2027-01-05"
            : null,
          approval_note: past("approved", "inProgress", "findingsRecorded", "reported", "concluded")
            ? "同意立项"
            : null,
          approved_by: null,
          started_on: past("inProgress", "findingsRecorded", "reported", "concluded") ? "2027-01-10" : null,
          report: past("reported", "concluded") ? "矩阵测试的调研报告正文。" : null,
          reported_at: past("reported", "concluded") ? at : null,
          concluded_on: null,
          concluded_at: null,
          conclusion_note: null,
          concluded_by: null,
          cancel_reason: null,
          cancelled_at: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    },
  };
}
