import { AppError } from "@orylo/platform";

/**
 * Errors use cases throw, each with a stable `code`; the web app maps codes to HTTP statuses in one place
 * (`apps/web/src/server/http/to-http-response.ts`). Never match on messages.
 */
export type ErrorCode =
  | "invalid_request"
  | "invalid_signature"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid_rule"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable"
  | "overloaded"
  | "ai_unavailable";

export class OryloError extends AppError<ErrorCode> {}

export class InvalidRequestError extends OryloError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("invalid_request", message, details ? { details } : {});
  }
}

export class InvalidSignatureError extends OryloError {
  constructor(message: string) {
    super("invalid_signature", message);
  }
}

export class UnauthorizedError extends OryloError {
  constructor(message = "A valid API key is required: `Authorization: Bearer ork_…`.") {
    super("unauthorized", message);
  }
}

/** The caller is known but its role does not allow this. */
export class ForbiddenError extends OryloError {
  constructor(message: string) {
    super("forbidden", message);
  }
}

export class NotFoundError extends OryloError {
  constructor(what: string, id: string) {
    super("not_found", `No ${what} ${id} in this organization.`, { details: { id } });
  }
}

/** A dependency (database, network) failed in a way a retry may fix: Stripe gets a 5xx and redelivers. */
export class UnavailableError extends OryloError {
  constructor(message: string, cause?: unknown) {
    super("unavailable", message, { retryable: true, cause });
  }
}

/** Too much work queued to take this request now; nothing of it was stored. `Retry-After` says when to retry. */
export class OverloadedError extends OryloError {
  constructor(retryAfterSeconds: number) {
    super("overloaded", "Too many requests are waiting for the database; nothing was stored, retry later.", {
      retryable: true,
      details: { retryAfterSeconds },
    });
  }
}

export class PayloadTooLargeError extends OryloError {
  constructor(maxBytes: number) {
    super("payload_too_large", `The body is larger than ${maxBytes} bytes.`, { details: { maxBytes } });
  }
}

export class ConflictError extends OryloError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("conflict", message, details ? { details } : {});
  }
}

/** Rule text that does not compile: `details.errors` lists each error with its line, column and suggestion. */
export class InvalidRuleError extends OryloError {
  constructor(errors: readonly Record<string, unknown>[]) {
    const first = errors[0]?.message;
    super("invalid_rule", typeof first === "string" ? first : "The rule does not compile.", {
      details: { errors },
    });
  }
}

/** A rate-limit policy refused the call: retry after `details.retryAfterSeconds` (HTTP 429 + Retry-After). */
export class RateLimitedError extends OryloError {
  constructor(retryAfterSeconds: number) {
    super("rate_limited", `Too many requests: retry in ${retryAfterSeconds} s.`, {
      details: { retryAfterSeconds },
    });
  }
}

/** The API key is valid but lacks the scope the call needs (HTTP 403). */
export class MissingScopeError extends OryloError {
  constructor(scope: string) {
    super("forbidden", `This API key lacks the \`${scope}\` scope.`, { details: { scope } });
  }
}

/** No LLM is configured (AI_ENABLED=false, no key), or none answered: a feature that needs one says so (503). */
export class AiUnavailableError extends OryloError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("ai_unavailable", message, details ? { details } : {});
  }
}
