import { chargeEvent, type SimulatedPayment, seededRandom } from "@orylo/testkit/scenarios";
import { expect } from "vitest";
import { sendWebhook } from "./send-webhook";
import { CONNECT_SECRET } from "./web-test-runtime";

let sent = 0;

export type ChargeReceipt = {
  chargeId: string;
  status: string;
  detection: { id: string; decision: string; riskScore: number } | null;
};

/**
 * A test-mode card payment to the connected account `account`, through the webhook, with fresh Stripe ids:
 * the same `seed` gives the same card, email, IP and device; `payment` overrides any of them.
 */
export async function sendCharge(
  account: string,
  seed: number,
  payment: Partial<SimulatedPayment> = {},
): Promise<ChargeReceipt> {
  sent += 1;
  const event = chargeEvent(seededRandom(sent), {
    at: new Date(),
    amount: 4_200,
    currency: "eur",
    card: { fingerprint: `fp_seed_${seed}`, brand: "visa", funding: "credit", country: "FR", last4: "4242" },
    email: `buyer${seed}@example.com`,
    customerId: null,
    ip: `198.51.100.${seed % 250}`,
    deviceId: `dev_seed_${seed}`,
    billingCountry: "FR",
    outcome: { kind: "authorized", riskScore: 20 },
    cvcCheck: "pass",
    ...payment,
  });
  const { status, body } = await sendWebhook({ ...event, account }, { secret: CONNECT_SECRET });
  expect(status, JSON.stringify(body)).toBe(200);
  return { ...(body as Omit<ChargeReceipt, "chargeId">), chargeId: event.data.object.id };
}
