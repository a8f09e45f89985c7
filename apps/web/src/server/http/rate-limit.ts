import { InvalidSignatureError, RateLimitedError } from "@orylo/core";
import type { RateLimitPolicyName, RateLimitScope } from "@orylo/platform";
import type { Runtime } from "../runtime";

/**
 * The caller's address as the hosting proxy reports it (Vercel and most proxies set `x-forwarded-for`; the
 * first entry is the client). Without a proxy the header is the client's word: only anonymous limits use it.
 */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
}

/** Counts one call under a policy of the table; over the limit → `RateLimitedError` (429 + Retry-After). */
export async function enforceRateLimit(
  runtime: Runtime,
  name: RateLimitPolicyName,
  scope: RateLimitScope,
  key: string,
): Promise<void> {
  const decision = await runtime.rateLimits.check(name, scope, key);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
}

/**
 * Webhook abuse: only deliveries whose signature fails are counted, per IP and endpoint, so a valid Stripe
 * delivery is never limited. Past the limit, a bad signature gets 429 instead of 400.
 */
export async function limitSignatureAbuse<T>(
  runtime: Runtime,
  request: Request,
  endpoint: string,
  receive: () => Promise<T>,
): Promise<T> {
  try {
    return await receive();
  } catch (error) {
    if (error instanceof InvalidSignatureError) {
      await enforceRateLimit(runtime, "webhookAbuse", { ip: clientIp(request) }, endpoint);
    }
    throw error;
  }
}
