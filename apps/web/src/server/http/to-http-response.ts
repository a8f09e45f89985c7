import { type ErrorCode, OryloError } from "@orylo/core";
import type { Logger } from "@orylo/platform";
import { ZodError, z } from "zod";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_request: 400,
  invalid_signature: 400,
  invalid_rule: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 500,
  overloaded: 503,
  ai_unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: Record<string, unknown> };
}

export function toHttpResponse(error: unknown, context: { requestId: string; logger: Logger }): Response {
  const { status, error: body } = toErrorBody(error, context);
  const response = errorResponse(status, body);
  const retryAfter = body.details?.retryAfterSeconds;
  if (typeof retryAfter === "number") response.headers.set("retry-after", String(retryAfter));
  return response;
}

/**
 * The one place errors become a status and a body (route handlers answer them as HTTP, server actions
 * return them): known codes keep their message, invalid input says what was wrong, anything else is a 500
 * that names the request id (for the logs) and never the stack.
 */
export function toErrorBody(
  error: unknown,
  { requestId, logger }: { requestId: string; logger: Logger },
): { status: number } & ErrorBody {
  const known = asOryloError(error);
  if (known) {
    const error = known;
    const status = STATUS_BY_CODE[error.code];
    if (status >= 500) logger.error({ err: error }, error.message);
    const details = Object.keys(error.details).length > 0 ? { ...error.details } : undefined;
    return {
      status,
      error: { code: error.code, message: error.message, requestId, ...(details ? { details } : {}) },
    };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      error: {
        code: "invalid_request",
        message: z.prettifyError(error),
        requestId,
        details: { issues: error.issues },
      },
    };
  }
  logger.error({ err: error }, "unhandled error");
  return {
    status: 500,
    error: {
      code: "internal_error",
      message: `Something went wrong on our side. Quote request id ${requestId} to support.`,
      requestId,
    },
  };
}

/**
 * Next.js loads instrumentation and route handlers as separate module instances: the runtime, booted by
 * instrumentation, holds objects built from its own copy of core, and what they throw (the webhook admission's
 * `overloaded`) is an OryloError of that copy, which `instanceof` does not recognize. Its shape and its code do.
 */
function asOryloError(error: unknown): OryloError | null {
  if (error instanceof OryloError) return error;
  if (!(error instanceof Error)) return null;
  const { code, details, retryable } = error as Partial<OryloError>;
  const shaped = typeof code === "string" && Object.hasOwn(STATUS_BY_CODE, code);
  return shaped && typeof details === "object" && typeof retryable === "boolean"
    ? (error as OryloError)
    : null;
}

export function errorResponse(status: number, error: ErrorBody["error"]): Response {
  const body: ErrorBody = { error };
  return Response.json(body, { status, headers: { "x-request-id": error.requestId } });
}
