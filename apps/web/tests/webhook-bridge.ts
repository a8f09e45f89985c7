import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as postToEndpoint } from "@/app/api/webhooks/stripe/[endpointId]/route";
import { POST as postShared } from "@/app/api/webhooks/stripe/route";

const ENDPOINT = /^\/api\/webhooks\/stripe(?:\/([^/?]+))?$/;

/**
 * A real HTTP server in front of the two webhook route handlers, for code that delivers over HTTP (the
 * onboarding's test event): boot the runtime with `ORYLO_PUBLIC_URL` = its url. Anything else is a 404.
 */
export async function startWebhookBridge(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const match = ENDPOINT.exec(incoming.url ?? "");
    if (incoming.method !== "POST" || !match) {
      outgoing.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers))
      if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://localhost${incoming.url}`, {
      method: "POST",
      headers,
      body: Buffer.concat(chunks),
    });
    const endpointId = match[1];
    const response = endpointId
      ? await postToEndpoint(request, { params: Promise.resolve({ endpointId }) })
      : await postShared(request, { params: Promise.resolve({}) });
    outgoing.writeHead(response.status, { "content-type": "application/json" });
    outgoing.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
