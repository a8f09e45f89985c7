import { getStripeConnection } from "@orylo/core";
import { sessionRoute } from "@/server/http/route";

// GET /api/stripe/connection — how the organization reaches Stripe, and its history import's progress
export const GET = sessionRoute(async (ctx, identity, _request, _params, runtime) => {
  return Response.json(await getStripeConnection(ctx, runtime.stripe, identity));
});
