import { getAiUsage } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/ai/usage — this month's AI usage ledger (calls, tokens, cost, cache hit rate) against the budget
export const GET = apiRoute(async (ctx) => {
  return Response.json(await getAiUsage(ctx));
});
