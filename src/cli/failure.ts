/**
 * How the CLI fails: one line, Chinese then English, naming the setting when a setting is at fault; never a stack
 * trace (set BAOMI_DEBUG=1 to see one).
 */
import { ConfigError } from "../platform/config/config.js";

/** Exit codes: 2 for a bad setting, 1 for anything else. */
export function exitWithFailure(error: unknown): never {
  if (process.env.BAOMI_DEBUG) console.error(error);
  if (error instanceof ConfigError) {
    process.stderr.write(error.line() + "\n");
    process.exit(2);
  }
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  process.stderr.write(`运行失败：${message} / Failed: ${message}\n`);
  process.exit(1);
}
