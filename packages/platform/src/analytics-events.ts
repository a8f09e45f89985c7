import type { Analytics } from "./analytics";

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
  ai_suggestion_action: { action: "accepted" | "rejected" | "modified"; kind: string };
  rule_applied: { rule_id: string; shadow: boolean; origin: "merchant" | "recommendation" | "draft" };
  customer_blocked: { origin: "merchant" | "suggestion" | "automatic" };
  customer_whitelisted: { origin: "merchant" | "suggestion" };
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

/** The one way to record a product event: typed by the catalogue, the organization as actor. */
export function track<E extends AnalyticsEvent>(
  analytics: Analytics,
  organizationId: string,
  event: E,
  properties: AnalyticsEventProperties[E],
): void {
  analytics.capture(organizationId, event, properties);
}
