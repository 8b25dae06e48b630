/** `baomi init [--json] [--institution NAME]`: creates the root unit and the three administrators on an empty database. */
import { parseArgs } from "node:util";
import { describeCredentials, initializeInstitution } from "../../features/accounts/initialize.js";
import { createAuditLog } from "../../platform/audit/audit-log.js";
import { loadConfig } from "../../platform/config/config.js";
import { ensureWritableDir, openDatabase } from "../../platform/db/database.js";
import { migrateToLatest } from "../../platform/db/migrate.js";

export const DEFAULT_INSTITUTION = "本单位";

export async function runInit(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" }, institution: { type: "string" } } });
  const config = loadConfig();
  ensureWritableDir(config.dataDir, "BAOMI_DATA_DIR");
  const db = await openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const audit = createAuditLog({ db, config });
    const credentials = await initializeInstitution(db.kysely, audit, {
      institutionName: values.institution ?? DEFAULT_INSTITUTION,
      now: new Date(),
    });
    if (!credentials) {
      process.stderr.write("数据库中已有账号，未做任何更改 / Accounts already exist; nothing was changed\n");
      process.exitCode = 3;
      return;
    }
    process.stdout.write(values.json ? JSON.stringify(credentials) + "\n" : describeCredentials(credentials));
  } finally {
    await db.close();
  }
}
