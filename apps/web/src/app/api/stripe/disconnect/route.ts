import { disconnectStripe } from "@orylo/core";
import { sessionRoute } from "@/server/http/route";

// POST /api/stripe/disconnect — stop processing (Connect: deauthorize at Stripe); history is kept (owner or admin)
export const POST = sessionRoute(async (ctx, identity, _request, _params, runtime) => {
  return Response.json(await disconnectStripe(ctx, runtime.stripe, identity));
});
