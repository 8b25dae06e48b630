/** `baomi serve`: validates the configuration, opens and migrates the database, listens, and drains on SIGTERM. */
import { ConfigError, describeDatabase, loadConfig } from "../../platform/config/config.js";
import { ensureWritableDir } from "../../platform/db/database.js";
import { buildApp } from "../../platform/http/app.js";
import { describeCredentials, initializeInstitution, needsInitialization } from "../../features/accounts/initialize.js";
import { startObligationsJob } from "../../features/obligations/engine.js";
import { createMailer } from "../../platform/mail/mailer.js";
import { DEFAULT_INSTITUTION } from "./init.js";

const SHUTDOWN_GRACE_MS = 10_000;

export async function runServe(_args: string[]): Promise<void> {
  const config = loadConfig();
  ensureWritableDir(config.dataDir, "BAOMI_DATA_DIR");
  const app = await buildApp(config);
  // No default accounts: an empty database gets the three administrators with one-time passwords, printed once.
  if (await needsInitialization(app.db.kysely)) {
    const credentials = await initializeInstitution(app.db.kysely, app.audit, {
      institutionName: DEFAULT_INSTITUTION,
      now: new Date(),
    });
    if (credentials) {
      process.stdout.write(describeCredentials(credentials));
      process.stdout.write(
        "如需演示数据，请停止服务后运行 npm run baomi -- demo（仅限空数据库，演示账号仅供评估）/ To load demo data, stop the server and run npm run baomi -- demo (empty installations only; demo accounts are for evaluation)\n",
      );
    }
  }

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
      throw new ConfigError(code === "EADDRNOTAVAIL" ? "BAOMI_HOST" : "BAOMI_PORT", {
        zh: `无法在 ${config.host}:${config.port} 监听（${code === "EADDRINUSE" ? "端口已被占用" : "无权限或地址不可用"}）`,
        en: `cannot listen on ${config.host}:${config.port} (${code === "EADDRINUSE" ? "port in use" : "not permitted or address unavailable"})`,
      });
    }
    throw error;
  }

  const address = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${config.port}`;
  process.stdout.write(`Baomi 已启动 / started: ${address}  数据库 / database: ${describeDatabase(config.database)}\n`);

  // The obligations engine's daily run (reminders, escalation, e-mail, webhooks); PostgreSQL lets one process run it.
  const stopJob = startObligationsJob(
    {
      db: app.db,
      audit: app.audit,
      clock: app.clock,
      mailer: config.mail ? createMailer(config.mail) : null,
      baseUrl: config.publicUrl ?? undefined,
    },
    (error) => app.log.error({ err: error }, "obligations daily run failed"),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    stopJob();
    app.log.info({ signal }, "shutting down");
    // In-flight requests finish; new ones get 503 until the listener is closed.
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
