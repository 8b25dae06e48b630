/**
 * `baomi policy check FILE` validates a policy file; `baomi policy show [--article N] [--file FILE]
 * [--format table|json]` prints its duty catalogue grouped by article. Exit codes: 0 valid / shown, 1 the policy is
 * invalid or unreadable (each error as FILE:LINE:COL 中文 / English), 64 bad usage.
 */
import { parseArgs } from "node:util";
import { dutyCatalogue, type CatalogueArticle } from "../../domain/policy/catalogue.js";
import { type Policy } from "../../domain/policy/schema.js";
import { defaultPolicyPath, loadPolicyFile, type PolicyError } from "../../platform/policy/load-policy.js";

const EXIT_INVALID = 1;
const EXIT_USAGE = 64;

const USAGE = `用法 / Usage:
  baomi policy check 文件 FILE
      校验策略文件（实施细则数据），逐条列出错误所在行列
      Validate a policy file; every error is listed with its line and column
  baomi policy activate 文件 FILE
      校验并启用为现行实施细则（以往各版本均保留）
      Validate and put into force (every earlier version is kept)
  baomi policy show [--article 条 N] [--file 文件 FILE] [--format table|json]
      按条列出职责目录（默认为随附的 policies/gdpt-2012-14.yaml）
      Print the duty catalogue by article (default: the shipped policies/gdpt-2012-14.yaml)
`;

class UsageError extends Error {}

/** Dispatches `baomi policy <check|show|activate>`. */
export function runPolicy(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === "activate") {
    if (rest.length !== 1 || rest[0] === undefined) {
      process.stderr.write(`请指定一个策略文件 / give exactly one policy file\n\n${USAGE}`);
      process.exitCode = EXIT_USAGE;
      return Promise.resolve();
    }
    return import("./policy-activate.js").then((m) => m.runPolicyActivate(rest[0] ?? ""));
  }
  try {
    if (sub === "check") runCheck(rest);
    else if (sub === "show") runShow(rest);
    else {
      throw new UsageError(
        sub === undefined ? "缺少子命令 / missing subcommand" : `未知子命令“${sub}” / unknown subcommand "${sub}"`,
      );
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = EXIT_USAGE;
  }
  return Promise.resolve();
}

function runCheck(args: string[]): void {
  const { positionals } = parsed(() => parseArgs({ args, allowPositionals: true, strict: true }));
  if (positionals.length !== 1) throw new UsageError("请指定一个策略文件 / give exactly one policy file");
  const file = positionals[0] as string;
  const policy = load(file);
  if (!policy) return;
  const articles = policy.articles.length;
  const duties = policy.duties.length;
  process.stdout.write(
    `策略文件有效 / Policy is valid: ${policy.id} v${policy.version}, ${articles} 条 articles, ${duties} 项 duties\n`,
  );
}

function runShow(args: string[]): void {
  const { values } = parsed(() =>
    parseArgs({
      args,
      options: { article: { type: "string" }, file: { type: "string" }, format: { type: "string" } },
      strict: true,
    }),
  );
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json") {
    throw new UsageError(`--format 须为 table 或 json / --format must be table or json, got "${format}"`);
  }
  const articleNumber = values.article === undefined ? undefined : parseArticle(values.article);
  const policy = load(values.file ?? defaultPolicyPath());
  if (!policy) return;
  if (articleNumber !== undefined && !policy.articles.some((a) => a.number === articleNumber)) {
    throw new UsageError(`策略中没有第 ${articleNumber} 条 / the policy has no article ${articleNumber}`);
  }
  const catalogue = dutyCatalogue(policy, { article: articleNumber }).filter(
    // The whole catalogue lists the articles that carry duties; an article asked for by number is shown even if empty.
    (article) => articleNumber !== undefined || article.duties.length > 0,
  );
  if (format === "json") {
    const head = { id: policy.id, version: policy.version, title: policy.title, docNo: policy.docNo };
    process.stdout.write(`${JSON.stringify({ policy: head, articles: catalogue }, null, 2)}\n`);
  } else {
    process.stdout.write(renderTable(policy, catalogue));
  }
}

/** The article asked for, as `12` or `art12`. */
function parseArticle(raw: string): number {
  const match = /^(?:art)?(\d{1,3})$/.exec(raw.trim());
  if (!match)
    throw new UsageError(`--article 须为条号，如 12 / --article must be an article number such as 12, got "${raw}"`);
  return Number(match[1]);
}

/** Runs node's argument parser, turning its complaints into usage errors. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`参数无效 / invalid arguments: ${(error as Error).message}`);
  }
}

/** The policy, or null after printing its errors and setting the exit code. */
function load(file: string): Policy | null {
  const result = loadPolicyFile(file);
  if (result.ok) return result.policy;
  for (const error of result.errors) process.stderr.write(`${formatError(file, error)}\n`);
  process.stderr.write(
    `策略文件无效：${result.errors.length} 处错误 / Policy is invalid: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}\n`,
  );
  process.exitCode = EXIT_INVALID;
  return null;
}

/** `FILE:LINE:COL 中文 / English`, each language naming the place in the policy when there is one. */
export function formatError(file: string, error: PolicyError): string {
  const where = error.line > 0 ? `${file}:${error.line}:${error.column}` : file;
  const zh = error.path ? `${error.path}：${error.message.zh}` : error.message.zh;
  const en = error.path ? `${error.path}: ${error.message.en}` : error.message.en;
  return `${where} ${zh} / ${en}`;
}

function renderTable(policy: Policy, catalogue: CatalogueArticle[]): string {
  const out: string[] = [
    `${policy.title}（${policy.docNo}）${policy.id} v${policy.version}`,
    "职责目录 / Duty catalogue",
    "",
  ];
  let count = 0;
  for (const article of catalogue) {
    out.push(`${article.citation}  ${excerpt(article.text)}`);
    if (article.duties.length === 0) out.push("  （本条无职责条目 / no duties in this article）");
    for (const duty of article.duties) {
      count++;
      out.push(`  ● ${duty.citation}  ${duty.title.zh} / ${duty.title.en}`);
      out.push(`      编号 id        ${duty.id}`);
      out.push(`      承担 bearer    ${duty.bearer.name.zh} / ${duty.bearer.name.en}`);
      out.push(`      周期 cadence   ${duty.cadence.description.zh} / ${duty.cadence.description.en}`);
      out.push(`      履行 discharge ${duty.discharge.description.zh} / ${duty.discharge.description.en}`);
      if (duty.reportTo.length > 0) {
        out.push(
          `      报送 report to ${duty.reportTo.map((t) => t.name.zh).join("、")} / ${duty.reportTo.map((t) => t.name.en).join(", ")}`,
        );
      }
    }
    out.push("");
  }
  out.push(`共 ${count} 项职责 / ${count} duties`);
  return `${out.join("\n")}\n`;
}

/** An article's lead-in, shortened: the heading of its group. */
function excerpt(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
