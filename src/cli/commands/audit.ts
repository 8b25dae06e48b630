/**
 * `baomi audit verify [--against FILE]… [--public-key FILE] [--json]` and `baomi audit export [--out FILE]
 * [--since SEQ]`. Exit codes: 0 intact / exported, 3 the log is broken (the first broken entry is named), 64 bad
 * usage, 1 or 2 anything else (cli/failure.ts).
 */
import { type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadConfig, type Config } from "../../platform/config/config.js";
import { openDatabase, type Db } from "../../platform/db/database.js";
import { ExportFileError, exportAudit, readExportAnchors } from "../../platform/audit/export.js";
import { keyFingerprint, readPublicKey } from "../../platform/audit/keys.js";
import { verifyAudit, type ExportAnchors } from "../../platform/audit/verify.js";

const EXIT_BROKEN = 3;
const EXIT_USAGE = 64;

const USAGE = `用法 / Usage:
  baomi audit verify [--against 导出文件 FILE]… [--public-key 公钥 FILE] [--json]
      校验审计日志的哈希链与签名检查点；--against 再与先前的异地导出比对
      Verify the hash chain and signed checkpoints; --against also compares with earlier off-host exports
  baomi audit export [--out 文件 FILE] [--since 序号 SEQ]
      导出为 JSON Lines（含检查点与公钥），供异地保存；--since 只导出序号大于 SEQ 的条目
      Export as JSON lines (with checkpoints and the public key) for an off-host copy; --since: entries after SEQ
`;

class UsageError extends Error {}

/** A database that was never migrated has no audit tables. */
class MissingTables extends Error {}

/** Dispatches `baomi audit <verify|export>`. */
export async function runAudit(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  try {
    if (sub === "verify") return await runVerify(parseVerifyArgs(rest));
    if (sub === "export") return await runExport(parseExportArgs(rest));
    throw new UsageError(
      sub === undefined ? "缺少子命令 / missing subcommand" : `未知子命令“${sub}” / unknown subcommand "${sub}"`,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      process.exitCode = EXIT_USAGE;
    } else if (error instanceof ExportFileError) {
      const where = `${error.file}:${error.line}`;
      process.stderr.write(
        `导出文件无效（${where}）：${error.localized.zh} / Invalid export file (${where}): ${error.localized.en}\n`,
      );
      process.exitCode = 1;
    } else if (error instanceof MissingTables) {
      process.stderr.write(
        "审计日志表不存在，请先运行 baomi migrate / The audit tables do not exist; run baomi migrate\n",
      );
      process.exitCode = 1;
    } else throw error;
  }
}

interface VerifyArgs {
  against: string[];
  publicKey: string | null;
  json: boolean;
}

function parseVerifyArgs(args: string[]): VerifyArgs {
  const parsed: VerifyArgs = { against: [], publicKey: null, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") parsed.json = true;
    else if (arg === "--against") parsed.against.push(path.resolve(valueOf(args, ++i, arg)));
    else if (arg === "--public-key") parsed.publicKey = path.resolve(valueOf(args, ++i, arg));
    else throw new UsageError(`未知选项“${arg}” / unknown option "${arg}"`);
  }
  return parsed;
}

interface ExportArgs {
  out: string | null;
  since: number;
}

function parseExportArgs(args: string[]): ExportArgs {
  const parsed: ExportArgs = { out: null, since: 0 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--out") parsed.out = path.resolve(valueOf(args, ++i, arg));
    else if (arg === "--since") {
      const raw = valueOf(args, ++i, arg);
      if (!/^\d{1,15}$/.test(raw)) {
        throw new UsageError(`--since 须为非负整数，当前值为“${raw}” / --since must be a whole number, got "${raw}"`);
      }
      parsed.since = Number(raw);
    } else throw new UsageError(`未知选项“${arg}” / unknown option "${arg}"`);
  }
  return parsed;
}

function valueOf(args: string[], index: number, option: string | undefined): string {
  const value = args[index];
  if (value === undefined || value.startsWith("--")) {
    throw new UsageError(`${option} 需要一个值 / ${option} needs a value`);
  }
  return value;
}

