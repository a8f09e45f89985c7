import { RejectRecommendationInput, rejectRecommendation } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/recommendations/{id}/reject — reject it with a reason; it is not proposed again
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  return Response.json(
    await rejectRecommendation(ctx, id, await readJson(request, RejectRecommendationInput)),
  );
});
