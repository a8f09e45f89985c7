import { getStripeConnection } from "@orylo/core";
import { memberRoute } from "@/server/http/route";

// GET /api/stripe/connection — how the organization reaches Stripe, and its history import's progress
export const GET = memberRoute("read", async (ctx, _request, _params, runtime) => {
  return Response.json(await getStripeConnection(ctx, runtime.stripe));
});
