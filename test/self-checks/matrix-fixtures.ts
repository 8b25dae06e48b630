/** Self-checks inserted directly, for the authorization matrix's rows. */
import { type FastifyInstance } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { templateItems } from "../../src/domain/inspection.js";
import { type SelfCheckStatus } from "../../src/domain/self-check.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { shippedTemplate } from "../../src/platform/policy/template-loader.js";

export interface SelfCheckFixtures {
  /** A self-check of the person in the status, in a period of its own; `complete`: every item answered (pass). */
  selfCheck(status: SelfCheckStatus, complete?: boolean): Promise<string>;
}

export function selfCheckFixtures(
  app: FastifyInstance,
  where: { institutionId: string; unitId: string; personId: string },
): SelfCheckFixtures {
  const template = shippedTemplate("personal-self-check");
  let n = 0;
  return {
    selfCheck: async (status, complete = status !== "draft") => {
      const id = uuidv7();
      const at = toInstant(app.clock());
      const answers = complete
        ? Object.fromEntries(templateItems(template).map((i) => [i.id, { outcome: "pass", score: null, note: null }]))
        : {};
      await app.db.kysely
        .insertInto("self_check")
        .values({
          id,
          institution_id: where.institutionId,
          person_id: where.personId,
          unit_id: where.unitId,
          period_id: `2000-${String(++n).padStart(4, "0")}-P3`,
          period_starts_on: "2027-01-01",
          period_due_on: "2027-03-31",
          year: 2027,
          template_id: template.id,
          template_version: template.version,
          template: JSON.stringify(template),
          answers: JSON.stringify(answers),
          status,
          submitted_at: status === "draft" ? null : at,
          confirmed_by: null,
          confirmer_person_id: null,
          confirmed_at: null,
          return_reason: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    },
  };
}
