/** `baomi version`. */
import { version } from "../../platform/runtime/package-info.js";

export function runVersion(_args: string[]): Promise<void> {
  process.stdout.write(`baomi ${version}\n`);
  return Promise.resolve();
}
