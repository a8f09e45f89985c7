import { disconnectStripe } from "@orylo/core";
import { memberRoute } from "@/server/http/route";

// POST /api/stripe/disconnect — stop processing (Connect: deauthorize at Stripe); history is kept (owner or admin)
export const POST = memberRoute("configure", async (ctx, _request, _params, runtime) => {
  return Response.json(await disconnectStripe(ctx, runtime.stripe));
});
