import { startStripeConnect } from "@orylo/core";
import { sessionRoute } from "@/server/http/route";

// POST /api/stripe/connect — start Connect OAuth: {url} of Stripe's authorization page (owner or admin)
export const POST = sessionRoute(async (ctx, identity, _request, _params, runtime) => {
  return Response.json(
    await startStripeConnect(ctx, runtime.stripe, { identity, publicUrl: runtime.config.publicUrl }),
  );
});
