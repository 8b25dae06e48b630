// `npm run dev`: the API (tsx --watch, restarts on change) and the Vite dev server (hot reload) side by side.
// Vite proxies /api and /metrics to the API (vite.config.ts), so the browser only needs the Vite URL.
import { spawn } from "node:child_process";
import console from "node:console";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath, URL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const API_PORT = "8080";
const WEB_URL = "http://127.0.0.1:5173";

/** Starts one child sharing our terminal; when either dies, the other is stopped too so nothing lingers. */
function start(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    console.log(`[dev] ${name} exited (${signal ?? code})`);
    shutdown(signal ? 1 : (code ?? 1));
  });
  return child;
}

const children = [
  start("api", process.execPath, ["--import", "tsx", "--watch", "src/cli/main.ts", "serve"], { BAOMI_PORT: API_PORT }),
  start(
    "web",
    join(root, "node_modules", ".bin", "vite"),
    ["--host", "127.0.0.1", "--port", "5173", "--strictPort"],
    {},
  ),
];

let stopping = false;
/** Forwards a stop to every child still running, then exits once they have all gone. */
function shutdown(code, signal = "SIGTERM") {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  let left = running.length;
  if (left === 0) process.exit(code);
  for (const child of running) {
    child.once("exit", () => {
      left -= 1;
      if (left === 0) process.exit(code);
    });
    child.kill(signal);
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => shutdown(0, signal));
}

console.log(`[dev] API  http://127.0.0.1:${API_PORT}/api/health (restarts on change)`);
console.log(`[dev] Web  ${WEB_URL}/ (hot reload; /api and /metrics are proxied to the API)`);
