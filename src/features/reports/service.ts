/**
 * Reports upward (实施细则第十二条第（四）项): the office drafts (plan and summary reports compiled from the year's
 * records; major-matter reports and requests written, each raising the event its obligation answers), the director —
 * or a deputy under delegation — signs (签发, which numbers it 保委〔年〕号), and the office records it as submitted,
 * which discharges the obligation to that body. Signed text is final (a trigger refuses changes).
 */
import { type FastifyRequest } from "fastify";
import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { AppError } from "../../domain/errors.js";
import { auditContext, authOf, deny } from "../../platform/access/request-auth.js";
import { FORBIDDEN, notVisible } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { institutionToRecord } from "../meetings/institution-to-record.js";
import { coversInstitution, reachesInstitution } from "../meetings/policy.js";
import { committeeSignature, confirmSigner } from "../meetings/signer.js";
import { touchObligations } from "../obligations/dashboard-cache.js";
import { raiseEvent } from "../obligations/events.js";
import { dischargeByRecords } from "../obligations/records.js";
import { activePolicy } from "../policy/active-policy.js";
import { compilePlanReport, compileSummaryReport } from "./compile.js";
import { type CreateReportRequestSchema, type UpdateReportRequestSchema } from "./contract.js";
import { REPORT_NUMBER_PREFIX } from "./kinds.js";

export const REPORT_READ = "report.read" as const;
export const REPORT_MANAGE = "report.manage" as const;
const reportObject = (id: string | null) => ({ type: "report", id });

export function reportColumns(request: FastifyRequest) {
  return request.server.db.kysely
    .selectFrom("report")
    .innerJoin("unit as institution", "institution.id", "report.institution_id")
    .selectAll("report")
    .select(["institution.name as institution_name", "institution.path as institution_path"]);
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportColumns>["executeTakeFirstOrThrow"]>>;

export async function visibleReport(request: FastifyRequest, id: string): Promise<ReportRow> {
  const row = await reportColumns(request).where("report.id", "=", id).executeTakeFirst();
  if (!row || !reachesInstitution(authOf(request).actor, REPORT_READ, row.institution_path))
    return notVisible(request, REPORT_READ, reportObject(id));
  return row;
}

async function managedReport(request: FastifyRequest, id: string): Promise<ReportRow> {
  const row = await visibleReport(request, id);
  if (!coversInstitution(authOf(request).actor, REPORT_MANAGE, row.institution_path))
    await deny(request, FORBIDDEN, { action: REPORT_MANAGE, object: reportObject(id) });
  return row;
}

const notDraft = (row: ReportRow) =>
  new AppError(
    "CONFLICT",
    {
      zh: `该报告当前状态为“${row.status === "signed" ? "已签发" : "已报送"}”，不得修改；如需更正请另行起草`,
      en: "The report is signed and final",
    },
    { state: row.status },
  );

export async function createReport(
  request: FastifyRequest,
  body: z.infer<typeof CreateReportRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const institution = await institutionToRecord(request, REPORT_MANAGE, body.institutionId, reportObject(null));
  const written = body.kind === "majorMatter" || body.kind === "request";
  if (written && !body.title) throw badField("body.title", "请填写报告或请示的标题", "Give the title");
  if (written && !body.body) throw badField("body.body", "请填写报告或请示的正文", "Give the text");
  if (body.kind === "request" && !body.contact)
    throw badField("body.contact", "请示须注明联系人及电话（GB/T 9704 附注）", "A request names a contact");
  await refuseMarkedText(request, [body.title, body.body, body.contact?.name], reportObject(null));

  const draft =
    body.kind === "planReport"
      ? await compilePlanReport(db, institution.id, body.year)
      : body.kind === "summaryReport"
        ? await compileSummaryReport(db, institution.id, body.year)
        : { title: body.title ?? "", body: body.body ?? "", attachments: [] };
  let eventId: string | null = null;
  if (written) {
    // A major matter raises the obligation to report it (第十二条第（四）项), which this report then discharges.
    const event = await raiseEvent(request, {
      event: "majorMatter.arisen",
      unitId: institution.id,
      occurredAt: toInstant(app.clock()),
      summary: draft.title.slice(0, 500),
    });
    eventId = event.id;
  }
  const id = uuidv7();
  const at = toInstant(app.clock());
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("report")
      .values({
        id,
        institution_id: institution.id,
        year: body.year,
        kind: body.kind,
        recipient: body.recipient,
        status: "draft",
        title: body.title ?? draft.title,
        body: body.body ?? draft.body,
        attachments: JSON.stringify(draft.attachments),
        contact: body.contact ? JSON.stringify(body.contact) : null,
        number_prefix: REPORT_NUMBER_PREFIX,
        number_sequence: null,
        event_id: eventId,
        signed_by_account: null,
        signed_by_person: null,
        signed_as: null,
        delegation_id: null,
        signed_at: null,
        signature: null,
        submitted_by: null,
        submitted_at: null,
        submitted_note: null,
        created_by: authOf(request).account.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "report.create",
      object: reportObject(id),
      result: "success",
      details: { kind: body.kind, recipient: body.recipient, year: body.year, eventId },
    });
  });
  return id;
}

