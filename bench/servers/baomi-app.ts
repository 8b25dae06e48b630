/**
 * The real app as `baomi serve` builds it: the compiled dist/ modules, a config from loadConfig, listening on
 * loopback. Only the listen call differs from serve (port 0 and IPC, so that several run side by side).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as AppModule from "../../src/platform/http/app.js";
import type * as ConfigModule from "../../src/platform/config/config.js";
import { listenAndReport } from "./listen.js";

// Compiled to .bench/servers/, two levels below the repository root like bench/servers/ itself.
const dist = path.resolve(import.meta.dirname, "..", "..", "dist");
const load = <T>(file: string): Promise<T> => import(pathToFileURL(path.join(dist, file)).href) as Promise<T>;

const { loadConfig } = await load<typeof ConfigModule>("platform/config/config.js");
const { buildApp } = await load<typeof AppModule>("platform/http/app.js");

// The harness sets BAOMI_DATA_DIR (a fresh temp dir) and BAOMI_LOG_LEVEL in the environment.
const app = await buildApp(loadConfig(process.env, process.cwd()));
await listenAndReport(app);
