#!/usr/bin/env node
/** The `baomi` command. Each subcommand lives in `commands/`; this file only dispatches and prints help. */
import { runVersion } from "./commands/version.js";
import { exitWithFailure } from "./failure.js";
import { HELP } from "./help.js";

type Command = (args: string[]) => Promise<void>;

// Each command is loaded when it runs, so `baomi version` does not load the whole server.
const commands: Record<string, () => Promise<Command>> = {
  serve: () => import("./commands/serve.js").then((m) => m.runServe),
  migrate: () => import("./commands/migrate.js").then((m) => m.runMigrate),
  init: () => import("./commands/init.js").then((m) => m.runInit),
  demo: () => import("./commands/demo.js").then((m) => m.runDemo),
  policy: () => import("./commands/policy.js").then((m) => m.runPolicy),
  audit: () => import("./commands/audit.js").then((m) => m.runAudit),
  obligations: () => import("./commands/obligations.js").then((m) => m.runObligations),
  version: () => Promise.resolve(runVersion),
};

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(HELP);
    return;
  }
  if (name === "--version" || name === "-v") return runVersion([]);
  const load = commands[name];
  if (!load) {
    process.stderr.write(
      `未知命令“${name}”，运行 baomi --help 查看用法 / Unknown command "${name}"; run baomi --help\n`,
    );
    process.exitCode = 64;
    return;
  }
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(HELP);
    return;
  }
  await (
    await load()
  )(args);
}

main(process.argv.slice(2)).catch(exitWithFailure);
