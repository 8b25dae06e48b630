/**
 * The regulations library (规章制度库). The secrecy office keeps the institution's secrecy rules (实施细则第十三条第（四）项:
 * adopted or revised after new higher rules); a unit head keeps their own unit's (第六条第（一）项). A regulation is
 * drafted, adopted (制定, version 1), revised (修订, a new version; the old one stays, superseded) and repealed (废止).
 * Its content is its text or an attached file, both through the marking guard. The implementing rules themselves are
 * each institution's first entry, created when the institution's library is first read.
 */
import { institutionToRecord } from "../meetings/institution-to-record.js";
import { createHash } from "node:crypto";
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { type Actor, authorize } from "../../domain/access.js";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { pathIds } from "../../domain/responsibility.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { fromInstant, toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { refuseMarking } from "../../platform/documents/marking-refusal.js";
import { scanUpload } from "../../platform/documents/marking-scan.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { allowedType, MAX_MATERIAL_BYTES } from "../meetings/materials.js";
import { reachesInstitution } from "../meetings/policy.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { dischargeByRecords } from "../obligations/records.js";
import { activePolicy } from "../policy/active-policy.js";
import {
  type AdoptRegulationRequestSchema,
  type CreateRegulationRequestSchema,
  REGULATION_STATUS_NAMES,
  type RegulationFileSchema,
  type RepealRegulationRequestSchema,
  type ReviseRegulationRequestSchema,
  type UpdateRegulationRequestSchema,
} from "./contract.js";

type Db = Kysely<Database>;

export const REGULATION_READ = "regulation.read" as const;
export const REGULATION_MANAGE = "regulation.manage" as const;
export const SEED_KEY = "policy";
export const regulationObject = (id: string | null) => ({ type: "regulation", id });

export function regulationColumns(db: Db) {
  return db
    .selectFrom("regulation")
    .innerJoin("unit as institution", "institution.id", "regulation.institution_id")
    .innerJoin("unit as issuer", "issuer.id", "regulation.unit_id")
    .selectAll("regulation")
    .select([
      "institution.name as institution_name",
      "institution.path as institution_path",
      "issuer.name as unit_name",
      "issuer.path as unit_path",
    ]);
}
export type RegulationRow = Awaited<ReturnType<ReturnType<typeof regulationColumns>["executeTakeFirstOrThrow"]>>;

/** The office keeps the institution's rules; a unit head their own unit's: the scope must cover the issuing unit. */
export function canManageRegulation(actor: Actor, row: Pick<RegulationRow, "unit_path">): boolean {
  return authorize(actor, REGULATION_MANAGE, { unitPath: row.unit_path });
}

/** Staff read every rule in force of their institution; a draft only those who keep it. */
export function canReadRegulation(actor: Actor, row: RegulationRow): boolean {
  if (!reachesInstitution(actor, REGULATION_READ, row.institution_path)) return false;
  return row.status !== "draft" || canManageRegulation(actor, row);
}

export async function visibleRegulation(request: FastifyRequest, id: string): Promise<RegulationRow> {
  const row = await regulationColumns(request.server.db.kysely).where("regulation.id", "=", id).executeTakeFirst();
  if (!row || !canReadRegulation(authOf(request).actor, row))
    return notVisible(request, REGULATION_READ, regulationObject(id));
  return row;
}

async function managedRegulation(request: FastifyRequest, id: string): Promise<RegulationRow> {
  const row = await visibleRegulation(request, id);
  if (!canManageRegulation(authOf(request).actor, row))
    await deny(request, FORBIDDEN, { action: REGULATION_MANAGE, object: regulationObject(id) });
  return row;
}

interface Content {
  text: string | null;
  file: { name: string; type: string; size: number; sha256: string; content: Buffer } | null;
}

/** The text or the file of a version, checked: one of them, an allowed file of ≤ 10 MB, no marking anywhere. */
async function contentOf(
  request: FastifyRequest,
  body: { text?: string | undefined; file?: z.infer<typeof RegulationFileSchema> | undefined },
  object: { type: string; id: string | null },
): Promise<Content | null> {
  if (body.text && body.file)
    throw badField("body.file", "制度正文与制度文件只能提供其一", "Give the text or a file, not both");
  if (body.text) {
    await refuseMarkedText(request, [body.text], object);
    return { text: body.text, file: null };
  }
  if (!body.file) return null;
  const content = Buffer.from(body.file.contentBase64, "base64");
  if (content.length === 0 || content.length > MAX_MATERIAL_BYTES)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      { zh: "制度文件须为 1 字节至 10 MB 的文件", en: "The file must be between 1 byte and 10 MB" },
      { issues: [{ field: "body.file.contentBase64", message: "制度文件须为 1 字节至 10 MB 的文件" }] },
    );
  let type: string;
  try {
    type = allowedType(body.file.name, content);
  } catch (error) {
    if (error instanceof AppError) {
      const issue = { field: "body.file.name", message: error.localized.zh };
      throw new AppError(error.code, error.localized, { issues: [issue] });
    }
    throw error;
  }
  await refuseMarkedText(request, [body.file.name], object);
  const found = await scanUpload(content);
  if (found) await refuseMarking(request, found, object);
  return {
    text: null,
    file: {
      name: body.file.name,
      type,
      size: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    },
  };
}

