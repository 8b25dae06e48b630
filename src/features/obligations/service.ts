/**
 * One obligation: read it with who answers for it, submit evidence, decide on evidence, waive it. Each change
 * commits with its audit entry; fulfilling or waiving freezes who was responsible at that moment (Art. 15).
 */
import { type FastifyRequest } from "fastify";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { authorize, type Actor } from "../../domain/access.js";
import { AppError } from "../../domain/errors.js";
import { inLocale, type Locale } from "../../domain/locale.js";
import { describeDischarge } from "../../domain/policy/catalogue.js";
import { type Duty, type Policy } from "../../domain/policy/schema.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { createHash } from "node:crypto";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { refuseMarking } from "../../platform/documents/marking-refusal.js";
import { scanText, scanUpload } from "../../platform/documents/marking-scan.js";
import { activePolicy } from "../policy/active-policy.js";
import { type DecideEvidenceRequestSchema, type SubmitEvidenceRequest } from "./contract.js";
import { OBLIGATION_READ, obligationColumns, type ObligationRow } from "./queries.js";
import { recordKindChecked } from "./records.js";
import { approversOf, escalationOf, responsibleNow, type ResponsibleHolder } from "./responsible.js";
import { touchObligations } from "./dashboard-cache.js";
import { officeUnitOf } from "./office.js";
import { type z } from "zod";

type Db = Kysely<Database>;

export const OBLIGATION_MANAGE = "obligation.manage" as const;

/** Who approves evidence for a duty: its own approver, or the bearer's superior where a record kind is not checked yet. */
export function evidenceApprover(duty: Duty | undefined): "superior" | "secrecyOffice" | "director" | null {
  if (!duty) return "superior";
  if (duty.discharge.by === "evidence") return duty.discharge.approver;
  return recordKindChecked(duty.discharge.record) ? null : "superior";
}

/** The row, when the actor may read it: a scope over the bearer's unit, or their own. Otherwise an audited 404. */
export async function visibleObligation(request: FastifyRequest, id: string): Promise<ObligationRow> {
  const actor = authOf(request).actor;
  const db = request.server.db.kysely;
  const row = await obligationColumns(db).where("o.id", "=", id).executeTakeFirst();
  if (!row || !(canRead(actor, row) || (await answersFor(db, actor, row))))
    return notVisible(request, OBLIGATION_READ, { type: "obligation", id });
  return row;
}

function canRead(actor: Actor, row: ObligationRow): boolean {
  return (
    (actor.personId !== null && row.bearer_person_id === actor.personId) ||
    authorize(actor, OBLIGATION_READ, { unitPath: row.unit_path })
  );
}

/**
 * Whether the actor is someone the obligation puts to work without a grant over its unit: a responsible person, its
 * evidence approver, or a leader it has escalated to. They must be able to open what the inbox sends them.
 */
async function answersFor(db: Db, actor: Actor, row: ObligationRow): Promise<boolean> {
  const me = actor.personId;
  if (me === null) return false;
  const { policy } = await activePolicy(db);
  const parties = await partiesOf(db, policy, actor, row);
  if (parties.responsible.some((h) => h.personId === me) || parties.approvers.some((h) => h.personId === me))
    return true;
  const steps = await escalationOf(db, policy, row, actor.today);
  return steps.slice(0, Number(row.escalation_level)).some((step) => step.holders.some((h) => h.personId === me));
}

/** Everything the detail view and the actions need about who answers for an obligation today. */
export interface Parties {
  duty: Duty | undefined;
  responsible: ResponsibleHolder[];
  approvers: ResponsibleHolder[];
  pendingEvidence: string | null;
  abilities: { submitEvidence: boolean; decide: boolean; waive: boolean };
}

/** Who is responsible, who approves, and what the actor may do. */
export async function partiesOf(db: Db, policy: Policy, actor: Actor, row: ObligationRow): Promise<Parties> {
  const duty = policy.duties.find((d) => d.id === row.duty_id);
  const today = actor.today;
  const approver = evidenceApprover(duty);
  const responsible = await responsibleNow(db, policy, row, today);
  const approvers = approver
    ? await approversOf(db, policy, row, approver, await officeUnitOf(db, row.institution_id), today)
    : [];
  const pending = await db
    .selectFrom("obligation_evidence")
    .select(["id", "submitted_by"])
    .where("obligation_id", "=", row.id)
    .where("decision", "=", "pending")
    .executeTakeFirst();
  const me = actor.personId;
  const manages = authorize(actor, OBLIGATION_MANAGE, { unitPath: row.unit_path });
  const isApprover = me !== null && approvers.some((h) => h.personId === me);
  const open = row.state === "open";
  return {
    duty,
    responsible,
    approvers,
    pendingEvidence: pending?.id ?? null,
    abilities: {
      submitEvidence:
        open &&
        approver !== null &&
        !pending &&
        ((me !== null && responsible.some((h) => h.personId === me)) || manages),
      // Nobody decides on evidence they submitted themselves (the director submitting for the committee included).
      decide: open && pending !== undefined && isApprover && pending.submitted_by !== actor.accountId,
      waive: open && (manages || isApprover),
    },
  };
}

const notOpen = () =>
  new AppError("CONFLICT", {
    zh: "该事项已落实或已豁免，不能再更改",
    en: "This obligation is already fulfilled or waived",
  });

