/**
 * Serves the built single-page app and decides what a miss means: under /api (or for anything but a page load) it
 * is a JSON 404; for a page load it is the SPA's index.html, so client routes such as /org survive a reload.
 */
import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { type FastifyInstance, type FastifyRequest } from "fastify";
import { AppError } from "../../domain/errors.js";
import { sendError } from "./errors.js";

const NOT_FOUND = new AppError("NOT_FOUND", { zh: "请求的接口不存在", en: "No such API endpoint" });

/** Registers the static files (when built) and the not-found handler. */
export async function registerWebUi(app: FastifyInstance, webDir: string): Promise<void> {
  const built = fs.existsSync(path.join(webDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      index: ["index.html"],
      // setHeaders below decides caching; the plugin's own default would override it.
      cacheControl: false,
      wildcard: true,
      // Vite fingerprints everything under assets/, so those may be cached for good; the page itself never.
      setHeaders: (res, filePath) => {
        res.setHeader(
          "cache-control",
          filePath.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    if (!isPageLoad(request)) return sendError(request, reply, NOT_FOUND);
    if (!built) {
      return sendError(
        request,
        reply,
        new AppError("NOT_FOUND", {
          zh: "前端界面尚未构建，请先运行 npm run build",
          en: "The web UI has not been built; run npm run build",
        }),
      );
    }
    return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").sendFile("index.html");
  });
}

function isPageLoad(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const pathname = request.url.split("?")[0] ?? "";
  if (pathname === "/api" || pathname.startsWith("/api/") || pathname === "/metrics") return false;
  // A missing script or image must stay a 404, not turn into the page.
  if (/\.[a-z0-9]{1,8}$/i.test(pathname)) return false;
  return true;
}
