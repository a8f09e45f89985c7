import { ListRecommendationsQuery, listRecommendations } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/recommendations — rules recommended from the organization's patterns, each with its 90-day backtest
export const GET = apiRoute(async (ctx, request) => {
  const query = ListRecommendationsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listRecommendations(ctx, query));
});