export async function updateReport(
  request: FastifyRequest,
  id: string,
  body: z.infer<typeof UpdateReportRequestSchema>,
): Promise<void> {
  const app = request.server;
  const row = await managedReport(request, id);
  if (row.status !== "draft") throw notDraft(row);
  if (row.kind === "request" && body.contact === null)
    throw badField("body.contact", "请示须注明联系人及电话", "A request names a contact");
  await refuseMarkedText(request, [body.title, body.body, ...body.attachments, body.contact?.name], reportObject(id));
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("report")
      .set({
        title: body.title,
        body: body.body,
        attachments: JSON.stringify(body.attachments),
        ...(body.contact === undefined ? {} : { contact: body.contact ? JSON.stringify(body.contact) : null }),
        updated_at: toInstant(app.clock()),
      })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notDraft({ ...row, status: "signed" });
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "report.update",
      object: reportObject(id),
      result: "success",
      details: { length: body.body.length, attachments: body.attachments.length },
    });
  });
}

/** 签发: numbers the report and fixes its text; of two at once, one wins and the other is told it is signed. */
export async function signReport(request: FastifyRequest, id: string, password: string): Promise<void> {
  const app = request.server;
  const row = await visibleReport(request, id);
  const signer = await confirmSigner(request, row.institution_id, password, "report.sign", reportObject(id));
  if (row.status !== "draft") throw notDraft(row);
  const accountId = authOf(request).account.id;
  const at = toInstant(app.clock());
  await app.db.kysely.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom("report")
      .select(sql<number | null>`max(number_sequence)`.as("n"))
      .where("institution_id", "=", row.institution_id)
      .where("number_prefix", "=", row.number_prefix)
      .where("year", "=", row.year)
      .executeTakeFirst();
    const sequence = Number(last?.n ?? 0) + 1;
    const signature = committeeSignature("report", [
      id,
      row.title,
      row.body,
      row.attachments,
      signer.personId,
      accountId,
      at,
    ]);
    const result = await trx
      .updateTable("report")
      .set({
        status: "signed",
        number_sequence: sequence,
        signed_by_account: accountId,
        signed_by_person: signer.personId,
        signed_as: signer.signedAs,
        delegation_id: signer.delegation?.id ?? null,
        signed_at: at,
        signature,
        updated_at: at,
      })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notDraft({ ...row, status: "signed" });
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "report.sign",
      object: reportObject(id),
      result: "success",
      details: { sequence, signedAs: signer.signedAs, signature },
    });
  });
}

/** Records that the signed report went to its recipient (how: 机要交换, 电子公文…), discharging the obligation. */
export async function submitReport(request: FastifyRequest, id: string, note: string): Promise<void> {
  const app = request.server;
  const row = await managedReport(request, id);
  if (row.status !== "signed")
    throw new AppError(
      "CONFLICT",
      {
        zh: row.status === "draft" ? "报告尚未签发，不能报送" : "该报告已经报送",
        en: row.status === "draft" ? "The report is not signed yet" : "The report was already submitted",
      },
      { state: row.status },
    );
  await refuseMarkedText(request, [note], reportObject(id));
  const now = app.clock();
  const { policy } = await activePolicy(app.db.kysely);
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("report")
      .set({
        status: "submitted",
        submitted_by: authOf(request).account.id,
        submitted_at: toInstant(now),
        submitted_note: note,
      })
      .where("id", "=", id)
      .where("status", "=", "signed")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new AppError("CONFLICT", { zh: "该报告已经报送", en: "Already submitted" }, { state: "submitted" });
    const fulfilled = await dischargeByRecords(trx, policy, row.institution_id, Number(row.year), now);
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "report.submit",
      object: reportObject(id),
      result: "success",
      details: { recipient: row.recipient, obligationsFulfilled: fulfilled },
    });
  });
  touchObligations();
}
