/**
 * The implementing rules in force: the newest activated version in the database, or — before any activation — the
 * seed policy shipped in policies/. Activating a new version keeps every previous one (DESIGN.md §4).
 */
import fs from "node:fs";
import { type Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import { AppError } from "../../domain/errors.js";
import { type Policy } from "../../domain/policy/schema.js";
import { type AuditEvent, type AuditLog } from "../../platform/audit/audit-log.js";
import { sha256Hex } from "../../platform/auth/tokens.js";
import { toInstant } from "../../platform/db/instants.js";
import { type Database } from "../../platform/db/schema.js";
import { defaultPolicyPath, parsePolicy, type PolicyError } from "../../platform/policy/load-policy.js";

export interface ActivePolicy {
  policy: Policy;
  /** The stored version's id; null while the shipped seed is in force. */
  versionId: string | null;
  sha256: string;
}

// Parsed policies by content hash: a version's text never changes, so neither does its parse.
const parsed = new Map<string, Policy>();

function parseOrThrow(text: string, sha256: string): Policy {
  const cached = parsed.get(sha256);
  if (cached) return cached;
  const result = parsePolicy(text);
  if (!result.ok) throw new Error(`stored policy does not parse: ${result.errors[0]?.message.en ?? "unknown"}`);
  parsed.set(sha256, result.policy);
  return result.policy;
}

let seed: { policy: Policy; sha256: string } | undefined;
/** The seed shipped in policies/, read from disk once per process: it changes only with a new release. */
function shippedSeed(): { policy: Policy; sha256: string } {
  if (!seed) {
    const text = fs.readFileSync(defaultPolicyPath(), "utf8");
    const sha256 = sha256Hex(text);
    seed = { policy: parseOrThrow(text, sha256), sha256 };
  }
  return seed;
}

/** The policy in force now. */
export async function activePolicy(db: Kysely<Database>): Promise<ActivePolicy> {
  // Most requests find the version already parsed: read its hash, and the (long) text only when it is new here.
  const row = await db
    .selectFrom("policy_version")
    .select(["id", "sha256"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (row) {
    const cached = parsed.get(row.sha256);
    if (cached) return { policy: cached, versionId: row.id, sha256: row.sha256 };
    const { content } = await db
      .selectFrom("policy_version")
      .select("content")
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    return { policy: parseOrThrow(content, row.sha256), versionId: row.id, sha256: row.sha256 };
  }
  return { ...shippedSeed(), versionId: null };
}

/** Validates and activates a policy text as the newest version; refuses an invalid one with its line-numbered errors. */
export async function activatePolicy(
  db: Kysely<Database>,
  audit: AuditLog,
  text: string,
  context: Pick<AuditEvent, "actor" | "sourceIp" | "requestId">,
  now: Date,
): Promise<{ id: string; policy: Policy }> {
  const result = parsePolicy(text);
  if (!result.ok) {
    const first: PolicyError | undefined = result.errors[0];
    throw new AppError(
      "VALIDATION_FAILED",
      {
        zh: `实施细则文件有误（第 ${first?.line ?? 0} 行）：${first?.message.zh ?? ""}`,
        en: `The policy file is invalid (line ${first?.line ?? 0}): ${first?.message.en ?? ""}`,
      },
      { errors: result.errors },
    );
  }
  const sha256 = sha256Hex(text);
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom("policy_version")
      .select("id")
      .where("policy_id", "=", result.policy.id)
      .where("version", "=", result.policy.version)
      .executeTakeFirst();
    if (same) {
      throw new AppError("CONFLICT", {
        zh: `实施细则 ${result.policy.id} 第 ${result.policy.version} 版已启用过，请提高版本号`,
        en: `Version ${result.policy.version} of ${result.policy.id} was activated before; raise the version`,
      });
    }
    await trx
      .insertInto("policy_version")
      .values({
        id,
        policy_id: result.policy.id,
        version: result.policy.version,
        content: text,
        sha256,
        activated_at: toInstant(now),
        activated_by: context.actor.accountId,
      })
      .execute();
    await audit.append(trx, {
      ...context,
      action: "policy.activate",
      object: { type: "policy_version", id },
      result: "success",
      details: { policyId: result.policy.id, version: result.policy.version, sha256 },
    });
  });
  parsed.set(sha256, result.policy);
  return { id, policy: result.policy };
}