const contentColumns = (content: Content) => ({
  text: content.text,
  file_name: content.file?.name ?? null,
  file_type: content.file?.type ?? null,
  file_size: content.file?.size ?? null,
  file_sha256: content.file?.sha256 ?? null,
  file_content: content.file?.content ?? null,
});

const NO_CONTENT = (field: string) =>
  badField(field, "请填写制度正文或上传制度文件", "Give the regulation's text or attach its file");

/** The institution a unit belongs to (itself, for an institution). */
async function institutionOf(db: Db, unit: { path: string }) {
  return db
    .selectFrom("unit")
    .select(["id", "name", "path"])
    .where("id", "in", pathIds(unit.path))
    .where("kind", "=", "institution")
    .orderBy("path", "desc")
    .executeTakeFirst();
}

/** A draft regulation with its version 1 (text or file); returns its id. */
export async function createRegulation(
  request: FastifyRequest,
  body: z.infer<typeof CreateRegulationRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const actor = authOf(request).actor;
  let unit: { id: string; path: string };
  if (body.unitId) {
    const found = await db.selectFrom("unit").select(["id", "path"]).where("id", "=", body.unitId).executeTakeFirst();
    if (!found) throw badField("body.unitId", "制定单位不存在", "No such unit");
    unit = found;
  } else {
    unit = await institutionToRecord(request, REGULATION_MANAGE, body.institutionId, regulationObject(null));
  }
  if (!authorize(actor, REGULATION_MANAGE, { unitPath: unit.path }))
    return deny(request, FORBIDDEN, { action: REGULATION_MANAGE, object: regulationObject(null) });
  const institution = await institutionOf(db, unit);
  if (!institution) throw badField("body.unitId", "该单位不属于任何院校", "The unit belongs to no institution");
  await refuseMarkedText(request, [body.title, body.documentNo], regulationObject(null));
  const content = await contentOf(request, body, regulationObject(null));
  if (!content) throw NO_CONTENT("body.text");
  const id = uuidv7();
  const at = toInstant(app.clock());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("regulation")
      .values({
        id,
        institution_id: institution.id,
        unit_id: unit.id,
        title: body.title,
        document_no: body.documentNo ?? null,
        category: body.category,
        status: "draft",
        seed_key: null,
        repealed_on: null,
        repeal_reason: null,
        repealed_by: null,
        created_by: authOf(request).account.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto("regulation_version")
      .values({
        id: uuidv7(),
        regulation_id: id,
        version_no: 1,
        kind: "adopt",
        ...contentColumns(content),
        change_summary: null,
        effective_on: null,
        adopted_at: null,
        adopted_by: null,
        adopted_by_person: null,
        superseded_at: null,
        policy_sha256: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "regulation.create",
      object: regulationObject(id),
      result: "success",
      details: { unitId: unit.id, category: body.category, file: content.file?.sha256 ?? null },
    });
  });
  return id;
}

/** The 409 of an action the regulation's state does not allow, naming the state. */
function wrongState(row: Pick<RegulationRow, "status" | "seed_key">, action: string, hint = ""): AppError {
  return new AppError(
    "CONFLICT",
    {
      zh: `该制度当前状态为“${REGULATION_STATUS_NAMES[row.status].zh}”，不能${action}${hint}`,
      en: `The regulation is ${REGULATION_STATUS_NAMES[row.status].en.toLowerCase()}`,
    },
    { state: row.status },
  );
}

const SEED_FIXED = new AppError(
  "CONFLICT",
  {
    zh: "本条目为现行实施细则，其修订通过启用新版实施细则完成（组织与职责 → 实施细则），不在制度库中修订或废止",
    en: "The implementing rules change by activating a new policy version, not here",
  },
  { state: "inForce" },
);

