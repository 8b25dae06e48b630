import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const READY_TIMEOUT_MS = 20_000;
const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A username and the one-time password `baomi init` printed for it. */
export interface Credentials {
  username: string;
  password: string;
}

/** The three administrators `baomi init --json` creates on an empty database (三员), with one-time passwords. */
export interface InitialCredentials {
  sysadmin: Credentials;
  secadmin: Credentials;
  auditor: Credentials;
}

/** A running `baomi serve` on a loopback port with its own data directory, initialized by `baomi init`. */
export interface TestServer {
  baseUrl: string;
  credentials: InitialCredentials;
  stop(): Promise<void>;
}

/**
 * Starts the built server (dist/cli/main.js) and waits until /api/ready answers 200.
 * BAOMI_E2E_BASE_URL instead points the journeys at a server already running on loopback (e.g. `npm run dev`).
 */
export async function startServer(): Promise<TestServer> {
  const external = process.env.BAOMI_E2E_BASE_URL;
  if (external) return useRunningServer(external);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "baomi-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BAOMI_HOST: "127.0.0.1",
    BAOMI_PORT: String(port),
    BAOMI_DATA_DIR: dataDir,
  };
  // A database URL inherited from the shell must not leak in: PostgreSQL only when the e2e run asks for it.
  delete env.BAOMI_DATABASE_URL;
  if (process.env.BAOMI_E2E_DATABASE_URL) env.BAOMI_DATABASE_URL = process.env.BAOMI_E2E_DATABASE_URL;

  let credentials: InitialCredentials;
  try {
    credentials = await initialize(env);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  const child = spawn(process.execPath, [join(REPO_ROOT, "dist/cli/main.js"), "serve"], {
    cwd: REPO_ROOT,
    env,
    // stdout (request logs) is not needed; stderr is kept for the failure message.
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await terminate(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForReady(baseUrl, child);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- server stderr ---\n${stderr || "(empty)"}`);
  }
  return { baseUrl, credentials, stop };
}

/** Runs `baomi init --json` on the fresh data directory (same environment as serve) and reads the credentials. */
async function initialize(env: NodeJS.ProcessEnv): Promise<InitialCredentials> {
  const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      [join(REPO_ROOT, "dist/cli/main.js"), "init", "--json"],
      { cwd: REPO_ROOT, env, timeout: 60_000 },
      (error, out, err) => {
        if (error) reject(new Error(`baomi init --json failed: ${error.message}\n--- stderr ---\n${err || "(empty)"}`));
        else resolve({ stdout: out });
      },
    );
  });
  return parseCredentials(stdout.trim().split("\n").at(-1) ?? "");
}

function parseCredentials(text: string): InitialCredentials {
  const value = JSON.parse(text) as Partial<Record<keyof InitialCredentials, Partial<Credentials>>>;
  const read = (key: keyof InitialCredentials): Credentials => {
    const entry = value[key];
    if (typeof entry?.username !== "string" || typeof entry.password !== "string") {
      throw new Error(`baomi init --json printed no ${key} credentials: ${text}`);
    }
    return { username: entry.username, password: entry.password };
  };
  return { sysadmin: read("sysadmin"), secadmin: read("secadmin"), auditor: read("auditor") };
}

/** Asks the OS for a free loopback port (the tiny race until the server binds it is acceptable for tests). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls /api/ready until 200; fails early if the process exits. */
async function waitForReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server not ready at ${baseUrl}/api/ready within ${READY_TIMEOUT_MS / 1000} s (last: ${last})`);
}

/** SIGTERM for a graceful shutdown; SIGKILL if it hangs, so a broken server cannot wedge the run. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * An already running server; only loopback, because the suite must never drive a real deployment. Its administrators'
 * one-time credentials come from BAOMI_E2E_CREDENTIALS (the JSON `baomi init --json` printed).
 */
async function useRunningServer(baseUrl: string): Promise<TestServer> {
  const { hostname, origin } = new URL(baseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(hostname)) {
    throw new Error(`BAOMI_E2E_BASE_URL must be a loopback address, got ${baseUrl}`);
  }
  const response = await fetch(`${origin}/api/ready`);
  if (response.status !== 200) throw new Error(`${origin}/api/ready answered HTTP ${response.status}`);
  const printed = process.env.BAOMI_E2E_CREDENTIALS;
  if (!printed) throw new Error("BAOMI_E2E_BASE_URL needs BAOMI_E2E_CREDENTIALS (the output of `baomi init --json`)");
  return { baseUrl: origin, credentials: parseCredentials(printed), stop: () => Promise.resolve() };
}