async function runVerify(args: VerifyArgs): Promise<void> {
  const config = loadConfig();
  const anchors: (ExportAnchors & { publicKey: KeyObject | null })[] = [];
  for (const file of args.against) anchors.push(await readExportAnchors(file));
  const publicKeys = trustedKeys(config, args.publicKey, anchors);
  const result = await withDatabase(config, (db) => verifyAudit({ db, publicKeys, against: anchors }));
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else if (result.ok) {
    process.stdout.write(
      `审计日志完整：${result.count} 条记录，${result.checkpoints} 个签名检查点，最后序号 ${result.lastSeq}` +
        ` / Audit log intact: ${result.count} entries, ${result.checkpoints} signed checkpoints, last seq ${result.lastSeq}\n`,
    );
    // A warning, not a failure: the chain is intact, only the viewer's filters are affected.
    if (result.lookup) {
      const { mismatched, firstMismatch, holes } = result.lookup;
      process.stderr.write(
        `警告：审计查询索引与日志不一致（${mismatched} 行不符${firstMismatch === null ? "" : `，首个序号 ${firstMismatch}`}，缺 ${holes} 行），按条件筛选可能漏掉记录` +
          ` / Warning: the audit lookup disagrees with the log (${mismatched} rows differ${firstMismatch === null ? "" : `, first at seq ${firstMismatch}`}, ${holes} missing); filtered views may miss entries\n`,
      );
    }
  } else {
    process.stderr.write(
      `审计日志在第 ${result.seq} 条记录处断裂：${result.reason.zh}` +
        ` / Audit log broken at entry ${result.seq}: ${result.reason.en}\n`,
    );
  }
  if (!result.ok) process.exitCode = EXIT_BROKEN;
}

/**
 * The keys checkpoints may carry: an explicit --public-key, else the configured key file; plus the keys of the
 * exports given, which were kept off-host and are trusted as much as their checkpoints are.
 */
function trustedKeys(config: Config, explicit: string | null, anchors: { publicKey: KeyObject | null }[]): KeyObject[] {
  const keys: KeyObject[] = [];
  if (explicit) keys.push(readPublicKey(explicit));
  else if (fs.existsSync(config.audit.keyFile)) keys.push(readPublicKey(config.audit.keyFile));
  for (const anchor of anchors) if (anchor.publicKey) keys.push(anchor.publicKey);
  return keys;
}

async function runExport(args: ExportArgs): Promise<void> {
  const config = loadConfig();
  // Export never creates a key: with no key file there are no checkpoints of this key to verify anyway.
  const publicKey = fs.existsSync(config.audit.keyFile) ? readPublicKey(config.audit.keyFile) : null;
  const summary = await withDatabase(config, async (db) => {
    if (!args.out) return exportAudit({ db, out: process.stdout, publicKey, since: args.since });
    // Written under a temporary name and renamed when complete, so an interrupted export never looks like a whole
    // one; 0600 because entries name people and addresses.
    const temp = `${args.out}.${process.pid}.tmp`;
    const out = fs.createWriteStream(temp, { mode: 0o600 });
    try {
      const written = await exportAudit({ db, out, publicKey, since: args.since });
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      fs.renameSync(temp, args.out);
      return written;
    } catch (error) {
      out.destroy();
      fs.rmSync(temp, { force: true });
      throw error;
    }
  });
  // With no --out the export itself is on stdout, so the summary goes to stderr.
  const report = args.out ? process.stdout : process.stderr;
  report.write(
    `已导出 ${summary.count} 条审计记录与 ${summary.checkpoints} 个检查点（最后序号 ${summary.lastSeq ?? "无"}）` +
      ` / Exported ${summary.count} audit entries and ${summary.checkpoints} checkpoints (last seq ${summary.lastSeq ?? "none"})` +
      `${args.out ? `: ${args.out}` : ""}${publicKey ? `; key_id ${keyFingerprint(publicKey)}` : ""}\n`,
  );
}

async function withDatabase<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(config.database);
  try {
    return await work(db);
  } catch (error) {
    // A database that was never migrated has no audit tables: say what to do instead of quoting SQL.
    if (/no such table|does not exist/i.test((error as Error).message)) {
      throw new MissingTables();
    }
    throw error;
  } finally {
    await db.close();
  }
}