/** The draft's title, number, category and (when given) new content. */
export async function updateRegulation(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof UpdateRegulationRequestSchema>,
): Promise<void> {
  const app = request.server;
  const row = await managedRegulation(request, id);
  if (row.status !== "draft") throw wrongState(row, "修改草稿", "；如需修改请修订");
  await refuseMarkedText(request, [body.title, body.documentNo], regulationObject(id));
  const content = await contentOf(request, body, regulationObject(id));
  const at = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("regulation")
      .set({
        title: body.title,
        category: body.category,
        ...(body.documentNo === undefined ? {} : { document_no: body.documentNo }),
        updated_at: at,
      })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw wrongState({ ...row, status: "inForce" }, "修改草稿");
    if (content)
      await trx
        .updateTable("regulation_version")
        .set({ ...contentColumns(content), updated_at: at })
        .where("regulation_id", "=", id)
        .where("adopted_at", "is", null)
        .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "regulation.update",
      object: regulationObject(id),
      result: "success",
      details: { content: content ? (content.file?.sha256 ?? "text") : null },
    });
  });
}

/** Higher regulations the adoption answers: of the same institution, not yet answered; only for the institution's rules. */
async function answerable(db: Db, row: RegulationRow, ids: readonly string[]) {
  if (ids.length === 0) return [];
  if (row.unit_id !== row.institution_id)
    throw badField(
      "body.answers",
      "只有学院层面的保密规章制度可作为对上级法规的回应（第十三条第（四）项）",
      "Only the institution's rules answer higher regulations",
    );
  const found = await db
    .selectFrom("higher_regulation")
    .select(["id", "answered_by_version", "created_at"])
    .where("id", "in", [...ids])
    .where("institution_id", "=", row.institution_id)
    .execute();
  const index = ids.findIndex((id) => !found.some((f) => f.id === id));
  if (index >= 0) throw badField(`body.answers.${index}`, "上级法规记录不存在", "No such higher regulation");
  const done = ids.findIndex((id) => found.some((f) => f.id === id && f.answered_by_version !== null));
  if (done >= 0)
    throw badField(`body.answers.${done}`, "该上级法规已有回应的制度", "That higher regulation is already answered");
  return found;
}

/** Years whose obligations an adoption may discharge: its own, and those the answered events were raised in. */
function yearsOf(today: string, answered: readonly { created_at: string }[]): Set<number> {
  return new Set([
    Number(today.slice(0, 4)),
    ...answered.map((a) => Number(dateIn(fromInstant(a.created_at)).slice(0, 4))),
  ]);
}

async function finishAdoption(
  request: FastifyRequest,
  trx: Db,
  row: RegulationRow,
  versionId: string,
  answered: readonly { id: string; created_at: string }[],
): Promise<number> {
  const app = request.server;
  const at = toInstant(app.clock());
  for (const a of answered) {
    const linked = await trx
      .updateTable("higher_regulation")
      .set({ answered_by_version: versionId, answered_at: at })
      .where("id", "=", a.id)
      .where("answered_by_version", "is", null)
      .executeTakeFirst();
    if (Number(linked.numUpdatedRows) !== 1)
      throw new AppError("CONFLICT", { zh: "该上级法规已有回应的制度", en: "Already answered" });
  }
  const { policy } = await activePolicy(trx);
  let fulfilled = 0;
  for (const year of yearsOf(dateIn(app.clock()), answered))
    fulfilled += await dischargeByRecords(trx, policy, row.institution_id, year, app.clock());
  return fulfilled;
}

/** 制定: the draft becomes version 1 in force from its effective date. */
export async function adoptRegulation(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof AdoptRegulationRequestSchema>,
): Promise<void> {
  const app = request.server;
  const db = app.db.kysely;
  const row = await managedRegulation(request, id);
  if (row.status !== "draft") throw wrongState(row, "再次制定", "；如需修改请修订");
  await refuseMarkedText(request, [body.documentNo], regulationObject(id));
  const answered = await answerable(db, row, body.answers);
  const auth = authOf(request);
  const at = toInstant(app.clock());
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("regulation")
      .set({ status: "inForce", ...(body.documentNo ? { document_no: body.documentNo } : {}), updated_at: at })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw wrongState({ ...row, status: "inForce" }, "再次制定");
    const version = await trx
      .updateTable("regulation_version")
      .set({
        effective_on: body.effectiveOn,
        adopted_at: at,
        adopted_by: auth.account.id,
        adopted_by_person: auth.actor.personId,
        updated_at: at,
      })
      .where("regulation_id", "=", id)
      .where("adopted_at", "is", null)
      .returning("id")
      .executeTakeFirstOrThrow();
    const fulfilled = await finishAdoption(request, trx, row, version.id, answered);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "regulation.adopt",
      object: regulationObject(id),
      result: "success",
      details: {
        versionId: version.id,
        effectiveOn: body.effectiveOn,
        answers: answered.map((a) => a.id),
        ...(fulfilled ? { obligationsFulfilled: fulfilled } : {}),
      },
    });
  });
  touchObligations();
}

