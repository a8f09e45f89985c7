import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface TriggerCall {
  taskId: string;
  payload: unknown;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
}

export interface FakeTriggerDev {
  url: string;
  /** Every trigger request received, in order (including ones answered from the idempotency cache). */
  calls: TriggerCall[];
  /** Distinct runs created: one per idempotency key, as Trigger.dev does. */
  runs: Map<string, string>;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

/** The SDK sends the payload as a superjson string (`{"json": …}`); tests want the value back. */
function decodePayload(payload: unknown): unknown {
  if (typeof payload !== "string") return payload;
  const parsed = JSON.parse(payload) as { json?: unknown };
  return parsed.json ?? parsed;
}

/**
 * The part of Trigger.dev's API that `tasks.trigger` calls (`POST /api/v1/tasks/{id}/trigger`), for the real
 * SDK pointed at it with `configure({ baseURL, accessToken })`. Same idempotency key → same run, `isCached`.
 */
export async function startFakeTriggerDev(): Promise<FakeTriggerDev> {
  const calls: TriggerCall[] = [];
  const runs = new Map<string, string>();
  const server = createServer(async (request, response) => {
    const match = request.url?.match(/^\/api\/v1\/tasks\/([^/]+)\/trigger$/);
    if (request.method !== "POST" || !match?.[1]) {
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    const body = await readJson(request);
    const options = (body.options ?? {}) as { idempotencyKey?: string };
    const taskId = decodeURIComponent(match[1]);
    calls.push({
      taskId,
      payload: decodePayload(body.payload),
      idempotencyKey: options.idempotencyKey,
      authorization: request.headers.authorization,
    });
    const key = options.idempotencyKey ?? `no-key-${calls.length}`;
    const cached = runs.has(key);
    if (!cached) runs.set(key, `run_${runs.size + 1}`);
    response
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ id: runs.get(key), isCached: cached }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    runs,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
