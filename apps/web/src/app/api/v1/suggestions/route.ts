import { ListSuggestionsQuery, listSuggestions } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/suggestions — whitelist and blacklist suggestions, newest first (pending by default), paginated
export const GET = apiRoute(async (ctx, request) => {
  const query = ListSuggestionsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listSuggestions(ctx, query));
});
