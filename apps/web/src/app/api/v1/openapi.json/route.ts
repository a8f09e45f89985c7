import { openApiDocument } from "@/server/openapi-document";

// GET /api/v1/openapi.json — the API v1 contract, generated from its zod schemas
export function GET() {
  return Response.json(openApiDocument());
}
