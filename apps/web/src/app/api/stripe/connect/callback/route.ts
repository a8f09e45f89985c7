import { ConnectCallbackQuery, completeStripeConnect } from "@orylo/core";
import { sessionRoute } from "@/server/http/route";

// GET /api/stripe/connect/callback — Stripe's OAuth redirect: checks state, session and role, stores the connection
export const GET = sessionRoute(async (ctx, identity, request, _params, runtime) => {
  const query = ConnectCallbackQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { stripeAccountId } = await completeStripeConnect(ctx, runtime.stripe, { identity, query });
  const settings = new URL("/settings", runtime.config.publicUrl);
  settings.searchParams.set("stripe", "connected");
  settings.searchParams.set("account", stripeAccountId);
  // Not Response.redirect: its headers are immutable, and every response gets its request id.
  return new Response(null, { status: 303, headers: { location: settings.toString() } });
});
