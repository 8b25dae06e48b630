/**
 * The regulations library's first entry (实施细则 as adopted): each institution's copy of the implementing rules, made
 * the first time its library is read, so that institutions created later get theirs too; its text is the active
 * policy's.
 */
import { auditContext } from "../../platform/access/request-auth.js";
import { type FastifyRequest } from "fastify";
import { v7 as uuidv7 } from "uuid";
import { type Policy } from "../../domain/policy/schema.js";
import { toInstant } from "../../platform/db/instants.js";
import { activePolicy } from "../policy/active-policy.js";
import { SEED_KEY, regulationObject } from "./service.js";

/** The implementing rules as a regulation's text: the preamble, then each article with its items. */
export function policyText(policy: Policy): string {
  const lines = [policy.preamble];
  for (const article of [...policy.articles].sort((a, b) => a.number - b.number)) {
    lines.push(`${article.citation}\u3000${article.text}`);
    for (const item of article.items) {
      const mark = item.citation.startsWith(article.citation) ? item.citation.slice(article.citation.length) : "";
      lines.push(`${mark.replace(/^第/, "").replace(/项$/, "")}${item.text}`);
    }
  }
  return lines.join("\n");
}

/**
 * Each institution's first entry is the implementing rules in force (第十六条: interpreted by the office). Created on the
 * first read of the institution's library rather than by the migration, so that an institution created later (a
 * provincial deployment adds them over time) gets its own as well; the unique index makes concurrent reads create one.
 */
export async function ensureSeeds(request: FastifyRequest, institutionIds: readonly string[]): Promise<void> {
  if (institutionIds.length === 0) return;
  const app = request.server;
  const db = app.db.kysely;
  const have = await db
    .selectFrom("regulation")
    .select("institution_id")
    .where("institution_id", "in", institutionIds)
    .where("seed_key", "=", SEED_KEY)
    .execute();
  const missing = institutionIds.filter((id) => !have.some((h) => h.institution_id === id));
  if (missing.length === 0) return;
  const { policy, sha256 } = await activePolicy(db);
  const text = policyText(policy);
  const adoptedAt = toInstant(new Date(`${policy.issuedOn}T09:00:00+08:00`));
  for (const institutionId of missing) {
    const id = uuidv7();
    const at = toInstant(app.clock());
    await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("regulation")
        .values({
          id,
          institution_id: institutionId,
          unit_id: institutionId,
          title: policy.title,
          document_no: policy.docNo,
          category: "responsibility",
          status: "inForce",
          seed_key: SEED_KEY,
          repealed_on: null,
          repeal_reason: null,
          repealed_by: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(["institution_id", "seed_key"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) return;
      await trx
        .insertInto("regulation_version")
        .values({
          id: uuidv7(),
          regulation_id: id,
          version_no: 1,
          kind: "adopt",
          text,
          file_name: null,
          file_type: null,
          file_size: null,
          file_sha256: null,
          file_content: null,
          change_summary: null,
          effective_on: policy.effectiveFrom,
          adopted_at: adoptedAt,
          adopted_by: null,
          adopted_by_person: null,
          superseded_at: null,
          policy_sha256: sha256,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await app.audit.append(trx, {
        ...auditContext(request),
        action: "regulation.seed",
        object: regulationObject(id),
        result: "success",
        details: { institutionId, policy: sha256 },
      });
    });
  }
}
