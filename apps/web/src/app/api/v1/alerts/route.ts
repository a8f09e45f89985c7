import { ListAlertsQuery, listAlertsPage } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/alerts — the organization's incidents, most recently opened first, with open/resolved counts
export const GET = apiRoute(async (ctx, request) => {
  const query = ListAlertsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listAlertsPage(ctx, query));
});