/** Stores evidence (pending its approver's decision), after the marking guard has read every word of it. */
export async function submitEvidence(request: FastifyRequest, id: string, body: SubmitEvidenceRequest): Promise<void> {
  const app = request.server;
  const actor = authOf(request).actor;
  const row = await visibleObligation(request, id);
  const { policy } = await activePolicy(app.db.kysely);
  const parties = await partiesOf(app.db.kysely, policy, actor, row);
  if (row.state !== "open") throw notOpen();
  if (parties.pendingEvidence)
    throw new AppError("CONFLICT", {
      zh: "已有待审核的落实材料，请等待审核结果",
      en: "Evidence is already awaiting a decision",
    });
  if (!parties.abilities.submitEvidence)
    return deny(request, FORBIDDEN, { action: "obligation.evidence", object: { type: "obligation", id } });
  const object = { type: "obligation", id };
  for (const text of [body.summary, body.documentNo ?? "", body.file?.name ?? ""]) {
    const found = scanText(text);
    if (found) await refuseMarking(request, found, object);
  }
  let file: { content: Buffer; name: string; type: string } | null = null;
  if (body.file) {
    const content = Buffer.from(body.file.contentBase64, "base64");
    if (content.length === 0 || content.length > 5 * 1024 * 1024)
      throw new AppError(
        "VALIDATION_FAILED",
        { zh: "附件须为 1 字节至 5 MB 的文件", en: "The file must be between 1 byte and 5 MB" },
        { issues: [{ field: "body.file.contentBase64", message: "附件须为 1 字节至 5 MB 的文件" }] },
      );
    const found = await scanUpload(content);
    if (found) await refuseMarking(request, found, object);
    file = { content, name: body.file.name, type: body.file.type || "application/octet-stream" };
  }
  const now = app.clock();
  const evidenceId = uuidv7();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto("obligation_evidence")
      .values({
        id: evidenceId,
        obligation_id: id,
        summary: body.summary,
        document_no: body.documentNo || null,
        file_name: file?.name ?? null,
        file_type: file?.type ?? null,
        file_size: file?.content.length ?? null,
        file_sha256: file ? createHash("sha256").update(file.content).digest("hex") : null,
        submitted_by: actor.accountId,
        submitted_at: toInstant(now),
        decision: "pending",
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
    if (file)
      await trx.insertInto("evidence_file").values({ evidence_id: evidenceId, content: file.content }).execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "obligation.evidence",
      object,
      result: "success",
      details: { evidenceId, dutyId: row.duty_id, file: file ? { name: file.name, size: file.content.length } : null },
    });
  });
}

/** Approves (the obligation is fulfilled, its responsible people frozen) or rejects pending evidence. */
export async function decideEvidence(
  request: FastifyRequest,
  id: string,
  evidenceId: string,
  body: z.infer<typeof DecideEvidenceRequestSchema>,
): Promise<void> {
  const app = request.server;
  const actor = authOf(request).actor;
  const row = await visibleObligation(request, id);
  const { policy } = await activePolicy(app.db.kysely);
  const parties = await partiesOf(app.db.kysely, policy, actor, row);
  if (parties.pendingEvidence !== evidenceId)
    throw new AppError("NOT_FOUND", { zh: "没有这份待审核的落实材料", en: "No such pending evidence" });
  if (!parties.abilities.decide)
    return deny(request, FORBIDDEN, { action: "obligation.decide", object: { type: "obligation", id } });
  const now = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    const decided = await trx
      .updateTable("obligation_evidence")
      .set({ decision: body.decision, decided_by: actor.accountId, decided_at: now, decision_note: body.note || null })
      .where("id", "=", evidenceId)
      .where("decision", "=", "pending")
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) throw notOpen();
    if (body.decision === "approved") {
      const closed = await trx
        .updateTable("obligation")
        .set({
          state: "fulfilled",
          closed_at: now,
          closed_by: actor.accountId,
          record_kind: "evidence",
          record_id: evidenceId,
          responsible: JSON.stringify(parties.responsible),
          updated_at: now,
        })
        .where("id", "=", id)
        .where("state", "=", "open")
        .executeTakeFirst();
      if (Number(closed.numUpdatedRows) !== 1) throw notOpen();
    }
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "obligation.decide",
      object: { type: "obligation", id },
      result: "success",
      details: { evidenceId, decision: body.decision },
    });
  });
  touchObligations();
}

/** Waives an open obligation with a reason; the approver and the responsible people are recorded. */
export async function waiveObligation(request: FastifyRequest, id: string, reason: string): Promise<void> {
  const app = request.server;
  const actor = authOf(request).actor;
  const row = await visibleObligation(request, id);
  const { policy } = await activePolicy(app.db.kysely);
  const parties = await partiesOf(app.db.kysely, policy, actor, row);
  if (row.state !== "open") throw notOpen();
  if (!parties.abilities.waive)
    return deny(request, FORBIDDEN, { action: "obligation.waive", object: { type: "obligation", id } });
  const found = scanText(reason);
  if (found) await refuseMarking(request, found, { type: "obligation", id });
  const now = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable("obligation")
      .set({
        state: "waived",
        closed_at: now,
        closed_by: actor.accountId,
        waive_reason: reason,
        responsible: JSON.stringify(parties.responsible),
        updated_at: now,
      })
      .where("id", "=", id)
      .where("state", "=", "open")
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) !== 1) throw notOpen();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "obligation.waive",
      object: { type: "obligation", id },
      result: "success",
      details: { dutyId: row.duty_id, reason },
    });
  });
  touchObligations();
}

/** The duty's discharge rule in words; a record kind the platform cannot check yet says evidence stands in. */
export function dischargeText(duty: Duty | undefined, locale: Locale): string {
  if (!duty) return "";
  const text = inLocale(describeDischarge(duty.discharge), locale);
  if (duty.discharge.by === "record" && !recordKindChecked(duty.discharge.record))
    return locale === "en-US"
      ? `${text}; until that record is kept here, evidence approved by the bearer's superior`
      : `${text}；该类记录上线前，以落实材料经上级负责人审核代之`;
  return text;
}
