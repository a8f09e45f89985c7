import { removeListItem } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// DELETE /api/v1/lists/{id}/items/{value} — remove one value (URL-encoded) from a list
export const DELETE = apiRoute<{ id: string; value: string }>(async (ctx, _request, { id, value }) => {
  await removeListItem(ctx, id, value);
  return new Response(null, { status: 204 });
});
