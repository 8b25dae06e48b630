#!/usr/bin/env node
/** The `baomi` command. Each subcommand lives in `commands/`; this file only dispatches and prints help. */
import { runInit } from "./commands/init.js";
import { runMigrate } from "./commands/migrate.js";
import { runServe } from "./commands/serve.js";
import { runVersion } from "./commands/version.js";
import { HELP } from "./help.js";
import { exitWithFailure } from "./failure.js";

const commands: Record<string, (args: string[]) => Promise<void>> = {
  serve: runServe,
  migrate: runMigrate,
  init: runInit,
  version: runVersion,
};

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(HELP);
    return;
  }
  if (name === "--version" || name === "-v") return runVersion([]);
  const command = commands[name];
  if (!command) {
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
  await command(args);
}

main(process.argv.slice(2)).catch(exitWithFailure);
