/** `baomi migrate`: brings the configured database's schema up to date and says what it applied. */
import { describeDatabase, loadConfig } from "../../platform/config/config.js";
import { ensureWritableDir, openDatabase } from "../../platform/db/database.js";
import { migrateToLatest } from "../../platform/db/migrate.js";

export async function runMigrate(_args: string[]): Promise<void> {
  const config = loadConfig();
  ensureWritableDir(config.dataDir, "BAOMI_DATA_DIR");
  const db = await openDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    const target = describeDatabase(config.database);
    process.stdout.write(
      applied.length === 0
        ? `数据库已是最新 / Database is up to date: ${target}\n`
        : `已应用迁移 / Applied: ${applied.join(", ")} (${target})\n`,
    );
  } finally {
    await db.close();
  }
}
