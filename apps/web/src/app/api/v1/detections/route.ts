import { ListDetectionsQuery, listDetectionsPage } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/detections — the organization's detections, newest first, filtered, paginated by cursor
export const GET = apiRoute(async (ctx, request) => {
  const query = ListDetectionsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listDetectionsPage(ctx, query));
});
