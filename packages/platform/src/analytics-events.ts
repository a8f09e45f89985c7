import type { Analytics } from "./analytics";

export type RuleOrigin = "merchant" | "recommendation" | "draft";
export type ListingOrigin = "merchant" | "suggestion" | "automatic";

/**
 * Every product analytics event and its properties: counts, codes and flags, never personal data. Other
 * features add their events here; `track` accepts nothing else.
 */
export interface AnalyticsEventProperties {
  /** An explanation was written: by an LLM (with its tokens and latency), the structure cache or templates. */
  ai_explanation_generated: {
    status: "ready" | "fallback";
    source: "llm" | "template";
    provider: string;
    model: string;
    input_tokens: number;
    output_tokens: number;
    latency_ms: number;
    cache_hit: boolean;
  };
  /** A merchant answered an AI proposal of `kind`; `modified` is an edit, then applied. */
  ai_suggestion_action: { action: "accepted" | "rejected" | "modified"; kind: string };
  /** A rule was saved enabled: from the editor, a recommendation or a natural-language draft. */
  rule_applied: { rule_id: string; shadow: boolean; origin: RuleOrigin };
  /** A known customer was put on a block list: by the merchant, an accepted suggestion or Orylo itself. */
  customer_blocked: { origin: ListingOrigin };
  customer_whitelisted: { origin: ListingOrigin };
  stripe_connected: { method: "oauth" | "restricted_key" };
}

export const ANALYTICS_EVENTS = [
  "ai_explanation_generated",
  "ai_suggestion_action",
  "rule_applied",
  "customer_blocked",
  "customer_whitelisted",
  "stripe_connected",
] as const satisfies readonly (keyof AnalyticsEventProperties)[];
export type AnalyticsEvent = (typeof ANALYTICS_EVENTS)[number];

/**
 * The one way to record a product event: typed by the catalogue, the organization as actor. Use cases pass
 * their context, which carries the analytics of the request or task and the organization.
 */
export function track<E extends AnalyticsEvent>(
  ctx: { analytics: Analytics; organizationId: string },
  event: E,
  properties: AnalyticsEventProperties[E],
): void {
  ctx.analytics.capture(ctx.organizationId, event, properties);
}
