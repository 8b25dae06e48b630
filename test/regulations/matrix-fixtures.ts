/** Regulations and their versions inserted directly, for the authorization matrix's rows. */
import { type FastifyInstance } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { toInstant } from "../../src/platform/db/instants.js";

export interface RegulationFixtures {
  /** A regulation issued by the unit (the institution, or a unit inside it) in this status, with version 1. */
  regulation(unitId: string, status: "draft" | "inForce"): Promise<string>;
  /** A regulation in force whose version 1 is an attached file; returns both ids. */
  withFile(unitId: string): Promise<{ regulationId: string; versionId: string }>;
}

export function regulationFixtures(app: FastifyInstance, institutionId: string): RegulationFixtures {
  const db = app.db.kysely;
  const at = toInstant(app.clock());
  const insert = async (unitId: string, status: "draft" | "inForce", file: boolean) => {
    const id = uuidv7();
    const versionId = uuidv7();
    await db
      .insertInto("regulation")
      .values({
        id,
        institution_id: institutionId,
        unit_id: unitId,
        title: "矩阵测试保密管理办法",
        document_no: null,
        category: "general",
        status,
        seed_key: null,
        repealed_on: null,
        repeal_reason: null,
        repealed_by: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const content = Buffer.from("第一条 本办法供矩阵测试使用。");
    await db
      .insertInto("regulation_version")
      .values({
        id: versionId,
        regulation_id: id,
        version_no: 1,
        kind: "adopt",
        text: file ? null : "第一条 本办法供矩阵测试使用。",
        file_name: file ? "办法.txt" : null,
        file_type: file ? "text/plain; charset=utf-8" : null,
        file_size: file ? content.length : null,
        file_sha256: file ? "0".repeat(64) : null,
        file_content: file ? content : null,
        change_summary: null,
        effective_on: status === "draft" ? null : "2027-01-01",
        adopted_at: status === "draft" ? null : at,
        adopted_by: null,
        adopted_by_person: null,
        superseded_at: null,
        policy_sha256: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return { regulationId: id, versionId };
  };
  return {
    regulation: async (unitId, status) => (await insert(unitId, status, false)).regulationId,
    withFile: (unitId) => insert(unitId, "inForce", true),
  };
}
