import { ListJobsQuery, listJobs } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/jobs — the organization's background task runs (status, attempts, last error), newest first
export const GET = apiRoute(async (ctx, request) => {
  const query = ListJobsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listJobs(ctx, ctx.organizationId, query));
});
