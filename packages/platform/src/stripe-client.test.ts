import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStripeClient } from "./stripe-client";

// A few lines of Stripe's wire format are enough here; the full fake Stripe server lives in testkit.
const seen: { method?: string; url?: string; headers: IncomingHttpHeaders }[] = [];
let status = 200;
const server = createServer((req, res) => {
  seen.push({ method: req.method, url: req.url, headers: req.headers });
  res.writeHead(status, { "content-type": "application/json", "request-id": "req_test" });
  res.end(
    status === 200
      ? JSON.stringify({ id: "pi_123", object: "payment_intent", status: "canceled" })
      : JSON.stringify({ error: { type: "invalid_request_error", message: "No such payment_intent" } }),
  );
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = (secretKey: string | null) => ({
  stripe: {
    secretKey,
    webhookSecrets: [],
    connectWebhookSecrets: [],
    connectClientId: null,
    actionsEnabled: true,
  },
});
const local = { host: "127.0.0.1", protocol: "http" as const, maxNetworkRetries: 0 };

describe("createStripeClient", () => {
  it("returns null in dry-run mode", () => {
    expect(createStripeClient(config(null))).toBeNull();
  });

  it("calls the API with the configured key, without telemetry", async () => {
    const stripe = createStripeClient(config("sk_test_platform"), { ...local, port });
    await stripe!.paymentIntents.retrieve("pi_123");
    const intent = await stripe!.paymentIntents.cancel("pi_123");
    expect(intent.status).toBe("canceled");
    const request = seen.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/v1/payment_intents/pi_123/cancel");
    expect(request.headers.authorization).toBe("Bearer sk_test_platform");
    expect(request.headers["x-stripe-client-telemetry"]).toBeUndefined();
  });

  it("uses a merchant's key when given one and surfaces Stripe errors", async () => {
    status = 404;
    const stripe = createStripeClient(config(null), {
      ...local,
      port,
      apiKey: "rk_test_merchant",
    });
    await expect(stripe!.paymentIntents.retrieve("pi_missing")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
    });
    expect(seen.at(-1)!.headers.authorization).toBe("Bearer rk_test_merchant");
    status = 200;
  });
});
