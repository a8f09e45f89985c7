import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { deliverStripeEvent } from "./deliver-stripe-event";

const SECRET = "whsec_deliver_test";
let server: Server | undefined;
afterEach(() => server?.close());

/** A webhook that sheds `shed` deliveries with 503 + Retry-After: 1, then accepts; it checks each signature. */
async function webhook(shed: number) {
  const received: { status: number; verified: boolean }[] = [];
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", async () => {
      const signature = String(request.headers["stripe-signature"]);
      const verified = await Stripe.webhooks
        .constructEventAsync(body, signature, SECRET)
        .then(() => true)
        .catch(() => false);
      const status = received.length < shed ? 503 : 200;
      received.push({ status, verified });
      response.writeHead(status, status === 503 ? { "retry-after": "1" } : {}).end("{}");
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received };
}

const payload = JSON.stringify({ id: "evt_deliver", object: "event", type: "charge.succeeded" });

describe("deliverStripeEvent", () => {
  it("delivers again after Retry-After when shed with 503, signed each time, like Stripe", async () => {
    const { url, received } = await webhook(2);
    const started = Date.now();
    const response = await deliverStripeEvent(url, payload, SECRET);
    expect(response.status).toBe(200);
    expect(received).toEqual([
      { status: 503, verified: true },
      { status: 503, verified: true },
      { status: 200, verified: true },
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it("gives the last 503 back once its attempts are spent", async () => {
    const { url, received } = await webhook(5);
    const response = await deliverStripeEvent(url, payload, SECRET, { attempts: 2 });
    expect(response.status).toBe(503);
    expect(received).toHaveLength(2);
  });
});
