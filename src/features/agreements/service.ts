/**
 * Reading, signing and voiding responsibility agreements. Signing is the named signer re-entering their password;
 * the update is conditional on the status, so of two concurrent signatures exactly one lands. Each change commits
 * with its audit entry.
 */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { type Actor } from "../../domain/access.js";
import {
  AGREEMENT_BASIS,
  AGREEMENT_STATUS_NAMES,
  bodyParagraphs,
  nextStatus,
  signatureInput,
} from "../../domain/agreement.js";
import { AppError } from "../../domain/errors.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { ROLE_NAMES, isBusinessRole } from "../../domain/roles.js";
import { authOf, auditContext, deny } from "../../platform/access/request-auth.js";
import { notVisible, requirePermission } from "../../platform/access/require.js";
import { verifyPassword } from "../../platform/auth/passwords.js";
import { hitRateLimit } from "../../platform/auth/rate-limit.js";
import { sha256Hex } from "../../platform/auth/tokens.js";
import { toInstant } from "../../platform/db/instants.js";
import { refuseMarking } from "../../platform/documents/marking-refusal.js";
import { scanText } from "../../platform/documents/marking-scan.js";
import { type Database } from "../../platform/db/schema.js";
import { type AgreementSummary, type AgreementView } from "./contract.js";
import { AGREEMENT_MANAGE, AGREEMENT_READ, canRead, canSign, canVoid, isSigner } from "./policy.js";

export function agreementColumns(db: Kysely<Database>) {
  return db
    .selectFrom("agreement")
    .innerJoin("agreement_batch as batch", "batch.id", "agreement.batch_id")
    .innerJoin("unit", "unit.id", "agreement.unit_id")
    .innerJoin("person", "person.id", "agreement.person_id")
    .select([
      "agreement.id",
      "agreement.batch_id",
      "batch.year",
      "batch.template_id",
      "agreement.unit_id",
      "unit.name as unit_name",
      "unit.path as unit_path",
      "agreement.person_id",
      "person.name as person_name",
      "agreement.role",
      "agreement.acting",
      "agreement.title",
      "agreement.body",
      "agreement.status",
      "agreement.issued_at",
      "agreement.signed_at",
      "agreement.signed_by_account",
      "agreement.signature",
      "agreement.voided_at",
      "agreement.void_reason",
    ]);
}

export type AgreementRow = Awaited<ReturnType<ReturnType<typeof agreementColumns>["executeTakeFirstOrThrow"]>>;

const place = (row: AgreementRow) => ({ personId: row.person_id, unitPath: row.unit_path, status: row.status });

/** The list view of a row, with what the actor may do to it. */
export function presentSummary(row: AgreementRow, actor: Actor): AgreementSummary {
  return {
    id: row.id,
    batchId: row.batch_id,
    year: Number(row.year),
    templateId: row.template_id,
    unit: { id: row.unit_id, name: row.unit_name },
    person: { id: row.person_id, name: row.person_name },
    role: row.role,
    roleName: isBusinessRole(row.role) ? ROLE_NAMES[row.role].zh : row.role,
    acting: row.acting === 1,
    title: row.title,
    status: row.status,
    statusName: AGREEMENT_STATUS_NAMES[row.status].zh,
    issuedAt: row.issued_at,
    signedAt: row.signed_at,
    signature: row.signature,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    abilities: { sign: canSign(actor, place(row)), void: canVoid(actor, place(row)) },
  };
}

/** The full view: the text as issued, and the articles its template cites. */
export function presentAgreement(row: AgreementRow, actor: Actor, policy: Policy): AgreementView {
  const template = policy.documents.find((d) => d.id === row.template_id);
  return {
    ...presentSummary(row, actor),
    paragraphs: bodyParagraphs(row.body),
    citations: (template?.articles ?? []).map((ref) => citationOf(policy, ref) ?? ref),
  };
}

