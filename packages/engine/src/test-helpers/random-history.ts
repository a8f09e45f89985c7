import type { PaymentHistoryFacts, PriorEvent } from "../features/history-catalogue";
import { PRIOR_EVENT_KINDS } from "../features/history-catalogue";
import type { Transaction } from "../transaction";
import { makeTransaction } from "./make-transaction";
import { createRandom, pick } from "./random";

/** Dense random traffic: small pools so entities collide, whole seconds so timestamps tie, some nulls. */
export function randomTraffic(seed: number, count: number, days: number): Transaction[] {
  const random = createRandom(seed);
  const orNull = (value: string) => (random() < 0.1 ? null : value);
  const start = Date.parse("2025-01-01T00:00:00Z");
  const times = Array.from({ length: count }, () => Math.floor((random() * days * 86_400) / 2) * 2_000).sort(
    (a, b) => a - b,
  );
  return times.map((offset) =>
    makeTransaction({
      createdAt: new Date(start + offset),
      amount: pick(random, [50, 100, 1_999, 5_000, 12_345]),
      currency: pick(random, ["eur", "eur", "usd"]),
      ...pick(random, [
        { status: "succeeded", outcomeType: "authorized" },
        { status: "succeeded", outcomeType: "authorized" },
        { status: "failed", outcomeType: "issuer_declined" },
        { status: "failed", outcomeType: "blocked" },
        { status: "pending", outcomeType: null },
      ] as const),
      cardFingerprint: orNull(`fp_${Math.floor(random() * 40)}`),
      customerId: orNull(`cus_${Math.floor(random() * 30)}`),
      email: orNull(`e${Math.floor(random() * 30)}@example.com`),
      ipAddress: orNull(`ip_${Math.floor(random() * 15)}`),
      deviceId: orNull(`dev_${Math.floor(random() * 20)}`),
      billingAddressKey: orNull(`bill_${Math.floor(random() * 25)}`),
      shippingAddressKey: orNull(`ship_${Math.floor(random() * 10)}`),
    }),
  );
}

/** Events on some payments, up to 10 days later (some beyond the last payment), and customers' creation times. */
export function randomFacts(seed: number, transactions: Transaction[]): PaymentHistoryFacts {
  const random = createRandom(seed * 7 + 3);
  const events: PriorEvent[] = transactions
    .filter(() => random() < 0.15)
    .map((payment) => ({
      kind: pick(random, PRIOR_EVENT_KINDS),
      at: new Date(payment.createdAt.getTime() + Math.floor(random() * 10 * 86_400) * 1000),
      cardFingerprint: payment.cardFingerprint,
      ipAddress: payment.ipAddress,
      email: payment.email,
      customerId: payment.customerId,
    }));
  const start = transactions[0]!.createdAt.getTime();
  const customerCreatedAt = new Map(
    Array.from({ length: 30 }, (_, index) => [
      `cus_${index}`,
      new Date(start + Math.floor((random() - 0.7) * 30 * 86_400) * 1000),
    ]),
  );
  return { events, customerCreatedAt };
}
