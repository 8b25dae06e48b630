/**
 * The policy a batch was issued under. A batch keeps one text for everyone in it: when the rules in force have
 * changed since its first issue, later additions to it are rendered from the version it started with.
 */
import fs from "node:fs";
import { type Kysely } from "kysely";
import { AppError } from "../../domain/errors.js";
import { type Policy } from "../../domain/policy/schema.js";
import { sha256Hex } from "../../platform/auth/tokens.js";
import { type Database } from "../../platform/db/schema.js";
import { defaultPolicyPath, parsePolicy } from "../../platform/policy/load-policy.js";
import { type ActivePolicy } from "../policy/active-policy.js";

/** The policy with this SHA-256: the one in force, a stored version, or the shipped seed; 409 when none is left. */
export async function policyWithSha(db: Kysely<Database>, active: ActivePolicy, sha256: string): Promise<Policy> {
  if (active.sha256 === sha256) return active.policy;
  const stored = await db
    .selectFrom("policy_version")
    .select("content")
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  const seed = fs.readFileSync(defaultPolicyPath(), "utf8");
  const text = stored?.content ?? (sha256Hex(seed) === sha256 ? seed : undefined);
  const parsed = text === undefined ? undefined : parsePolicy(text);
  if (parsed?.ok) return parsed.policy;
  throw new AppError(
    "CONFLICT",
    {
      zh: `本批次责任书所依据的实施细则版本（${sha256.slice(0, 12)}）已无法找到，不能继续补发；请联系系统管理员`,
      en: `The policy version this batch was issued under (${sha256.slice(0, 12)}) is gone; cannot add to the batch`,
    },
    { policyVersion: sha256 },
  );
}
