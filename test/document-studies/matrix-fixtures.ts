/** Received documents inserted directly, for the authorization matrix's rows. */
import { type FastifyInstance } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { toInstant } from "../../src/platform/db/instants.js";

export interface DocumentStudyFixtures {
  /** An open document of the institution, received 2027-02-01, that the given units must study. */
  document(unitIds: string[]): Promise<string>;
}

export function documentStudyFixtures(app: FastifyInstance, institutionId: string): DocumentStudyFixtures {
  const db = app.db.kysely;
  const at = toInstant(app.clock());
  let n = 0;
  return {
    document: async (unitIds) => {
      const id = uuidv7();
      await db
        .insertInto("higher_document")
        .values({
          id,
          institution_id: institutionId,
          issuer: "省国家保密局",
          document_no: `粤保发〔2027〕${++n}号`,
          title: "关于加强保密宣传教育的通知",
          received_on: "2027-02-01",
          year: 2027,
          audience: "allStaff",
          requirement: null,
          summary: null,
          due_on: "2027-04-30",
          status: "open",
          event_id: null,
          registered_by: null,
          closed_by: null,
          closed_at: null,
          close_note: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await db
        .insertInto("higher_document_unit")
        .values(unitIds.map((unitId) => ({ document_id: id, unit_id: unitId })))
        .execute();
      return id;
    },
  };
}
