import { getRecommendation } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/recommendations/{id} — one recommendation, with its rule's effectiveness once applied
export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return Response.json(await getRecommendation(ctx, id));
});
