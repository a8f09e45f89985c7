import { receiveStripeWebhook } from "@orylo/core";
import { limitSignatureAbuse } from "@/server/http/rate-limit";
import { readBody } from "@/server/http/read-body";
import { route } from "@/server/http/route";
import { webhookResponse } from "@/server/http/webhook-response";

// POST /api/webhooks/stripe — receive Stripe events of the platform account and of Connect accounts
export const POST = route({ type: "webhook", source: "stripe" }, async (ctx, request, _params, runtime) => {
  const receipt = await runtime.webhookAdmission.run(() =>
    limitSignatureAbuse(ctx, runtime, request, { id: "shared", organizationId: null }, async () =>
      receiveStripeWebhook(ctx, {
        rawBody: await readBody(request),
        signature: request.headers.get("stripe-signature"),
        route: runtime.sharedWebhookRoute,
      }),
    ),
  );
  return webhookResponse(receipt);
});
