import { receiveStripeWebhook, resolveWebhookEndpoint } from "@orylo/core";
import { limitSignatureAbuse } from "@/server/http/rate-limit";
import { readBody } from "@/server/http/read-body";
import { route } from "@/server/http/route";
import { webhookResponse } from "@/server/http/webhook-response";

// POST /api/webhooks/stripe/{endpointId} — receive Stripe events on a merchant's own endpoint
export const POST = route<{ endpointId: string }>(
  { type: "webhook", source: "stripe" },
  async (ctx, request, { endpointId }, runtime) => {
    const receipt = await runtime.webhookAdmission.run(async () => {
      const endpoint = await resolveWebhookEndpoint(ctx, endpointId, runtime.decryptSecret);
      return limitSignatureAbuse(
        ctx,
        runtime,
        request,
        { id: endpointId, organizationId: endpoint.organizationId },
        async () =>
          receiveStripeWebhook(ctx, {
            rawBody: await readBody(request),
            signature: request.headers.get("stripe-signature"),
            route: endpoint,
          }),
      );
    });
    return webhookResponse(receipt);
  },
);
