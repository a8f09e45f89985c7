import { connect } from "node:net";
import { WebSocketServer } from "ws";

export interface NeonWebSocketProxy {
  port: number;
  /** How many WebSocket connections were piped so far: proof that a test went through the proxy. */
  readonly connections: number;
  /** Points the real Neon driver at this proxy: it then speaks plain PostgreSQL over ws:// to our server. */
  neonConfig: {
    wsProxy: (host: string) => string;
    useSecureWebSocket: false;
    pipelineTLS: false;
    pipelineConnect: false;
  };
  stop(): Promise<void>;
}

/**
 * What Neon runs in front of its databases, in miniature: a WebSocket server that pipes each connection's
 * binary frames to a PostgreSQL TCP port and back, so tests run `@neondatabase/serverless`'s WebSocket Pool
 * (interactive transactions included) against a local server.
 */
export async function startNeonWebSocketProxy(target: {
  host?: string;
  port: number;
}): Promise<NeonWebSocketProxy> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });

  let connections = 0;
  server.on("connection", (socket) => {
    connections++;
    const tcp = connect(target.port, target.host ?? "127.0.0.1");
    const pending: Buffer[] = [];
    tcp.on("connect", () => {
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    socket.on("message", (data: Buffer) => {
      if (tcp.connecting) pending.push(data);
      else tcp.write(data);
    });
    tcp.on("data", (chunk) => socket.send(chunk));
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.terminate());
    socket.on("close", () => tcp.end());
    socket.on("error", () => tcp.destroy());
  });

  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("The WebSocket proxy has no port.");
  const port = address.port;
  return {
    port,
    get connections() {
      return connections;
    },
    neonConfig: {
      wsProxy: () => `127.0.0.1:${port}/v1`,
      useSecureWebSocket: false,
      pipelineTLS: false,
      pipelineConnect: false,
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
