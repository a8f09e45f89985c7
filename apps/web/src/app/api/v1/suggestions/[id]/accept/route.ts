import { acceptSuggestion } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/suggestions/{id}/accept — put the suggested value on its allow or block list
export const POST = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return Response.json(await acceptSuggestion(ctx, id));
});
