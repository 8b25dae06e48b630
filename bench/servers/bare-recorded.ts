/**
 * Baseline for routes whose answer depends on data (GET /api/me): a bare Fastify 5 app, no plugins, no hooks, no
 * logger, one route answering a body recorded from the real app just before the run, byte for byte, with the same
 * content type. The harness writes the file and sets BENCH_BODY_FILE, BENCH_CONTENT_TYPE and BENCH_PATH.
 */
import fs from "node:fs";
import Fastify from "fastify";
import { listenAndReport } from "./listen.js";
import { sameHeaders } from "./same-headers.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const body = fs.readFileSync(required("BENCH_BODY_FILE"), "utf8");
const contentType = required("BENCH_CONTENT_TYPE");
const routePath = required("BENCH_PATH");

const app = Fastify();
// A string with a content type is sent as it is, without serializing: exactly the recorded bytes.
app.get(routePath, (_request, reply) => reply.headers(sameHeaders()).type(contentType).send(body));
await listenAndReport(app);
