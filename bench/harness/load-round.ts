/** One measured round of HTTP load with autocannon's programmatic API. */
import autocannon from "autocannon";
import { type SampleBuffer } from "./stats.js";
import { type RequestSpec, type RunSettings } from "./types.js";

export interface RoundResult {
  /** autocannon's mean of per-second completed requests over the measured window (the "Req/Sec Avg" it prints). */
  reqPerSec: number;
  requests: number;
  /** Requests answered during the unmeasured warm-up before this round. */
  warmupRequests: number;
  durationS: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/**
 * Loads `origin` for the configured duration after an unmeasured warm-up on the same connections settings, and
 * appends every measured response's latency (ms, sub-millisecond resolution) to `latencies`.
 *
 * Why our own samples: autocannon's latency histogram records whole milliseconds, and on loopback most responses
 * take well under one, so its p50 would read "0" or "1". The `response` event carries the hrtime duration.
 * Warm-up responses are not seen here: autocannon runs the warm-up on a separate emitter.
 */
export async function runRound(
  origin: string,
  request: RequestSpec,
  settings: RunSettings,
  latencies: SampleBuffer,
): Promise<RoundResult> {
  const instance = autocannon({
    url: `${origin}${request.path}`,
    method: request.method,
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
    connections: settings.connections,
    pipelining: settings.pipelining,
    duration: settings.durationS,
    timeout: 10,
    ...(settings.warmupS > 0 ? { warmup: { connections: settings.connections, duration: settings.warmupS } } : {}),
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  return {
    reqPerSec: result.requests.average,
    requests: result.requests.total,
    warmupRequests: result.warmup?.requests.total ?? 0,
    durationS: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
