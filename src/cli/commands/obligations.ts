/**
 * `baomi obligations --year 2027 [--unit ID] [--format table|json]`: every obligation of the year — those already
 * materialized with their status, and those the policy and the organization call for that are not stored yet (shown
 * as open). Reads only: nothing is written except the schema migrations any command applies. Exit codes: 0 shown,
 * 64 bad usage, 1 or 2 anything else (cli/failure.ts).
 */
import { parseArgs } from "node:util";
import { dateIn } from "../../domain/calendar.js";
import { presentSummary } from "../../features/obligations/presenter.js";
import { planObligationsOfYear } from "../../features/obligations/preview.js";
import { readObligationSettings } from "../../features/obligations/settings.js";
import { activePolicy } from "../../features/policy/active-policy.js";
import { loadConfig } from "../../platform/config/config.js";
import { openDatabase } from "../../platform/db/database.js";
import { migrateToLatest } from "../../platform/db/migrate.js";

const EXIT_USAGE = 64;

const USAGE = `用法 / Usage:
  baomi obligations --year 年份 YEAR [--unit 单位编号 UNIT_ID] [--format table|json]
      列出该年度的全部履职事项（条款、职责、责任主体、承担者、期间、截止日期、状态）；--unit 只列该单位及其下级单位
      List the year's obligations (article, duty, bearer, period, due date, status); --unit: that unit and those below it
`;

class UsageError extends Error {}

interface Args {
  year: number;
  unit: string | undefined;
  format: "table" | "json";
}

function parse(args: string[]): Args {
  let values: { year?: string | undefined; unit?: string | undefined; format?: string | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { year: { type: "string" }, unit: { type: "string" }, format: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`参数无效 / invalid arguments: ${(error as Error).message}`);
  }
  if (values.year === undefined) throw new UsageError("缺少 --year / --year is required");
  if (!/^\d{4}$/.test(values.year) || Number(values.year) < 2000 || Number(values.year) > 2100)
    throw new UsageError(`--year 须为 2000–2100 的年份 / --year must be a year 2000–2100, got "${values.year}"`);
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json")
    throw new UsageError(`--format 须为 table 或 json / --format must be table or json, got "${format}"`);
  return { year: Number(values.year), unit: values.unit, format };
}

/** Runs `baomi obligations`. */
export async function runObligations(argv: string[]): Promise<void> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const k = db.kysely;
    if (args.unit !== undefined) {
      const unit = await k.selectFrom("unit").select("id").where("id", "=", args.unit).executeTakeFirst();
      if (!unit) {
        process.stderr.write(`单位“${args.unit}”不存在 / no unit "${args.unit}"\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
    }
    const today = dateIn(new Date());
    const { policy } = await activePolicy(k);
    const settings = await readObligationSettings(k);
    const rows = await planObligationsOfYear(k, { year: args.year, unitId: args.unit, today, settings });
    const items = rows.map((row) => {
      const view = presentSummary(policy, row, "zh-CN", today, settings.timings, new Date().toISOString());
      return {
        id: row.stored ? row.id : null,
        article: view.article,
        citation: view.citation,
        duty: view.duty,
        dutyId: view.dutyId,
        bearerRole: view.bearerRole,
        bearerRoleName: view.bearerRoleName,
        bearer: view.bearer,
        unit: view.unit.name,
        period: view.period,
        periodId: view.periodId,
        due: view.dueOn,
        status: view.status,
        statusName: view.statusName,
        stored: row.stored,
      };
    });
    if (args.format === "json") {
      process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
      return;
    }
    const lines = items.map((i) =>
      [i.due ?? "—", i.statusName, i.citation, i.duty, `${i.bearerRoleName}：${i.bearer}`, i.period].join("  "),
    );
    const stored = items.filter((i) => i.stored).length;
    process.stdout.write(
      `${args.year} 年履职事项 / Obligations of ${args.year}\n${lines.join("\n")}\n` +
        `共 ${items.length} 项（已生成 ${stored} 项，待生成 ${items.length - stored} 项）/ ${items.length} obligations (${stored} materialized)\n`,
    );
  } finally {
    await db.close();
  }
}
