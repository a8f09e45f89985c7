import { type FakePostHog, startFakePostHog } from "@orylo/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnalytics } from "./analytics";

let fake: FakePostHog;
beforeAll(async () => {
  fake = await startFakePostHog();
});
afterAll(async () => {
  await fake?.close();
});

describe("analytics", () => {
  it("sends captured events through the real posthog-node SDK, flushed on shutdown", async () => {
    const analytics = createAnalytics({ posthog: { key: "phc_test", host: fake.url } });
    expect(analytics.enabled).toBe(true);
    analytics.capture("org_a", "detection_created", { decision: "block", risk_score: 91 });
    analytics.capture("org_b", "rule_enabled", { shadow: false });
    await analytics.shutdown();

    const events = await fake.waitForEvents(2);
    expect(fake.requests[0]?.path).toBe("/batch/");
    expect(fake.requests[0]?.apiKey).toBe("phc_test");
    const first = events.find((e) => e.event === "detection_created");
    expect(first?.distinct_id).toBe("org_a");
    expect(first?.properties).toMatchObject({
      decision: "block",
      risk_score: 91,
      organization_id: "org_a",
      $groups: { organization: "org_a" },
    });
    expect(events.find((e) => e.event === "rule_enabled")?.distinct_id).toBe("org_b");
  });

  it("sends batches once flushAt events are queued", async () => {
    const before = fake.events.length;
    const analytics = createAnalytics({ posthog: { key: "phc_test", host: fake.url } }, { flushAt: 2 });
    analytics.capture("org_c", "one");
    analytics.capture("org_c", "two");
    await fake.waitForEvents(before + 2);
    await analytics.shutdown();
    expect(fake.events.slice(before).map((e) => e.event)).toEqual(["one", "two"]);
  });

  it("is disabled without a key and shuts down at once", async () => {
    const before = fake.requests.length;
    const analytics = createAnalytics({ posthog: null }, { shutdownTimeoutMs: 10_000 });
    expect(analytics.enabled).toBe(false);
    analytics.capture("org_a", "ignored");
    const started = Date.now();
    await analytics.shutdown();
    expect(Date.now() - started).toBeLessThan(500);
    expect(fake.requests.length).toBe(before);
  });
});
