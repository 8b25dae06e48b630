/**
 * Higher regulations (上级保密法规制度) an institution records as issued: recording one raises
 * `higherRegulation.issued`, whose obligation (第十三条第（四）项) the adoption or revision that answers it discharges.
 */
import { institutionToRecord } from "../meetings/institution-to-record.js";
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { type z } from "zod";
import { dateIn } from "../../domain/calendar.js";
import { AppError } from "../../domain/errors.js";
import { auditContext, authOf } from "../../platform/access/request-auth.js";
import { toInstant } from "../../platform/db/instants.js";
import { badField, refuseMarkedText } from "../meetings/guards.js";
import { raiseEvent } from "../obligations/events.js";
import { type RecordHigherRegulationRequestSchema } from "./contract.js";
import { REGULATION_MANAGE } from "./service.js";

const higherObject = (id: string | null) => ({ type: "higherRegulation", id });

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
};
const higherRecorded = (documentNo: string) =>
  new AppError(
    "CONFLICT",
    { zh: `该上级法规（${documentNo}）已登记，请勿重复登记`, en: "This higher regulation is already recorded" },
    { issues: [{ field: "body.documentNo", message: `该上级法规（${documentNo}）已登记` }] },
  );

/** Records a higher regulation issued and raises `higherRegulation.issued` (第十三条第（四）项); returns its id. */
export async function recordHigherRegulation(
  request: FastifyRequest,
  body: z.infer<typeof RecordHigherRegulationRequestSchema>,
): Promise<string> {
  const app = request.server;
  const db = app.db.kysely;
  const institution = await institutionToRecord(request, REGULATION_MANAGE, body.institutionId, higherObject(null));
  if (body.issuedOn > dateIn(app.clock()))
    throw badField("body.issuedOn", "发布日期不能晚于今天", "The date issued cannot be in the future");
  await refuseMarkedText(request, [body.issuer, body.documentNo, body.title, body.summary], higherObject(null));
  const duplicate = await db
    .selectFrom("higher_regulation")
    .select("id")
    .where("institution_id", "=", institution.id)
    .where("issuer", "=", body.issuer)
    .where("document_no", "=", body.documentNo)
    .executeTakeFirst();
  if (duplicate) throw higherRecorded(body.documentNo);
  const event = await raiseEvent(request, {
    event: "higherRegulation.issued",
    unitId: institution.id,
    occurredAt: toInstant(app.clock()),
    summary: `${body.issuer}《${body.title}》（${body.documentNo}）`.slice(0, 500),
  });
  const id = uuidv7();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("higher_regulation")
        .values({
          id,
          institution_id: institution.id,
          issuer: body.issuer,
          document_no: body.documentNo,
          title: body.title,
          issued_on: body.issuedOn,
          summary: body.summary || null,
          event_id: event.id,
          answered_by_version: null,
          answered_at: null,
          recorded_by: authOf(request).account.id,
          created_at: toInstant(app.clock()),
        })
        .execute();
      await app.audit.append(trx, {
        ...auditContext(request),
        action: "regulation.higherIssued",
        object: higherObject(id),
        result: "success",
        details: { documentNo: body.documentNo, eventId: event.id },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw higherRecorded(body.documentNo);
    throw error;
  }
  return id;
}
