import { randomString } from "@orylo/platform";

/** Marks the test event's charge, so a merchant who finds it among the detections knows where it came from. */
export const TEST_EVENT_METADATA_KEY = "orylo_test_event";

/**
 * A Stripe test-mode `charge.succeeded` for a small, ordinary card payment: enough for the normalizer and the
 * engine to score it, nothing that resembles a real shopper (no email, no IP).
 */
export function buildTestEvent({
  currency,
  account,
  now,
}: {
  currency: string;
  account: string | null;
  now: Date;
}): { id: string; payload: string } {
  const created = Math.floor(now.getTime() / 1000);
  const id = `evt_test_orylo_${randomString(16)}`;
  const charge = {
    id: `ch_test_orylo_${randomString(16)}`,
    object: "charge",
    amount: 1000,
    currency,
    created,
    livemode: false,
    status: "succeeded",
    paid: true,
    captured: true,
    description: "Orylo test event",
    metadata: { [TEST_EVENT_METADATA_KEY]: "true" },
    outcome: { type: "authorized", network_status: "approved_by_network", risk_level: "normal" },
    payment_method_details: {
      type: "card",
      card: {
        brand: "visa",
        funding: "credit",
        country: "FR",
        fingerprint: `orylo_test_${randomString(8)}`,
        checks: { cvc_check: "pass", address_line1_check: null, address_postal_code_check: "pass" },
      },
    },
  };
  const event = {
    id,
    object: "event",
    type: "charge.succeeded",
    account: account ?? undefined,
    livemode: false,
    created,
    api_version: "2025-03-31.basil",
    data: { object: charge },
  };
  return { id, payload: JSON.stringify(event) };
}
