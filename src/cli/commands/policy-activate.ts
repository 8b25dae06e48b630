/**
 * `baomi policy activate FILE`: validates a policy file and makes it the implementing rules in force. Every earlier
 * version stays in the database (DESIGN.md §4); the activation is audited as the system's own act at the console.
 */
import fs from "node:fs";
import { activatePolicy } from "../../features/policy/active-policy.js";
import { createAuditLog } from "../../platform/audit/audit-log.js";
import { loadConfig } from "../../platform/config/config.js";
import { AppError } from "../../domain/errors.js";
import { ensureWritableDir, openDatabase } from "../../platform/db/database.js";
import { migrateToLatest } from "../../platform/db/migrate.js";

export async function runPolicyActivate(file: string): Promise<void> {
  const text = fs.readFileSync(file, "utf8");
  const config = loadConfig();
  ensureWritableDir(config.dataDir, "BAOMI_DATA_DIR");
  const db = await openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const audit = createAuditLog({ db, config });
    const context = {
      actor: { accountId: null, username: "console", role: null, unitId: null },
      sourceIp: null,
      requestId: null,
    };
    const { id, policy } = await activatePolicy(db.kysely, audit, text, context, new Date());
    process.stdout.write(`已启用 / Activated: ${policy.id} v${policy.version} (${id})\n`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`${error.localized.zh} / ${error.localized.en}\n`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
