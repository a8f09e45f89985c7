import { ApplyRecommendationInput, applyRecommendation } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/recommendations/{id}/apply — create its rule (shadow by default, or enforced)
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  return Response.json(await applyRecommendation(ctx, id, await readJson(request, ApplyRecommendationInput)));
});
