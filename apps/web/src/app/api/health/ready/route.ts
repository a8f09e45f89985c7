import { checkReadiness } from "@orylo/core";
import { route } from "@/server/http/route";

// GET /api/health/ready — readiness: the database is required, other backends are reported as degraded
export const GET = route(
  { type: "system", task: "health.ready" },
  async (ctx, _request, _params, runtime) => {
    const readiness = await checkReadiness(ctx, runtime.backends);
    return Response.json(readiness, { status: readiness.status === "unavailable" ? 503 : 200 });
  },
);
