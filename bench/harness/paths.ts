/** Where things are: the repository root, the compiled server, the bench's own output folder. */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (bench/harness/ is two levels down). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** `npm run build:server` output; the bench measures this, never src/ through a loader. */
export const distDir = path.join(repoRoot, "dist");

/** Gitignored and lint-ignored: results and the compiled child servers. */
export const outputDir = path.join(repoRoot, ".bench");

export const serverSourceDir = path.join(repoRoot, "bench", "servers");

/** Inside the repository so that `import "fastify"` in a compiled child resolves from its node_modules. */
export const compiledServerDir = path.join(outputDir, "servers");
