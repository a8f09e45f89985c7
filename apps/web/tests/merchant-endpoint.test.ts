import { insertWebhookEndpoint, stripeEvents } from "@orylo/db";
import { createTestOrganization } from "@orylo/db/testing";
import { encryptSecret, keyringFromConfig } from "@orylo/platform";
import { asFreshEvent, loadStripeFixture } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sendWebhook } from "./send-webhook";
import { bootTestRuntime, PLATFORM_SECRET } from "./web-test-runtime";

async function merchantWithEndpoint(secrets: { secret: string; expiresAt?: Date }[]) {
  const runtime = await bootTestRuntime();
  const db = runtime.database.db;
  const organization = await createTestOrganization(db);
  const endpointId = `we_${organization.id}`;
  const keyring = keyringFromConfig(runtime.config);
  await insertWebhookEndpoint(
    db,
    { id: endpointId, organizationId: organization.id },
    secrets.map(({ secret, expiresAt }, index) => ({
      id: `${endpointId}_${index}`,
      secretCiphertext: encryptSecret(secret, keyring),
      expiresAt: expiresAt ?? null,
    })),
  );
  return { runtime, organization, endpointId };
}

describe("POST /api/webhooks/stripe/{endpointId}", () => {
  it("verifies with the endpoint's own secrets (stored encrypted) and routes to its organization", async () => {
    const { runtime, organization, endpointId } = await merchantWithEndpoint([
      { secret: "whsec_merchant_current" },
      { secret: "whsec_merchant_rolled", expiresAt: new Date(Date.now() + 3_600_000) },
    ]);
    for (const secret of ["whsec_merchant_current", "whsec_merchant_rolled"]) {
      const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
      const { status, body } = await sendWebhook(event, { secret, endpointId });
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: "processed" });
      const [stored] = await runtime.database.db
        .select()
        .from(stripeEvents)
        .where(eq(stripeEvents.id, event.id));
      expect(stored).toMatchObject({ organizationId: organization.id, endpointId });
    }
  });

  it("refuses the platform's secret, an expired secret, and an unknown endpoint", async () => {
    const { endpointId } = await merchantWithEndpoint([
      { secret: "whsec_merchant_only" },
      { secret: "whsec_merchant_expired", expiresAt: new Date(Date.now() - 1_000) },
    ]);
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"));
    const platform = await sendWebhook(event, { secret: PLATFORM_SECRET, endpointId });
    expect(platform.status).toBe(400);
    const expired = await sendWebhook(event, { secret: "whsec_merchant_expired", endpointId });
    expect(expired.status).toBe(400);
    const unknown = await sendWebhook(event, {
      secret: "whsec_merchant_only",
      endpointId: "we_does_not_exist",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "not_found" });
  });
});
