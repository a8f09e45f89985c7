import { CreateListInput, createList, listLists } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/lists — create a named list that rules read as @name
export const POST = apiRoute(async (ctx, request) => {
  const input = await readJson(request, CreateListInput);
  return Response.json(await createList(ctx, input), { status: 201 });
});

// GET /api/v1/lists — the organization's lists with their item counts
export const GET = apiRoute(async (ctx) => {
  return Response.json(await listLists(ctx));
});
