/**
 * What every child server does after building its app: listen on loopback, tell the harness the port, and stop when
 * told or when the harness goes away. Runs inside the child, compiled to plain JavaScript (see compile-servers.ts).
 */
import { type FastifyInstance } from "fastify";

/** The message a child sends over IPC once it accepts connections. */
export interface ListeningMessage {
  type: "listening";
  port: number;
}

/** BENCH_PORT picks the port (startup scenarios poll a known one); unset means any free port, reported over IPC. */
export async function listenAndReport(app: FastifyInstance): Promise<void> {
  const port = Number(process.env.BENCH_PORT ?? "0");
  await app.listen({ host: "127.0.0.1", port });
  const address = app.server.address();
  const actual = typeof address === "object" && address !== null ? address.port : port;
  const message: ListeningMessage = { type: "listening", port: actual };
  process.send?.(message);

  // A harness that dies (Ctrl-C, crash) closes the IPC channel: never outlive it as an orphan holding a port.
  process.on("disconnect", () => process.exit(0));
  const stop = (): void => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
