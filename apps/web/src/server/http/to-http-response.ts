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
};

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: Record<string, unknown> };
}

/**
 * The one place errors become HTTP: known codes keep their message, invalid input says what was wrong,
 * anything else is a 500 that names the request id (for the logs) and never the stack.
 */
export function toHttpResponse(error: unknown, { requestId, logger }: { requestId: string; logger: Logger }) {
  if (error instanceof OryloError) {
    const status = STATUS_BY_CODE[error.code];
    if (status >= 500) logger.error({ err: error }, error.message);
    const details = Object.keys(error.details).length > 0 ? { ...error.details } : undefined;
    const response = errorResponse(status, {
      code: error.code,
      message: error.message,
      requestId,
      ...(details ? { details } : {}),
    });
    const retryAfter = error.details.retryAfterSeconds;
    if (typeof retryAfter === "number") response.headers.set("retry-after", String(retryAfter));
    return response;
  }
  if (error instanceof ZodError) {
    return errorResponse(400, {
      code: "invalid_request",
      message: z.prettifyError(error),
      requestId,
      details: { issues: error.issues },
    });
  }
  logger.error({ err: error }, "unhandled error");
  return errorResponse(500, {
    code: "internal_error",
    message: `Something went wrong on our side. Quote request id ${requestId} to support.`,
    requestId,
  });
}

export function errorResponse(status: number, error: ErrorBody["error"]): Response {
  const body: ErrorBody = { error };
  return Response.json(body, { status, headers: { "x-request-id": error.requestId } });
}
