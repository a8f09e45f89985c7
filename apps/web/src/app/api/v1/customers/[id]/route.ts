import { eraseCustomerData } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// DELETE /api/v1/customers/{id} — GDPR erasure of one customer (Stripe customer id or customer key); idempotent
export const DELETE = apiRoute<{ id: string }>(async (ctx, _request, { id }) =>
  Response.json(await eraseCustomerData(ctx, id)),
);
