/** Facts about the installed package, found by walking up from this file (works from `src/` and from `dist/`). */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + start);
    dir = parent;
  }
}

/** The package's root folder. */
export const packageRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string };

/** The platform's version, from package.json. */
export const version: string = manifest.version;

/** Where `npm run build` puts the web UI. */
export const defaultWebDir = path.join(packageRoot, "dist", "web");
