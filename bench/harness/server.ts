/** A child server for load scenarios: spawned with an IPC channel, it listens on a free port and reports it. */
import { type ListeningMessage } from "../servers/listen.js";
import { describeExit, spawnProcess, type ChildHandle, type SpawnOptions } from "./child-process.js";
import { type ProcessSpec } from "./types.js";

const LISTEN_TIMEOUT_MS = 20_000;

export interface RunningServer {
  child: ChildHandle;
  port: number;
  origin: string;
}

function isListening(message: unknown): message is ListeningMessage {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as Partial<ListeningMessage>).type === "listening" &&
    typeof (message as Partial<ListeningMessage>).port === "number"
  );
}

/** Starts the server and resolves once it accepts connections; rejects if it exits or stays silent too long. */
export async function startServer(spec: ProcessSpec, options: Omit<SpawnOptions, "ipc"> = {}): Promise<RunningServer> {
  const child = spawnProcess(spec, { ...options, ipc: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.process.on("message", (message: unknown) => {
        if (isListening(message)) resolve(message.port);
      });
      void child.exit.then(() => reject(new Error(`server did not start: ${describeExit(child)}`)));
      timer = setTimeout(
        () => reject(new Error(`server did not listen within ${LISTEN_TIMEOUT_MS} ms: ${describeExit(child)}`)),
        LISTEN_TIMEOUT_MS,
      );
    });
    return { child, port, origin: `http://127.0.0.1:${port}` };
  } catch (error) {
    await child.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
