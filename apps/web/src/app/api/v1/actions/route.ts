import { ListStripeActionsQuery, listStripeActionsPage } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/actions — what Orylo did (or would have done, as dry runs) on Stripe, newest first
export const GET = apiRoute(async (ctx, request) => {
  const query = ListStripeActionsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listStripeActionsPage(ctx, query));
});
