/**
 * Single requests outside the load runs: the check before measuring that both sides answer, and readiness polling.
 * node:http rather than fetch, so no lazily loaded client and no connection pool sits between spawn and "ready".
 */
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { performance } from "node:perf_hooks";
import { type RequestSpec } from "./types.js";

export interface ProbeResult {
  status: number;
  /** Size of the body and of the header lines, so that a side sending more bytes is visible in the report. */
  bodyBytes: number;
  headerBytes: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** One request; rejects on connection errors and after `timeoutMs`. */
export function probe(origin: string, request: RequestSpec, timeoutMs = 2000): Promise<ProbeResult> {
  return new Promise<ProbeResult>((resolve, reject) => {
    const req = http.request(
      `${origin}${request.path}`,
      { method: request.method, headers: request.headers, agent: false, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          // "Name: value\r\n" per header: each name and each value carries two bytes of punctuation.
          const headerBytes = res.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0);
          resolve({
            status: res.statusCode ?? 0,
            bodyBytes: body.length,
            headerBytes,
            body: body.toString("utf8"),
            headers: res.headers,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(request.body);
  });
}

/**
 * Polls until `path` answers 200 and returns performance.now() at that answer. Gives up (rejects) when `giveUp`
 * settles first, e.g. because the process exited, or after `deadlineMs`.
 */
export async function pollUntilOk(
  origin: string,
  path: string,
  options: { intervalMs: number; deadlineMs: number; giveUp: Promise<unknown> },
): Promise<number> {
  let stopped = false;
  void options.giveUp.then(() => (stopped = true));
  const deadline = performance.now() + options.deadlineMs;
  while (!stopped && performance.now() < deadline) {
    try {
      const answer = await probe(origin, { method: "GET", path }, 1000);
      if (answer.status === 200) return performance.now();
    } catch {
      // Not listening yet: connection refused until the server binds its port.
    }
    await sleep(options.intervalMs);
  }
  throw new Error(stopped ? "the process exited before it was ready" : `not ready within ${options.deadlineMs} ms`);
}