/** 修订: a new version in force from its own date; the previous one stays as it was, superseded. */
export async function reviseRegulation(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof ReviseRegulationRequestSchema>,
): Promise<void> {
  const app = request.server;
  const db = app.db.kysely;
  const row = await managedRegulation(request, id);
  if (row.seed_key) throw SEED_FIXED;
  if (row.status !== "inForce")
    throw wrongState(row, "修订", row.status === "draft" ? "；请先制定施行" : "；如需恢复请重新制定");
  await refuseMarkedText(request, [body.changeSummary, body.documentNo], regulationObject(id));
  const content = await contentOf(request, body, regulationObject(id));
  if (!content) throw NO_CONTENT("body.text");
  const answered = await answerable(db, row, body.answers);
  const auth = authOf(request);
  const at = toInstant(app.clock());
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("regulation_version")
      .select(["id", "version_no", "effective_on"])
      .where("regulation_id", "=", id)
      .where("superseded_at", "is", null)
      .where("adopted_at", "is not", null)
      .executeTakeFirst();
    const touched = await trx
      .updateTable("regulation")
      .set({ ...(body.documentNo ? { document_no: body.documentNo } : {}), updated_at: at })
      .where("id", "=", id)
      .where("status", "=", "inForce")
      .executeTakeFirst();
    if (!current || Number(touched.numUpdatedRows) !== 1) throw wrongState({ ...row, status: "repealed" }, "修订");
    if (current.effective_on && body.effectiveOn < current.effective_on)
      throw badField(
        "body.effectiveOn",
        `修订版本的施行日期不能早于现行版本（${current.effective_on}）`,
        "A revision cannot take effect before the version it replaces",
      );
    await trx
      .updateTable("regulation_version")
      .set({ superseded_at: at, updated_at: at })
      .where("id", "=", current.id)
      .where("superseded_at", "is", null)
      .execute();
    const versionId = uuidv7();
    await trx
      .insertInto("regulation_version")
      .values({
        id: versionId,
        regulation_id: id,
        version_no: Number(current.version_no) + 1,
        kind: "revise",
        ...contentColumns(content),
        change_summary: body.changeSummary,
        effective_on: body.effectiveOn,
        adopted_at: at,
        adopted_by: auth.account.id,
        adopted_by_person: auth.actor.personId,
        superseded_at: null,
        policy_sha256: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const fulfilled = await finishAdoption(request, trx, row, versionId, answered);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "regulation.revise",
      object: regulationObject(id),
      result: "success",
      details: {
        versionId,
        versionNo: Number(current.version_no) + 1,
        effectiveOn: body.effectiveOn,
        answers: answered.map((a) => a.id),
        ...(fulfilled ? { obligationsFulfilled: fulfilled } : {}),
      },
    });
  });
  touchObligations();
}

/** 废止: from a date, with the reason; its versions stay readable. */
export async function repealRegulation(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof RepealRegulationRequestSchema>,
): Promise<void> {
  const app = request.server;
  const row = await managedRegulation(request, id);
  if (row.seed_key) throw SEED_FIXED;
  if (row.status !== "inForce") throw wrongState(row, "废止");
  await refuseMarkedText(request, [body.reason], regulationObject(id));
  const at = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("regulation")
      .set({
        status: "repealed",
        repealed_on: body.repealedOn,
        repeal_reason: body.reason,
        repealed_by: authOf(request).account.id,
        updated_at: at,
      })
      .where("id", "=", id)
      .where("status", "=", "inForce")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw wrongState({ ...row, status: "repealed" }, "废止");
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "regulation.repeal",
      object: regulationObject(id),
      result: "success",
      details: { repealedOn: body.repealedOn },
    });
  });
}

/** A version's attached file, for anyone who reads the regulation; the download is audited. */
export async function readVersionFile(request: FastifyRequest, id: string, versionId: string) {
  const app = request.server;
  await visibleRegulation(request, id);
  const version = await app.db.kysely
    .selectFrom("regulation_version")
    .select(["file_name", "file_type", "file_content"])
    .where("id", "=", versionId)
    .where("regulation_id", "=", id)
    .executeTakeFirst();
  if (!version?.file_content || !version.file_name)
    throw new AppError("NOT_FOUND", { zh: "该版本没有制度文件", en: "This version has no file" });
  await app.audit.record({
    ...auditContext(request),
    action: "regulation.fileDownload",
    object: regulationObject(id),
    result: "success",
    details: { versionId },
  });
  return {
    name: version.file_name,
    type: version.file_type ?? "application/octet-stream",
    content: Buffer.from(version.file_content),
  };
}
