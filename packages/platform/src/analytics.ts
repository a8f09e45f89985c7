import { PostHog } from "posthog-node";
import type { Config } from "./config";

/** Counts and flags only: never emails, names, IPs or card data (ARCHITECTURE §6). */
export type AnalyticsProperties = Record<string, string | number | boolean | null>;

export interface Analytics {
  readonly enabled: boolean;
  /** Queued and sent in batches; never blocks the caller. The organization is the PostHog actor and group. */
  capture(organizationId: string, event: string, properties?: AnalyticsProperties): void;
  /** Flushes what is queued (bounded by `shutdownTimeoutMs`); instant when analytics are off. */
  shutdown(): Promise<void>;
}

export type AnalyticsOptions = { flushAt?: number; flushIntervalMs?: number; shutdownTimeoutMs?: number };

/**
 * PostHog through posthog-node, or off without POSTHOG_KEY. Off means `disabled: true`: an offline
 * client would otherwise wait its whole shutdown timeout (STACK-NOTES).
 */
export function createAnalytics(config: Pick<Config, "posthog">, options: AnalyticsOptions = {}): Analytics {
  const posthog = config.posthog;
  const client = new PostHog(posthog?.key ?? "phc_disabled", {
    host: posthog?.host,
    disabled: !posthog,
    flushAt: options.flushAt ?? 20,
    flushInterval: options.flushIntervalMs ?? 10_000,
    disableGeoip: true, // server-side: the IP would be ours, not the merchant's
    requestTimeout: 5_000,
    fetchRetryCount: 2,
  });
  return {
    enabled: posthog !== null,
    capture(organizationId, event, properties = {}) {
      client.capture({
        distinctId: organizationId,
        event,
        properties: { ...properties, organization_id: organizationId },
        groups: { organization: organizationId },
      });
    },
    async shutdown() {
      await client.shutdown(options.shutdownTimeoutMs ?? 5_000);
    },
  };
}
