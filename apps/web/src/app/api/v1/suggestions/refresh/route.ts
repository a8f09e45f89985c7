import { RequestSuggestionsInput, requestSuggestions } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/suggestions/refresh — queue customers.suggest for this organization and these kinds now
export const POST = apiRoute(async (ctx, request) => {
  const input = await readJson(request, RequestSuggestionsInput);
  return Response.json(await requestSuggestions(ctx, input), { status: 202 });
});
