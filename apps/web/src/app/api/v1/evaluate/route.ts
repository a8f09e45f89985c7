import { EvaluatePaymentInput, evaluatePayment } from "@orylo/core";
import { readJson } from "@/server/http/read-json";
import { apiRoute } from "@/server/http/route";

// POST /api/v1/evaluate — score a payment before it is confirmed: {decision, riskScore, requires3ds, detectionId}
export const POST = apiRoute(
  async (ctx, request) => {
    const startedAt = performance.now();
    const input = await readJson(request, EvaluatePaymentInput);
    const { replayed, ...evaluation } = await evaluatePayment(ctx, input, {
      idempotencyKey: request.headers.get("idempotency-key"),
      startedAt,
    });
    return Response.json(evaluation, { headers: replayed ? { "idempotent-replayed": "true" } : {} });
  },
  { scope: "evaluate" },
);
