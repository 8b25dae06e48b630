/** A report as the API shows it: its number, signer, submission, and the obligations it discharges. */
import { type FastifyRequest } from "fastify";
import { dateIn } from "../../domain/calendar.js";
import { citationOf } from "../../domain/policy/catalogue.js";
import { authOf } from "../../platform/access/request-auth.js";
import { coversInstitution } from "../meetings/policy.js";
import { DISCHARGE_COLUMNS, presentDischarges } from "../obligations/discharge-view.js";
import { signingRight } from "../meetings/signer.js";
import { activePolicy } from "../policy/active-policy.js";
import { type ReportView } from "./contract.js";
import { RECIPIENT_NAMES, REPORT_KIND_NAMES, REPORT_STATUS_NAMES, windowOf } from "./kinds.js";
import { REPORT_MANAGE, type ReportRow } from "./service.js";

export function numberOf(row: Pick<ReportRow, "number_prefix" | "year" | "number_sequence">): string | null {
  return row.number_sequence === null ? null : `${row.number_prefix}〔${row.year}〕${row.number_sequence}号`;
}

export function presentReportSummary(row: ReportRow) {
  return {
    id: row.id,
    institution: { id: row.institution_id, name: row.institution_name },
    year: Number(row.year),
    kind: row.kind,
    kindName: REPORT_KIND_NAMES[row.kind].zh,
    recipient: row.recipient,
    recipientName: RECIPIENT_NAMES[row.recipient].zh,
    status: row.status,
    statusName: REPORT_STATUS_NAMES[row.status].zh,
    title: row.title,
    number: numberOf(row),
    signedAt: row.signed_at,
    submittedAt: row.submitted_at,
  };
}

export async function presentReport(request: FastifyRequest, row: ReportRow): Promise<ReportView> {
  const db = request.server.db.kysely;
  const { policy } = await activePolicy(db);
  const actor = authOf(request).actor;
  const signer = row.signed_by_person
    ? await db.selectFrom("person").select(["id", "name"]).where("id", "=", row.signed_by_person).executeTakeFirst()
    : undefined;
  const delegation = row.delegation_id
    ? await db.selectFrom("delegation").select("purpose").where("id", "=", row.delegation_id).executeTakeFirst()
    : undefined;
  // The obligations this report answers: its kind's duty to its recipient, or its own event's.
  const duties = policy.duties.filter(
    (d) =>
      d.discharge.by === "record" &&
      d.discharge.record === "report.submitted" &&
      (row.event_id
        ? d.cadence.every === "event"
        : d.cadence.every === "year" && d.cadence.window === windowOf(row.kind)),
  );
  const obligations =
    duties.length === 0
      ? []
      : await db
          .selectFrom("obligation")
          .select(DISCHARGE_COLUMNS)
          .where("institution_id", "=", row.institution_id)
          .where(
            "duty_id",
            "in",
            duties.map((d) => d.id),
          )
          .$if(row.event_id !== null, (q) => q.where("event_id", "=", row.event_id ?? ""))
          .$if(row.event_id === null, (q) =>
            q.where("year", "=", row.year).where("period_id", "like", `%@${row.recipient}`),
          )
          .execute();
  const manage = coversInstitution(actor, REPORT_MANAGE, row.institution_path);
  const sign =
    row.status === "draft" &&
    (await signingRight(db, policy, row.institution_id, actor.personId, dateIn(request.server.clock()))) !== null;
  return {
    ...presentReportSummary(row),
    body: row.body,
    attachments: JSON.parse(row.attachments) as string[],
    contact: row.contact ? (JSON.parse(row.contact) as { name: string; phone: string }) : null,
    signer:
      signer && row.signed_at && row.signed_as && row.signature
        ? {
            person: { id: signer.id, name: signer.name },
            signedAs: row.signed_as,
            delegationPurpose: delegation?.purpose ?? null,
            signedAt: row.signed_at,
            signature: row.signature,
          }
        : null,
    submittedNote: row.submitted_note,
    citation: citationOf(policy, "art12.4") ?? "art12.4",
    obligations: await presentDischarges(db, policy, obligations, request.server.clock()),

    abilities: { edit: manage && row.status === "draft", sign, submit: manage && row.status === "signed" },
  };
}
