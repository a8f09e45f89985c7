import { SUGGESTION_PROMPT_VERSION } from "@orylo/ai";
import { aiUsage } from "@orylo/db";
import { createTestOrganization, getTestDatabase } from "@orylo/db/testing";
import { asFreshEvent, type FakeLlm, loadStripeFixture, startFakeLlm } from "@orylo/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrganization } from "../src/context";
import { receiveStripeWebhook } from "../src/stripe-events/receive-stripe-webhook";
import { listSuggestions } from "../src/suggestions/list-suggestions";
import { suggestCustomers } from "../src/suggestions/suggest-customers";
import { platformDelivery, testAi, testCtx } from "./helpers";

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());

const personal = {
  email: "odilon.varennes@privacy-test.example",
  name: "Odilon Varennes",
  line1: "9 impasse des Glycines Cachees",
  city: "Saint-Secret",
  ip: "203.0.113.211",
  device: "device-ov-7781",
  customer: "cus_OdilonPrivate42",
};

/** A card-testing burst through the real webhook path: declined tiny charges, one IP and customer, new cards. */
async function cardTestingBurst(
  db: Awaited<ReturnType<typeof getTestDatabase>>["db"],
  organizationId: string,
) {
  const address = {
    line1: personal.line1,
    line2: null,
    city: personal.city,
    postal_code: "42999",
    state: null,
    country: "FR",
  };
  for (let i = 0; i < 8; i++) {
    const event = asFreshEvent(loadStripeFixture("ruby-mock", "charge.succeeded.json"), {
      object: {
        created: Math.floor(Date.now() / 1000) - 60 + i,
        amount: 100,
        currency: "eur",
        status: "failed",
        paid: false,
        captured: false,
        failure_code: "card_declined",
        outcome: {
          type: "issuer_declined",
          network_status: "declined_by_network",
          risk_level: "normal",
          reason: "generic_decline",
          seller_message: "declined",
        },
        customer: personal.customer,
        receipt_email: personal.email,
        billing_details: { email: personal.email, name: personal.name, phone: null, address },
        metadata: { ip: personal.ip, device_id: personal.device, customer_name: personal.name },
        payment_method_details: {
          type: "card",
          card: {
            brand: "visa",
            country: "FR",
            funding: "credit",
            last4: "4242",
            exp_month: 1,
            exp_year: 2030,
            fingerprint: `fpSuggest${i}`,
            checks: {},
            wallet: null,
            three_d_secure: null,
          },
        },
      },
    });
    await receiveStripeWebhook(testCtx(db), await platformDelivery(event, organizationId));
  }
}

describe("suggestion reasoning by an LLM", () => {
  it("writes it from counts only, never the IP, customer or any personal data, and falls back on ungrounded text", async () => {
    const { db } = await getTestDatabase();
    const organization = await createTestOrganization(db, { locale: "fr" });
    await cardTestingBurst(db, organization.id);
    const ctx = withOrganization(testCtx(db), organization.id);
    fake.calls.length = 0;
    // The IP's reasoning is grounded; the customer's cites a number it made up (a digit): templates stand in.
    fake.respond = (call) => ({
      output: {
        reasoning: call.user.includes('"subject":"ip_address"')
          ? "{blocked_attempts} paiements bloqués depuis cette adresse, avec {distinct_cards} cartes."
          : "Ce client a tenté 99 cartes.",
      },
    });
    expect((await suggestCustomers(ctx, testAi(fake.url))).created).toBe(2);

    const { data } = await listSuggestions(ctx);
    const ip = data.find((s) => s.subject === "ip_address");
    const customer = data.find((s) => s.subject === "customer");
    expect(ip).toMatchObject({ value: personal.ip, signal: "card_testing", reasoningSource: "llm" });
    expect(ip?.reasoning).toMatch(/^\d+ paiements bloqués depuis cette adresse, avec \d+ cartes\.$/);
    expect(customer).toMatchObject({ value: personal.customer, reasoningSource: "template" });
    expect(customer?.reasoning).toMatch(/paiements de ce client ont été bloqués pour test de cartes/);

    expect(fake.calls.map((call) => call.schemaName)).toEqual(["suggestion", "suggestion"]);
    const prompts = fake.calls
      .map((call) => JSON.stringify(call.body))
      .join("\n")
      .toLowerCase();
    for (const value of [
      ...Object.values(personal),
      "4242",
      "odilon",
      "varennes",
      "glycines",
      "113.211",
      "fpsuggest",
    ])
      expect(prompts).not.toContain(value.toLowerCase());

    const ledger = await db.select().from(aiUsage).where(eq(aiUsage.organizationId, organization.id));
    const suggestionRows = ledger.filter((row) => row.feature === "suggestion");
    expect(suggestionRows.map((row) => [row.provider, row.outcome, row.promptVersion]).sort()).toEqual(
      [
        ["openai", "ok", SUGGESTION_PROMPT_VERSION],
        ["openai", "error", SUGGESTION_PROMPT_VERSION],
        ["templates", "ok", SUGGESTION_PROMPT_VERSION],
      ].sort(),
    );
  });
});
