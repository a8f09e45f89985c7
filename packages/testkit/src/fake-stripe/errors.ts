/** An error answered in Stripe's wire format: `{ "error": { type, code?, message, param? } }` and its status. */
export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.error === "object" ? String((body.error as { message?: unknown }).message) : "error");
  }
}

const apiError = (status: number, error: Record<string, unknown>) => new FakeStripeError(status, { error });

/** Masks a key as Stripe does in its messages. */
const masked = (key: string) => `${key.slice(0, 8)}***${key.slice(-4)}`;

export const stripeErrors = {
  missing: (what: string, id: string, param = "id") =>
    apiError(404, {
      type: "invalid_request_error",
      code: "resource_missing",
      message: `No such ${what}: '${id}'`,
      param,
    }),
  invalid: (message: string, code?: string, param?: string) =>
    apiError(400, {
      type: "invalid_request_error",
      message,
      ...(code ? { code } : {}),
      ...(param ? { param } : {}),
    }),
  card: (message: string, code: string) => apiError(402, { type: "card_error", code, message }),
  authentication: (key: string) =>
    apiError(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${masked(key)}` }),
  permission: (key: string, account: string, permission: string) =>
    apiError(403, {
      type: "invalid_request_error",
      message: `The provided key '${masked(key)}' does not have the required permissions for this endpoint on account '${account}'. Having the '${permission}' permission would allow this request to continue.`,
    }),
  rateLimit: () =>
    apiError(429, {
      type: "invalid_request_error",
      code: "rate_limit",
      message:
        "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
    }),
  server: () => apiError(500, { type: "api_error", message: "An unknown error occurred" }),
  idempotency: (key: string) =>
    apiError(400, {
      type: "idempotency_error",
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    }),
  /** OAuth endpoints answer in OAuth's shape, not the API's. */
  oauth: (error: string, description: string) =>
    new FakeStripeError(400, { error, error_description: description }),
};
