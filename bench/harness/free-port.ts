/**
 * A loopback port nobody is listening on, for processes that must be told their port up front (`baomi serve` has no
 * "any free port" setting; BAOMI_PORT must be 1–65535). Another process could take it between our close and the
 * child's listen; on a bench machine that is rare, and it shows as a start failure, not a wrong figure.
 */
import net from "node:net";

export function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}
