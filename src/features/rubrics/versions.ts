/**
 * Scoring rubrics (评分表) an institution uses: the shipped ones (policies/rubrics/*.yaml) and the versions its secrecy
 * office saved. Every save is a new version, 1 + the latest of that id (shipped or stored), final once saved (migration
 * 0025); the latest version is what a new assessment freezes — the committee's year-end assessment of units
 * (第十二条第（二）项), a unit's and the institution's self-assessment — so an edit never rescores the past.
 */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type Permission } from "../../domain/permissions.js";
import { type Rubric, RubricSchema } from "../../domain/rubric.js";
import { type RubricDraft, rubricFromDraft } from "../../domain/rubric-draft.js";
import { latestOfEach, type SavedVersion, shippedVersion, storedVersion } from "../../domain/saved-versions.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { shippedRubric, shippedRubricIds } from "../../platform/policy/rubric-loader.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { institutionToRecord } from "../meetings/institution-to-record.js";

type Db = Kysely<Database>;

export const rubricObject = (id: string | null) => ({ type: "rubric", id });

/** Who may edit a rubric: the committee's year-end one is the supervision's, the others the inspections'. */
export function editPermission(article: string): Permission {
  return article === "art12.2" ? "supervision.manage" : "inspection.manage";
}

/** A rubric version as the institution sees it: where it comes from and, when saved here, by whom and why. */
export type RubricVersion = SavedVersion<Rubric>;

function storedVersions(db: Db, institutionId: string) {
  return db
    .selectFrom("rubric_version as r")
    .leftJoin("account as a", "a.id", "r.created_by")
    .select(["r.rubric_id", "r.version", "r.body", "r.note", "r.created_at", "a.display_name"])
    .where("r.institution_id", "=", institutionId);
}

const stored = (row: Parameters<typeof storedVersion>[0]) => storedVersion(row, (json) => RubricSchema.parse(json));

/** The shipped rubrics alone (for an actor who reads no institution). */
export function shippedRubrics(): RubricVersion[] {
  return shippedRubricIds().map((id) => shippedVersion(shippedRubric(id)));
}

/** Every version of one rubric the institution has: the shipped one first, then its own. */
export async function rubricVersions(db: Db, institutionId: string, id: string): Promise<RubricVersion[]> {
  if (!shippedRubricIds().includes(id)) return [];
  const own = await storedVersions(db, institutionId).where("r.rubric_id", "=", id).orderBy("r.version").execute();
  return [shippedVersion(shippedRubric(id)), ...own.map(stored)];
}

/** The latest version of each rubric the institution uses. */
export async function institutionRubrics(db: Db, institutionId: string): Promise<RubricVersion[]> {
  const own = await storedVersions(db, institutionId).orderBy("r.rubric_id").orderBy("r.version").execute();
  return latestOfEach(shippedRubrics(), own.map(stored), (rubric) => rubric.id);
}

/** The version of a shipped rubric's id a new assessment of the institution freezes: its latest. */
export async function currentRubric(db: Db, institutionId: string, id: string): Promise<Rubric> {
  const row = await db
    .selectFrom("rubric_version")
    .select("body")
    .where("institution_id", "=", institutionId)
    .where("rubric_id", "=", id)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? RubricSchema.parse(JSON.parse(row.body)) : shippedRubric(id);
}

/**
 * Saves the office's draft as the next version of a shipped rubric's id. What a rubric scores (its article) never
 * changes: the year-end assessment's rubric cannot become a self-assessment's under the same name.
 */
export async function saveRubric(
  request: FastifyRequest,
  body: { institutionId?: string | undefined; rubric: RubricDraft; note?: string | undefined },
): Promise<RubricVersion> {
  const app = request.server;
  const db = app.db.kysely;
  const draft = body.rubric;
  if (!shippedRubricIds().includes(draft.id))
    throw badField(
      "body.rubric.id",
      `没有编号为“${draft.id}”的评分表；评分表在平台内置的基础上修订`,
      `No rubric "${draft.id}"; rubrics are revised from the shipped ones`,
    );
  const base = shippedRubric(draft.id);
  const institution = await institutionToRecord(
    request,
    editPermission(base.article),
    body.institutionId,
    rubricObject(draft.id),
  );
  if (draft.article !== base.article)
    throw badField(
      "body.rubric.article",
      `评分表“${draft.id}”所依据的条款不能改变（原为 ${base.article}）`,
      `Rubric "${draft.id}" serves ${base.article}; that cannot change`,
    );
  await refuseMarkedText(
    request,
    [
      draft.title.zh,
      draft.title.en,
      body.note,
      ...draft.bands.flatMap((b) => [b.zh, b.en]),
      ...draft.sections.flatMap((s) => [
        s.title.zh,
        s.title.en,
        ...s.items.flatMap((i) => [i.title.zh, i.title.en, i.guidance?.zh, i.guidance?.en, ...(i.law ?? [])]),
      ]),
    ],
    rubricObject(draft.id),
  );
  const last = (await rubricVersions(db, institution.id, draft.id)).at(-1)?.body ?? base;
  const rubric = rubricFromDraft(draft, last.version + 1);
  const at = toInstant(app.clock());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("rubric_version")
      .values({
        id: uuidv7(),
        institution_id: institution.id,
        rubric_id: rubric.id,
        version: rubric.version,
        body: JSON.stringify(rubric),
        note: body.note ?? null,
        created_by: authOf(request).account.id,
        created_at: at,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "rubric.save",
      object: rubricObject(rubric.id),
      result: "success",
      details: { institutionId: institution.id, version: rubric.version, basedOn: last.version },
    });
  });
  return {
    body: rubric,
    origin: "institution",
    savedAt: at,
    savedBy: authOf(request).account.display_name,
    note: body.note ?? null,
  };
}
