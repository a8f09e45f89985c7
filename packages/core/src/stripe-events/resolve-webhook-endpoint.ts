import { findWebhookEndpointWithSecrets } from "@orylo/db";
import type { Ctx } from "../context";
import { NotFoundError } from "../errors";
import type { WebhookRoute } from "./receive-stripe-webhook";

/**
 * A merchant's own endpoint: its organization and the signing secrets Stripe generated for it, decrypted.
 * An unknown or disabled endpoint is a 404, before any signature check.
 */
export async function resolveWebhookEndpoint(
  ctx: Ctx,
  endpointId: string,
  decrypt: (ciphertext: string) => string,
): Promise<Extract<WebhookRoute, { kind: "endpoint" }>> {
  const endpoint = await findWebhookEndpointWithSecrets(ctx.db, endpointId, ctx.now());
  if (!endpoint) throw new NotFoundError("webhook endpoint", endpointId);
  return {
    kind: "endpoint",
    endpointId,
    organizationId: endpoint.organizationId,
    secrets: endpoint.secretCiphertexts.map(decrypt),
  };
}
