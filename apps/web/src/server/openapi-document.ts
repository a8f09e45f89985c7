import { DetectionDetail, DetectionList, ListDetectionsQuery, Readiness, WebhookReceipt } from "@orylo/core";
import { z } from "zod";
import { createDocument } from "zod-openapi";

const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "invalid_request" }),
      message: z.string(),
      requestId: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "Error" });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const errors = {
  400: json(ErrorBody, "Invalid input: the message says what was wrong."),
  401: json(ErrorBody, "Missing or invalid API key."),
  404: json(ErrorBody, "No such object in this organization."),
};

/** API v1 as OpenAPI 3.1, generated from the same zod schemas that validate requests and shape responses. */
export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Orylo API",
      version: "1.0.0",
      description:
        "Fraud decisions for Stripe payments. Authenticate with `Authorization: Bearer ork_…`. Amounts are integer minor units with their `currency`.",
    },
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", bearerFormat: "ork_…" } } },
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/detections": {
        get: {
          summary: "List detections, newest first",
          requestParams: { query: ListDetectionsQuery },
          responses: { 200: json(DetectionList.meta({ id: "DetectionList" }), "One page."), ...errors },
        },
      },
      "/api/v1/detections/{id}": {
        get: {
          summary: "One detection with its signals, detector contributions and rule hits",
          requestParams: { path: z.object({ id: z.string().meta({ example: "det_…" }) }) },
          responses: {
            200: json(DetectionDetail.meta({ id: "DetectionDetail" }), "The detection."),
            ...errors,
          },
        },
      },
      "/api/webhooks/stripe": {
        post: {
          summary: "Stripe webhook endpoint (platform and Connect events)",
          security: [],
          description:
            "Signed by Stripe (`Stripe-Signature`). The event is stored before any processing; a poison event is answered 200 with status `dead`.",
          responses: {
            200: json(WebhookReceipt.meta({ id: "WebhookReceipt" }), "Stored (and processed)."),
            400: errors[400],
            500: json(ErrorBody, "Transient failure: the event is kept and Stripe redelivers it."),
          },
        },
      },
      "/api/health/ready": {
        get: {
          summary: "Readiness: the database answers",
          security: [],
          responses: {
            200: json(Readiness.meta({ id: "Readiness" }), "Ready."),
            503: json(Readiness, "Not ready."),
          },
        },
      },
    },
  });
}
