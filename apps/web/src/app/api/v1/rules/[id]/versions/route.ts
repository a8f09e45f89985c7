import { listRuleVersions } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/rules/{id}/versions — every saved version, newest first, with the fields each changed
export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return Response.json(await listRuleVersions(ctx, id));
});
