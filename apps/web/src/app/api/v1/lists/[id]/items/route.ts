import { AddListItemsInput, addListItems } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/lists/{id}/items — add values (normalized for the list's kind), each with an optional expiry
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const input = await readJson(request, AddListItemsInput);
  return Response.json(await addListItems(ctx, id, input), { status: 201 });
});
