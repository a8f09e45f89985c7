import { RejectSuggestionInput, rejectSuggestion } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/suggestions/{id}/reject — turn a suggestion down, with a reason
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const input = await readJson(request, RejectSuggestionInput);
  return Response.json(await rejectSuggestion(ctx, id, input));
});
