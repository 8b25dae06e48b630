/**
 * Baseline for /api/health: a bare Fastify 5 app, no plugins, no hooks, no logger (Fastify's default), one route that
 * answers the same JSON shape and length, with the same headers, as the real one. What the real app costs beyond
 * this is ours.
 */
import fs from "node:fs";
import Fastify from "fastify";
import { listenAndReport } from "./listen.js";
import { sameHeaders } from "./same-headers.js";

// Same version string as the real app reads, so the body has the same length byte for byte.
const { version } = JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};
const routePath = process.env.BENCH_PATH ?? "/api/health";

const app = Fastify();
// The same headers too: the answer's bytes include them, and any server giving this answer must send them.
app.get(routePath, (_request, reply) => {
  reply.headers(sameHeaders());
  return { status: "ok", version, time: new Date().toISOString() };
});
await listenAndReport(app);
