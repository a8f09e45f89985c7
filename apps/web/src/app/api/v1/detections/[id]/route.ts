import { getDetection } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/detections/{id} — one detection: decision, score, detector contributions, rule hits, signals
export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return Response.json(await getDetection(ctx, id));
});
