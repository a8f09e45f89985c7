import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

/** One event as posthog-node sends it (`/batch/` items). */
export type PostHogEvent = {
  event: string;
  distinct_id: string;
  properties: Record<string, unknown>;
  timestamp?: string;
  type?: string;
  [key: string]: unknown;
};

export type FakePostHog = {
  url: string;
  /** Requests to the capture endpoints, with their decoded bodies. */
  requests: { path: string; apiKey: string | undefined; body: unknown }[];
  events: PostHogEvent[];
  /** Resolves once at least `count` events arrived. */
  waitForEvents(count: number, timeoutMs?: number): Promise<PostHogEvent[]>;
  close(): Promise<void>;
};

const CAPTURE_PATHS = ["/batch/", "/batch", "/capture/", "/capture", "/e/", "/e", "/i/v0/e/", "/i/v0/e"];

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A local PostHog ingestion endpoint for the real posthog-node SDK (`host: fake.url`). */
export async function startFakePostHog(): Promise<FakePostHog> {
  const requests: FakePostHog["requests"] = [];
  const events: PostHogEvent[] = [];
  const waiters = new Set<() => void>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const raw = await readBody(req);
    const gzip =
      req.headers["content-encoding"] === "gzip" || url.searchParams.get("compression") === "gzip-js";
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (url.pathname.startsWith("/flags") || url.pathname.startsWith("/decide")) {
      return send(200, {
        flags: {},
        featureFlags: {},
        featureFlagPayloads: {},
        errorsWhileComputingFlags: false,
      });
    }
    if (req.method !== "POST" || !CAPTURE_PATHS.includes(url.pathname))
      return send(404, { error: "not found" });
    let body: { api_key?: string; batch?: PostHogEvent[] } & Partial<PostHogEvent>;
    try {
      body = JSON.parse((gzip ? gunzipSync(raw) : raw).toString("utf8"));
    } catch {
      return send(400, { type: "validation_error", detail: "malformed JSON" });
    }
    requests.push({ path: url.pathname, apiKey: body.api_key, body });
    if (Array.isArray(body.batch)) events.push(...body.batch);
    else if (typeof body.event === "string") events.push(body as PostHogEvent);
    for (const wake of waiters) wake();
    send(200, { status: 1 });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "server_error", detail: (error as Error).message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    events,
    waitForEvents(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events.length < count) return;
          cleanup();
          resolve(events.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Fake PostHog received ${events.length} of ${count} events`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
