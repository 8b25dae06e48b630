/**
 * Issuing a year's responsibility agreements from a policy template (保守国家秘密法（2024）第八条; 实施细则第二条、
 * 第六条): one to the holder of the template's role on the issue date, as the resolver names them — the head of
 * each open unit (acting heads included and marked), or each leader holding the role. Vacancies are reported, never
 * filled by a guess. Idempotent per (institution, year, template): calling again only adds the missing ones.
 */
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { agreementBody, renderTemplate, AGREEMENT_BASIS } from "../../domain/agreement.js";
import { dateIn } from "../../domain/calendar.js";
import { ROLE_NAMES } from "../../domain/roles.js";
import { authOf, auditContext } from "../../platform/access/request-auth.js";
import { requirePermission } from "../../platform/access/require.js";
import { toInstant } from "../../platform/db/instants.js";
import { type AgreementBatchTable } from "../../platform/db/schema.js";
import { activePolicy } from "../policy/active-policy.js";
import { AGREEMENT_MANAGE } from "./policy.js";
import { policyWithSha } from "./batch-policy.js";
import { bad, candidates, institutionFor, type Place, roleScope } from "./signers.js";

export interface IssueResult {
  created: boolean;
  batch: AgreementBatchTable & { institution: Place; title: string };
  issued: { id: string; unit: Place; person: { id: string; name: string }; acting: boolean }[];
  alreadyIssued: number;
  vacancies: { unit: Place; role: string; roleName: string }[];
  citation: string;
}

/** Issues (or completes) the batch of a year's agreements from a template. */
export async function issueBatch(
  request: FastifyRequest,
  input: { year: number; templateId: string; institutionId?: string | undefined },
): Promise<IssueResult> {
  const app = request.server;
  const db = app.db.kysely;
  const institution = await institutionFor(db, input.institutionId);
  await requirePermission(
    request,
    AGREEMENT_MANAGE,
    { unitPath: institution.path },
    { type: "agreement_batch", id: null },
  );
  const active = await activePolicy(db);
  const existing = await db
    .selectFrom("agreement_batch")
    .selectAll()
    .where("institution_id", "=", institution.id)
    .where("year", "=", input.year)
    .where("template_id", "=", input.templateId)
    .executeTakeFirst();
  const policy = existing ? await policyWithSha(db, active, existing.policy_version) : active.policy;
  const template = policy.documents.find((d) => d.id === input.templateId && d.kind === "responsibilityAgreement");
  if (!template)
    throw bad(
      "body.templateId",
      `现行实施细则中没有编号为“${input.templateId}”的保密责任书模板`,
      `The policy has no responsibility-agreement template "${input.templateId}"`,
    );
  const year = String(input.year);
  const render = (unit: string, person: string) =>
    renderTemplate(template.paragraphs, { institution: institution.name, unit, person, year });
  const probe = render("", "");
  if (!probe.ok)
    throw bad(
      "body.templateId",
      `责任书模板“${template.id}”含未知占位符 ${probe.unknown.join("、")}；可用占位符为 {{institution}}、{{unit}}、{{person}}、{{year}}`,
      `Template "${template.id}" has unknown placeholders ${probe.unknown.join(", ")}`,
    );
  const on = dateIn(app.clock());
  const found = await candidates(db, policy, template.role, institution, on);
  const now = toInstant(app.clock());
  const result = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("agreement_batch")
      .values({
        id: uuidv7(),
        institution_id: institution.id,
        year: input.year,
        template_id: template.id,
        policy_version: existing?.policy_version ?? active.sha256,
        issued_at: now,
        issued_by: authOf(request).account.id,
      })
      .onConflict((oc) => oc.columns(["institution_id", "year", "template_id"]).doNothing())
      .executeTakeFirst();
    // The row lock makes two concurrent issuers of one batch take turns, so neither adds what the other just did.
    const batch = await trx
      .selectFrom("agreement_batch")
      .selectAll()
      .where("institution_id", "=", institution.id)
      .where("year", "=", input.year)
      .where("template_id", "=", template.id)
      .$if(app.db.dialect === "postgres", (qb) => qb.forUpdate())
      .executeTakeFirstOrThrow();
    const live = await trx
      .selectFrom("agreement")
      .select(["unit_id", "person_id"])
      .where("batch_id", "=", batch.id)
      .where("status", "<>", "voided")
      .execute();
    // A unit with a live agreement has its signer; a leader with one has theirs. Either way: not again.
    const perUnit = roleScope(policy, template.role) === "unit";
    const done = new Set(live.map((a) => (perUnit ? a.unit_id : a.person_id)));
    const todo = found.candidates.filter((c) => !done.has(perUnit ? c.unit.id : c.holder.personId));
    const issued: IssueResult["issued"] = [];
    for (const { unit, holder } of todo) {
      const text = render(unit.name, holder.personName);
      if (!text.ok) continue;
      const id = uuidv7();
      await trx
        .insertInto("agreement")
        .values({
          id,
          batch_id: batch.id,
          unit_id: unit.id,
          person_id: holder.personId,
          role: template.role,
          acting: holder.acting ? 1 : 0,
          title: template.title,
          body: agreementBody(text.paragraphs),
          status: "issued",
          issued_at: now,
          signed_at: null,
          signed_by_account: null,
          signature: null,
          voided_at: null,
          voided_by: null,
          void_reason: null,
          created_at: now,
        })
        .execute();
      issued.push({ id, unit, person: { id: holder.personId, name: holder.personName }, acting: holder.acting });
    }
    const alreadyIssued = found.candidates.length - todo.length;
    await app.audit.append(trx, {
      ...auditContext(request),
      action: "agreement.issue",
      object: { type: "agreement_batch", id: batch.id },
      result: "success",
      details: {
        year: input.year,
        templateId: template.id,
        on,
        issued: issued.map((i) => i.id),
        alreadyIssued,
        vacantUnits: found.vacancies.map((v) => v.id),
      },
    });
    return { created: Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0, batch, issued, alreadyIssued };
  });
  const roleName = ROLE_NAMES[template.role].zh;
  return {
    ...result,
    batch: { ...result.batch, year: Number(result.batch.year), institution, title: template.title },
    vacancies: found.vacancies.map((unit) => ({ unit, role: template.role, roleName })),
    citation: AGREEMENT_BASIS.zh,
  };
}
