/**
 * The part of autocannon 8's programmatic API the harness uses. autocannon ships no types and @types/autocannon is not
 * a dependency (package.json is not ours to change), so this declares only what bench/harness/load-round.ts touches.
 */
declare module "autocannon" {
  import { type EventEmitter } from "node:events";

  namespace autocannon {
    interface Options {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      connections?: number;
      pipelining?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      /** A run before the measured one whose requests are not counted. */
      warmup?: { connections?: number; duration?: number };
    }

    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p99: number;
    }

    interface Result {
      /** Seconds the measured run lasted. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      resets: number;
      mismatches: number;
      "2xx": number;
      /** Per-second request counts; `average` is the run's mean req/s. */
      requests: Histogram & { sent: number };
      /** Whole milliseconds only (autocannon's histogram truncates), hence the harness's own sampling. */
      latency: Histogram & { totalCount: number };
      throughput: Histogram;
      /** Present when the run had a warm-up: that part's own result. */
      warmup?: Result;
    }

    /** The running benchmark: an event emitter that can also be awaited for its result. */
    interface Instance extends EventEmitter, PromiseLike<Result> {
      on(
        event: "response",
        listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
      ): this;
      on(event: string, listener: (...args: unknown[]) => void): this;
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
