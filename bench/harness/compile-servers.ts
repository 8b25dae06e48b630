/**
 * Compiles bench/servers/*.ts to plain ESM JavaScript in .bench/servers/. The children are what gets measured, so they
 * run under plain `node` exactly like the shipped server: under `--import tsx` they would carry loader hooks and
 * source-map support that production does not, and the baseline's start time would include transpiling.
 * Type-checking is not needed here: `npm run typecheck` (and `tsc -p tsconfig.json`) already covers bench/**.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { compiledServerDir, serverSourceDir } from "./paths.js";

/** Transpiles every child server; relative `./x.js` imports between them keep working as the files sit side by side. */
export function compileServers(): void {
  fs.mkdirSync(compiledServerDir, { recursive: true });
  // .bench/ sits under the repository's "type": "module" package.json, so .js files there load as ESM.
  for (const name of fs.readdirSync(serverSourceDir)) {
    if (!name.endsWith(".ts") || name.endsWith(".d.ts")) continue;
    const source = fs.readFileSync(path.join(serverSourceDir, name), "utf8");
    const { outputText, diagnostics } = ts.transpileModule(source, {
      fileName: name,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, sourceMap: false },
    });
    if (diagnostics && diagnostics.length > 0) {
      const text = ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText ?? "", "\n");
      throw new Error(`bench/servers/${name}: ${text}`);
    }
    fs.writeFileSync(path.join(compiledServerDir, name.replace(/\.ts$/, ".js")), outputText);
  }
}
