/**
 * Inspection plans, inspections and findings inserted directly, for the authorization matrix's rows and the tests that
 * need many findings at once (the provincial list).
 */
import { type FastifyInstance } from "fastify";
import { type Insertable } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { templateItems } from "../../src/domain/inspection.js";
import { toInstant } from "../../src/platform/db/instants.js";
import { type InspectionFindingTable } from "../../src/platform/db/schema.js";
import { shippedTemplate } from "../../src/platform/policy/template-loader.js";

/**
 * A finding of an inspection as inserted directly: open, of the carriers' item, minor, nothing rectified; `over`
 * sets what differs.
 */
export function findingRow(
  over: Pick<Insertable<InspectionFindingTable>, "id" | "institution_id" | "unit_id"> & {
    inspection_id: string;
    at: string;
  } & Partial<Insertable<InspectionFindingTable>>,
): Insertable<InspectionFindingTable> {
  const { at, ...set } = over;
  return {
    source: "inspection",
    source_id: over.inspection_id,
    year: 2027,
    item_id: "daily.carriers",
    item_text: JSON.stringify({ zh: "涉密载体管理", en: "Classified carriers" }),
    category: "carrier",
    severity: "minor",
    description: "检查发现的问题",
    deadline: "2027-12-31",
    status: "open",
    owner_person_id: null,
    owner_name: null,
    repeat_of: null,
    plan_text: null,
    progress: null,
    evidence: null,
    submitted_by: null,
    submitted_at: null,
    return_reason: null,
    verified_by: null,
    verified_at: null,
    verification_note: null,
    created_by: null,
    created_at: at,
    updated_at: at,
    ...set,
  };
}

export interface InspectionFixtures {
  /** An office plan of the institution inspecting the unit, its team the one inspector; returns its id. */
  plan(): Promise<string>;
  /** A draft inspection of that kind of plan; `complete`: every item recorded. */
  inspection(complete?: boolean): Promise<string>;
  /** A finding of a draft inspection in the status, owned by the owner; with a plan and evidence when not open. */
  finding(status: "open" | "submitted", withEvidence?: boolean): Promise<string>;
  /** An attachment of a draft inspection; returns both ids. */
  attachment(): Promise<{ inspectionId: string; attachmentId: string }>;
  /** Rectification evidence attached to an open finding; returns both ids. */
  evidence(): Promise<{ findingId: string; attachmentId: string }>;
}

export function inspectionFixtures(
  app: FastifyInstance,
  where: { institutionId: string; unitId: string; inspectorId: string; ownerId: string },
): InspectionFixtures {
  const db = app.db.kysely;
  const at = toInstant(app.clock());
  const template = shippedTemplate("unit-inspection");
  const plan = async () => {
    const id = uuidv7();
    await db
      .insertInto("inspection_plan")
      .values({
        id,
        institution_id: where.institutionId,
        kind: "office",
        title: "矩阵测试检查计划",
        year: 2027,
        half: null,
        lead_person_id: where.inspectorId,
        starts_on: "2027-03-01",
        ends_on: "2027-06-30",
        template_id: template.id,
        template_version: template.version,
        template: JSON.stringify(template),
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db.insertInto("inspection_team").values({ plan_id: id, person_id: where.inspectorId }).execute();
    return id;
  };
  const inspection = async (complete = false) => {
    const id = uuidv7();
    const results = complete
      ? Object.fromEntries(
          templateItems(template).map((i) => [
            i.id,
            { outcome: "pass", score: i.kind === "points" ? i.points : null, note: null },
          ]),
        )
      : {};
    await db
      .insertInto("inspection")
      .values({
        id,
        plan_id: await plan(),
        institution_id: where.institutionId,
        unit_id: where.unitId,
        status: "draft",
        results: JSON.stringify(results),
        summary: null,
        closed_on: null,
        closed_at: null,
        closed_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  };
  const finding: InspectionFixtures["finding"] = async (status, withEvidence = status !== "open") => {
    const id = uuidv7();
    const inspectionId = await inspection();
    await db
      .insertInto("inspection_finding")
      .values(
        findingRow({
          id,
          institution_id: where.institutionId,
          inspection_id: inspectionId,
          unit_id: where.unitId,
          at,
          description: "矩阵测试问题",
          deadline: "2027-12-31",
          status,
          owner_person_id: where.ownerId,
          owner_name: "矩阵责任人",
          plan_text: withEvidence ? "矩阵整改措施" : null,
          evidence: withEvidence ? "矩阵整改佐证" : null,
          submitted_at: status === "submitted" ? at : null,
        }),
      )
      .execute();
    return id;
  };

  async function file(inspectionId: string | null, findingId: string | null): Promise<string> {
    const attachmentId = uuidv7();
    await db
      .insertInto("inspection_attachment")
      .values({
        id: attachmentId,
        inspection_id: inspectionId,
        finding_id: findingId,
        item_id: null,
        name: "照片.txt",
        type: "text/plain; charset=utf-8",
        size: 6,
        sha256: "0".repeat(64),
        content: Buffer.from("照片"),
        uploaded_by: null,
        uploaded_at: at,
      })
      .execute();
    return attachmentId;
  }

  return {
    plan,
    inspection,
    finding,
    attachment: async () => {
      const inspectionId = await inspection();
      return { inspectionId, attachmentId: await file(inspectionId, null) };
    },
    evidence: async () => {
      const findingId = await finding("open");
      return { findingId, attachmentId: await file(null, findingId) };
    },
  };
}
