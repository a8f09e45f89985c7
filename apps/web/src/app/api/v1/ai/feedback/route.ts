import { AiFeedbackQuery, getAiFeedback } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/ai/feedback — acceptance of AI proposals by kind and by prompt version (A/B), over `days` days
export const GET = apiRoute(async (ctx, request) => {
  const query = AiFeedbackQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await getAiFeedback(ctx, query));
});
