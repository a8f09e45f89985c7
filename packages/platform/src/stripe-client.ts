import Stripe from "stripe";
import type { Config } from "./config";

export type StripeClientOverrides = {
  /** A connected merchant's own (restricted) key instead of STRIPE_SECRET_KEY. */
  apiKey?: string;
  /** Tests point the real SDK at a local HTTP server. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  maxNetworkRetries?: number;
  timeoutMs?: number;
};

/**
 * The real Stripe SDK, or null in dry-run mode (no STRIPE_SECRET_KEY and no key given): callers record
 * "would cancel/refund" and never pretend it was done. ORYLO_ACTIONS_ENABLED is checked by the action
 * use cases, not here, since reads (backfill, webhook endpoints) still need a client.
 */
export function createStripeClient(
  config: Pick<Config, "stripe">,
  overrides: StripeClientOverrides = {},
): Stripe | null {
  const apiKey = overrides.apiKey ?? config.stripe.secretKey;
  if (!apiKey) return null;
  return new Stripe(apiKey, {
    maxNetworkRetries: overrides.maxNetworkRetries ?? 2,
    timeout: overrides.timeoutMs ?? 20_000,
    telemetry: false,
    appInfo: { name: "Orylo" },
    ...(overrides.host ? { host: overrides.host } : {}),
    ...(overrides.port ? { port: overrides.port } : {}),
    ...(overrides.protocol ? { protocol: overrides.protocol } : {}),
  });
}
