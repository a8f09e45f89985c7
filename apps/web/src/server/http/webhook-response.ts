import type { WebhookReceipt } from "@orylo/core";

/**
 * The 2xx Stripe gets for a delivery. Never cached, and `no-transform` keeps `next start`'s compression off it:
 * gzip opened a zlib stream for each ~100-byte answer, about 4 % of the app's CPU under load (docs/performance.md).
 */
export function webhookResponse(receipt: WebhookReceipt): Response {
  return Response.json(receipt, { headers: { "cache-control": "no-store, no-transform" } });
}