/** An agreement the actor may read (its signer, or a scope over its unit), or an audited 404. */
export async function visibleAgreement(request: FastifyRequest, id: string) {
  const row = await agreementColumns(request.server.db.kysely).where("agreement.id", "=", id).executeTakeFirst();
  if (!row || !canRead(authOf(request).actor, place(row)))
    return notVisible(request, AGREEMENT_READ, { type: "agreement", id });
  return row;
}

/** After a conditional update matched nothing: the 409 of the state the row is in now. */
async function refuseAsNow(trx: Kysely<Database>, id: string, action: "sign" | "void"): Promise<never> {
  const now = await trx.selectFrom("agreement").select("status").where("id", "=", id).executeTakeFirstOrThrow();
  nextStatus(now.status, action);
  throw new AppError("CONFLICT", { zh: "责任书状态已变化，请刷新后重试", en: "The agreement changed; reload" });
}

/** Signs as the named signer after re-entering their password. */
export async function signAgreement(request: FastifyRequest, id: string, password: string): Promise<void> {
  const app = request.server;
  const auth = authOf(request);
  const row = await visibleAgreement(request, id);
  const object = { type: "agreement", id };
  if (!isSigner(auth.actor, place(row)))
    await deny(
      request,
      new AppError("FORBIDDEN", {
        zh: `只有责任人${row.person_name}本人可以签署该责任书（《实施细则》第六条）`,
        en: "Only the person named in the agreement may sign it",
      }),
      { action: "agreement.sign", object },
    );
  nextStatus(row.status, "sign");
  if (!(await hitRateLimit(app.db.kysely, `agreement-sign:${auth.account.id}`, 10, 900_000, app.clock())))
    throw new AppError("RATE_LIMITED", {
      zh: "签署尝试过于频繁，请稍后再试",
      en: "Too many signing attempts; try later",
    });
  if (!(await verifyPassword(auth.account.password_hash, password))) {
    await app.audit.record({
      ...auditContext(request),
      action: "agreement.sign",
      object,
      result: "failure",
      details: { reason: "wrong_password" },
    });
    throw new AppError(
      "VALIDATION_FAILED",
      { zh: "密码不正确，责任书未签署", en: "The password is wrong; the agreement is not signed" },
      { issues: [{ field: "body.password", message: "密码不正确" }] },
    );
  }
  const signedAt = toInstant(app.clock());
  const signature = sha256Hex(
    signatureInput({
      agreementId: row.id,
      title: row.title,
      body: row.body,
      personId: row.person_id,
      accountId: auth.account.id,
      signedAt,
    }),
  );
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("agreement")
      .set({ status: "signed", signed_at: signedAt, signed_by_account: auth.account.id, signature })
      .where("id", "=", id)
      .where("status", "=", "issued")
      .executeTakeFirst();
    // Someone else got there first (a second tab, a void): answer with the state it is in now.
    if (Number(result.numUpdatedRows) !== 1) await refuseAsNow(trx, id, "sign");
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "agreement.sign",
      object,
      result: "success",
      details: { year: Number(row.year), unitId: row.unit_id, signature, signedAt, basis: AGREEMENT_BASIS.zh },
    });
  });
}

/** Voids an unsigned agreement with a reason (a signed one is final). */
export async function voidAgreement(request: FastifyRequest, id: string, reason: string): Promise<void> {
  const app = request.server;
  const row = await visibleAgreement(request, id);
  await requirePermission(request, AGREEMENT_MANAGE, { unitPath: row.unit_path }, { type: "agreement", id });
  nextStatus(row.status, "void");
  // The reason is free text kept forever beside a record: no secrecy marking may enter it (DESIGN.md §1).
  const marking = scanText(reason);
  if (marking) await refuseMarking(request, marking, { type: "agreement", id });
  const at = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("agreement")
      .set({ status: "voided", voided_at: at, voided_by: authOf(request).account.id, void_reason: reason })
      .where("id", "=", id)
      .where("status", "in", ["draft", "issued"])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) await refuseAsNow(trx, id, "void");
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "agreement.void",
      object: { type: "agreement", id },
      result: "success",
      details: { reason, before: row.status, unitId: row.unit_id, year: Number(row.year) },
    });
  });
}
