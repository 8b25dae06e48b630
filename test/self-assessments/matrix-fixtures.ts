/** Self-assessments inserted directly, for the authorization matrix's rows. */
import { type FastifyInstance } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { toInstant } from "../../src/platform/db/instants.js";
import { shippedRubric } from "../../src/platform/policy/rubric-loader.js";

export interface SelfAssessmentFixtures {
  /** A draft self-assessment of the unit, each of a year of its own (one per unit and year); returns its id. */
  draft(): Promise<string>;
}

export function selfAssessmentFixtures(
  app: FastifyInstance,
  where: { institutionId: string; unitId: string },
): SelfAssessmentFixtures {
  let year = 2000;
  return {
    draft: async () => {
      const id = uuidv7();
      const rubric = shippedRubric("unit-assessment");
      const at = toInstant(app.clock());
      await app.db.kysely
        .insertInto("self_assessment")
        .values({
          id,
          institution_id: where.institutionId,
          unit_id: where.unitId,
          year: ++year,
          rubric_id: rubric.id,
          rubric_version: rubric.version,
          rubric: JSON.stringify(rubric),
          answers: "{}",
          status: "draft",
          score: null,
          possible: null,
          percent: null,
          band: null,
          vetoed: null,
          submitted_by: null,
          submitted_at: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    },
  };
}
