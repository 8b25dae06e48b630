/**
 * What a scenario is. Every scenario compares a subject with a baseline measured in the same run (DESIGN.md §7); the
 * kind says how: under HTTP load, by time from spawn to ready, or by resident memory once idle.
 */

/** Chinese first, as everywhere in Baomi. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * A process to start. `dist` entries are the compiled server as it ships (run with plain `node`); `server` entries are
 * the child programs in bench/servers/, compiled by the harness to plain JavaScript for the same reason: no loader
 * hooks inside a measured process.
 */
export type Entry = { dist: string } | { server: string };

export interface ProcessSpec {
  /** Shown in the report, e.g. "Baomi app (log warn)". */
  label: string;
  entry: Entry;
  args?: string[];
  /** Added to a clean environment; BAOMI_DATA_DIR and the port are set by the harness. */
  env?: Record<string, string>;
}

export interface RequestSpec {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** The goal from the issue. Informational: a miss is printed, never turned into a failing exit code. */
export type Target =
  { metric: "throughput-ratio"; min: number } | { metric: "ready-ms"; max: number } | { metric: "rss-mb"; max: number };

/** One more subject measured against the same baseline in the same rotation (e.g. another log level). */
export interface Variant {
  name: string;
  server: ProcessSpec;
  target?: Target;
  /** Its own request instead of the scenario's (a deeper page of the same list, say); signed in the same way. */
  request?: RequestSpec;
}

/**
 * Signing in to the subject (and to each variant, which has its own database) before it is measured. The cookie the
 * sign-in sets is then sent with every request of the load, to the baseline too, so every side reads the same bytes.
 */
export interface SignInSpec {
  /** The sign-in request, e.g. POST /api/auth/login with a JSON body; it must answer 2xx and set `cookie`. */
  request: RequestSpec;
  /** The name of the cookie to keep from its Set-Cookie headers. */
  cookie: string;
}

/** Throughput and latency of one request under autocannon, subject against baseline. */
export interface LoadScenario {
  kind: "load";
  name: string;
  description: Bilingual;
  request: RequestSpec;
  baseline: ProcessSpec;
  subject: ProcessSpec;
  variants?: Variant[];
  target: Target;
  /** Sign in before measuring; the request then carries the session cookie. */
  signIn?: SignInSpec;
  /**
   * The baseline serves the subject's own answer to `request`, byte for byte: it is started after the subject, with
   * BENCH_BODY_FILE naming a file that holds the body and BENCH_CONTENT_TYPE its content type (see
   * servers/bare-recorded.ts), and the run stops unless it then answers exactly those bytes.
   */
  baselineServesSubjectAnswer?: boolean;
  /** Checks the answer of the subject and of each variant before measuring (beyond its 2xx): what is wrong, or null. */
  checkAnswer?: (body: string) => string | null;
}

/** Spawn → first 200 from `readyPath`, on a fresh data dir and again on the same one. */
export interface StartupScenario {
  kind: "startup";
  name: string;
  description: Bilingual;
  subject: ProcessSpec & { readyPath: string };
  baseline: ProcessSpec & { readyPath: string };
  target: Target;
}

/** VmRSS after the process is ready and has been left alone. */
export interface IdleMemoryScenario {
  kind: "idle-memory";
  name: string;
  description: Bilingual;
  subject: ProcessSpec & { readyPath: string };
  baseline: ProcessSpec & { readyPath: string };
  /** Run on the subject's data dir before it starts, so the measured start is a warm one. */
  prepare?: ProcessSpec;
  target: Target;
}

export type Scenario = LoadScenario | StartupScenario | IdleMemoryScenario;

/** Settings shared by every scenario in one run, from the command line. */
export interface RunSettings {
  rounds: number;
  /** Seconds of measured load per round. */
  durationS: number;
  /** Seconds of unmeasured load before each round; 0 for none. */
  warmupS: number;
  connections: number;
  pipelining: number;
  /** How long a started process is left alone before its RSS is read. */
  idleMs: number;
}
