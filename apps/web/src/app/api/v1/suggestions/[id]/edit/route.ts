import { EditSuggestionInput, editSuggestion } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/suggestions/{id}/edit — change the value and/or set an expiry, then apply it
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const input = await readJson(request, EditSuggestionInput);
  return Response.json(await editSuggestion(ctx, id, input));
});
