import { type Ctx, countSignatureFailure, InvalidSignatureError, RateLimitedError } from "@orylo/core";
import type { RateLimitPolicyName, RateLimitScope } from "@orylo/platform";
import type { Runtime } from "../runtime";
import { afterResponse } from "./after-response";

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
 * delivery is never limited. Past the limit, a bad signature gets 429 instead of 400. Each failure is also
 * counted per endpoint for the signature-failure alert, after the response, so the 400 does not wait for it.
 */
export async function limitSignatureAbuse<T>(
  ctx: Ctx,
  runtime: Runtime,
  request: Request,
  endpoint: { id: string; organizationId: string | null },
  receive: () => Promise<T>,
): Promise<T> {
  try {
    return await receive();
  } catch (error) {
    if (error instanceof InvalidSignatureError) {
      await afterResponse(
        async () => {
          await countSignatureFailure(ctx, runtime.cache, {
            endpoint: endpoint.id,
            organizationId: endpoint.organizationId,
          });
        },
        (countError) => ctx.logger.warn({ err: countError }, "signature failure not counted"),
      );
      await enforceRateLimit(runtime, "webhookAbuse", { ip: clientIp(request) }, endpoint.id);
    }
    throw error;
  }
}
