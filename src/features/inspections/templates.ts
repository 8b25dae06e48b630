/**
 * Checklist templates (检查表) an institution uses: the shipped ones (policies/templates/*.yaml) and the versions its
 * secrecy office saved — an edit of a shipped template or one of its own. Every save is a new version, 1 + the latest
 * of that id (shipped or stored), final once saved (migration 0022); the latest version is what a new plan or
 * self-check freezes, so an edit never rescores what was already checked.
 */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type Localized } from "../../domain/errors.js";
import {
  type InspectionTemplate,
  InspectionTemplateSchema,
  type TemplateDraft,
  templateFromDraft,
} from "../../domain/inspection.js";
import { latestOfEach, type SavedVersion, shippedVersion, storedVersion } from "../../domain/saved-versions.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { shippedTemplate, shippedTemplateIds } from "../../platform/policy/template-loader.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { institutionToRecord } from "../meetings/institution-to-record.js";

type Db = Kysely<Database>;

const INSPECTION_MANAGE = "inspection.manage";
const templateObject = (id: string | null) => ({ type: "inspectionTemplate", id });

/** A template version as the institution sees it: where it comes from and, when saved here, by whom and why. */
export type TemplateVersion = SavedVersion<InspectionTemplate>;

function storedVersions(db: Db, institutionId: string) {
  return db
    .selectFrom("inspection_template as t")
    .leftJoin("account as a", "a.id", "t.created_by")
    .select(["t.template_id", "t.version", "t.body", "t.note", "t.created_at", "a.display_name"])
    .where("t.institution_id", "=", institutionId);
}

const stored = (row: Parameters<typeof storedVersion>[0]) =>
  storedVersion(row, (json) => InspectionTemplateSchema.parse(json));

/** The shipped templates alone (for an actor who reads no institution's inspections). */
export function shippedTemplates(): TemplateVersion[] {
  return shippedTemplateIds().map((id) => shippedVersion(shippedTemplate(id)));
}

/** Every version of one template the institution has: the shipped one first (when there is one), then its own. */
export async function templateVersions(db: Db, institutionId: string, id: string): Promise<TemplateVersion[]> {
  const own = await storedVersions(db, institutionId).where("t.template_id", "=", id).orderBy("t.version").execute();
  const base = shippedTemplateIds().includes(id) ? [shippedVersion(shippedTemplate(id))] : [];
  return [...base, ...own.map(stored)];
}

/** The latest version of each template the institution may use, shipped ones first, then its own by id. */
export async function institutionTemplates(db: Db, institutionId: string): Promise<TemplateVersion[]> {
  const own = await storedVersions(db, institutionId).orderBy("t.template_id").orderBy("t.version").execute();
  return latestOfEach(shippedTemplates(), own.map(stored), (template) => template.id);
}

/** The version of a template new records freeze, or undefined when the institution has no such template. */
export async function currentTemplate(
  db: Db,
  institutionId: string,
  id: string,
): Promise<InspectionTemplate | undefined> {
  return (await templateVersions(db, institutionId, id)).at(-1)?.body;
}

/**
 * Saves the office's draft as the next version of its id. Changing what a template is about (unit or person) would
 * turn an inspection checklist into a self-check form under the same name, so it is refused.
 */
export async function saveTemplate(
  request: FastifyRequest,
  body: { institutionId?: string | undefined; template: TemplateDraft; note?: string | undefined },
): Promise<TemplateVersion> {
  const app = request.server;
  const db = app.db.kysely;
  const institution = await institutionToRecord(
    request,
    INSPECTION_MANAGE,
    body.institutionId,
    templateObject(body.template.id),
  );
  const draft = body.template;
  await refuseMarkedText(
    request,
    [
      draft.title.zh,
      draft.title.en,
      body.note,
      ...draft.sections.flatMap((s) => [s.title.zh, s.title.en, ...s.items.flatMap((i) => [i.text.zh, i.text.en])]),
    ],
    templateObject(draft.id),
  );
  const earlier = await templateVersions(db, institution.id, draft.id);
  const last = earlier.at(-1)?.body;
  if (last && last.subject !== draft.subject)
    throw badField(
      "body.template.subject",
      `检查表“${draft.id}”的适用对象不能改变（原为${SUBJECT_NAMES[last.subject].zh}）；如需新的对象，请另建检查表`,
      `Template "${draft.id}" is about ${SUBJECT_NAMES[last.subject].en}; make a new template for another subject`,
    );
  const template = templateFromDraft(draft, (last?.version ?? 0) + 1);
  const at = toInstant(app.clock());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("inspection_template")
      .values({
        id: uuidv7(),
        institution_id: institution.id,
        template_id: template.id,
        version: template.version,
        subject: template.subject,
        body: JSON.stringify(template),
        note: body.note ?? null,
        created_by: authOf(request).account.id,
        created_at: at,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "inspection.template.save",
      object: templateObject(template.id),
      result: "success",
      details: { institutionId: institution.id, version: template.version, basedOn: last?.version ?? null },
    });
  });
  return {
    body: template,
    origin: "institution",
    savedAt: at,
    savedBy: authOf(request).account.display_name,
    note: body.note ?? null,
  };
}

export const SUBJECT_NAMES: Record<InspectionTemplate["subject"], Localized> = {
  unit: { zh: "单位", en: "a unit" },
  keyDepartment: { zh: "要害部门部位", en: "a key department" },
  person: { zh: "涉密人员", en: "a cleared person" },
};
