import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type StalledHttpServer = {
  url: string;
  /** How many requests arrived (none is ever answered until `close`). */
  requests(): number;
  close(): Promise<void>;
};

/** A dependency that accepts connections and never answers: what a hung Upstash or API looks like. */
export async function startStalledHttpServer(): Promise<StalledHttpServer> {
  const pending = new Set<ServerResponse>();
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    req.resume();
    pending.add(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    async close() {
      for (const res of pending) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
