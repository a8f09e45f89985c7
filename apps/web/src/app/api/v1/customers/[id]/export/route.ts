import { exportCustomerData } from "@orylo/core";
import { apiRoute } from "@/server/http/route";

// GET /api/v1/customers/{id}/export — GDPR access: everything stored about one customer, as JSON
export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) =>
  Response.json(await exportCustomerData(ctx, id)),
);
