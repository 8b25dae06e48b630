/**
 * `baomi demo [--json]`: loads the demo institution (广东技术师范学院, about 30 units and 400 people, its leaders,
 * committee, portfolios and one account per role) into a fresh installation, and prints the demo accounts. Refuses
 * with exit code 3 when the database already holds business data: a real installation is never overwritten.
 */
import { parseArgs } from "node:util";
import { describeCredentials } from "../../features/accounts/initialize.js";
import { type DemoLoaded, loadDemo } from "../../features/demo/load.js";
import { createAuditLog } from "../../platform/audit/audit-log.js";
import { loadConfig } from "../../platform/config/config.js";
import { ensureWritableDir, openDatabase } from "../../platform/db/database.js";
import { migrateToLatest } from "../../platform/db/migrate.js";

const EXIT_REFUSED = 3;

const WARNING = {
  zh: "⚠ 演示账号共用公开的密码，且无需两步验证，仅供评估试用；切勿在正式环境中使用或录入真实数据。",
  en: "⚠ Demo accounts share a published password and need no second factor: for evaluation only. Never use them in production or enter real data.",
};

/** Runs `baomi demo`: migrate, load (or refuse with exit code 3), print the accounts. */
export async function runDemo(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } } });
  const config = loadConfig();
  ensureWritableDir(config.dataDir, "BAOMI_DATA_DIR");
  const db = await openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const audit = createAuditLog({ db, config });
    const result = await loadDemo(db.kysely, audit, { now: new Date() });
    if (!result.ok) {
      process.stderr.write(`${result.message.zh} / ${result.message.en}\n`);
      process.exitCode = EXIT_REFUSED;
      return;
    }
    process.stdout.write(values.json ? `${JSON.stringify({ ...result, warning: WARNING })}\n` : describe(result));
  } finally {
    await db.close();
  }
}

function describe(result: DemoLoaded): string {
  const { counts } = result;
  const width = Math.max(...result.accounts.map((a) => a.username.length)) + 2;
  const lines = [
    ...(result.administrators ? [describeCredentials(result.administrators)] : []),
    `已载入演示数据：${result.institution.name}，${counts.units} 个单位，${counts.people} 人，${counts.appointments} 项任职，${counts.portfolios} 项分管，${counts.clearances} 名涉密人员`,
    `Loaded the demo institution ${result.institution.name}: ${counts.units} units, ${counts.people} people, ${counts.appointments} appointments, ${counts.portfolios} portfolios, ${counts.clearances} cleared persons`,
    `保密委员会上一年度及本年度至今的记录：${counts.meetings} 次例会，${counts.trackedTasks} 项督办事项，${counts.annualPlans} 份年度计划，${counts.supervisions} 次年中督查，${counts.assessments} 次年度考核，${counts.annualSummaries} 份年度总结，${counts.reports} 份报告；履职事项 ${result.obligations.created} 项，其中 ${result.obligations.fulfilled} 项已由上述记录落实`,
    `The committee's records of last year and this year so far: ${counts.meetings} meetings, ${counts.trackedTasks} tracked tasks, ${counts.annualPlans} annual plans, ${counts.supervisions} supervisions, ${counts.assessments} assessments, ${counts.annualSummaries} summaries, ${counts.reports} reports; ${result.obligations.created} obligations, ${result.obligations.fulfilled} fulfilled by those records`,
    `保密检查与自查：${counts.inspectionPlans} 份检查计划，${counts.inspections} 次检查，个人保密自查 ${counts.selfChecks} 份（${counts.selfChecksConfirmed} 份已确认），发现问题 ${counts.findings + counts.selfCheckFindings} 个，其中 ${counts.findingsClosed + counts.selfCheckFindingsClosed} 个已整改销号`,
    `Inspections and self-checks: ${counts.inspectionPlans} plans, ${counts.inspections} inspections, ${counts.selfChecks} personal self-checks (${counts.selfChecksConfirmed} confirmed), ${counts.findings + counts.selfCheckFindings} findings, ${counts.findingsClosed + counts.selfCheckFindingsClosed} rectified and closed`,
    "",
    `演示账号（密码均为 ${result.password}，首次登录无需修改）/ Demo accounts (password for all: ${result.password}, no change needed):`,
    ...result.accounts.map((a) => `  ${a.username.padEnd(width)}${a.name}（${a.unit}）  ${a.label.zh} / ${a.label.en}`),
    "",
    WARNING.zh,
    WARNING.en,
    "",
  ];
  return lines.join("\n");
}
