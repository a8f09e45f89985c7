import type { LabelSource, NewLabel, schema } from "@orylo/db";
import type { PaymentHistoryFacts, PriorEvent, Transaction } from "@orylo/engine";
import { pick, seededRandom } from "@orylo/testkit/scenarios";
import { PRIOR_EVENT_SOURCES } from "../src/features/history-facts";

type NewCustomer = typeof schema.customers.$inferInsert;
const HOUR = 3_600_000;
const WINDOW_EDGES_MS = [HOUR, 24 * HOUR, 7 * 24 * HOUR];
const KIND_OF_SOURCE = new Map<LabelSource, PriorEvent["kind"]>(
  Object.entries(PRIOR_EVENT_SOURCES).map(([kind, source]) => [source, kind as PriorEvent["kind"]]),
);

/** One label to store after the payment it is on (by index in the history), and whether the features count it. */
export type ParityLabel = {
  paymentIndex: number;
  /** False: stored without its transaction (a charge we never saw), which no feature can count. */
  linked: boolean;
  row: Omit<NewLabel, "organizationId" | "transactionId">;
};

/**
 * What happened to the payments of a parity history afterwards, for both evaluators: labels on about one
 * payment in four, timed on whole seconds right after the payment, days later, or exactly one window before a
 * later payment (an edge: out of that window) or at its very time (not before it); plus labels the features must ignore (merchant marks, reviews,
 * legitimate ones). And the customers' creation times, some after their first payments (not known then).
 */
export function generateHistoryFacts(
  seed: number,
  history: readonly Transaction[],
  customerIds: readonly string[],
): { labels: ParityLabel[]; customers: Omit<NewCustomer, "organizationId">[]; facts: PaymentHistoryFacts } {
  const random = seededRandom(seed * 101 + 5);
  const times = history.map((payment) => payment.createdAt.getTime());
  const labels: ParityLabel[] = [];
  const events: PriorEvent[] = [];
  history.forEach((payment, index) => {
    if (random() >= 0.25) return;
    const later = times.slice(index + 1);
    const roll = random();
    // Exactly one window before a later payment (out of that window), or at its very time (not before it).
    const edge =
      later.length === 0 || roll >= 0.5
        ? null
        : pick(random, later) - (roll < 0.3 ? pick(random, WINDOW_EDGES_MS) : 0);
    const at =
      edge !== null && edge >= times[index]!
        ? edge
        : times[index]! + Math.floor(random() ** 3 * 4 * 24 * 3600) * 1000;
    const source = pick(random, [
      "dispute",
      "early_fraud_warning",
      "early_fraud_warning",
      "refund",
      "review",
      "merchant",
    ] as const satisfies readonly LabelSource[]);
    const kind = random() < 0.9 ? "fraud" : "legitimate";
    const linked = random() < 0.93;
    labels.push({
      paymentIndex: index,
      linked,
      row: {
        id: `label_parity_${seed}_${index}`,
        chargeId: payment.chargeId,
        kind,
        source,
        stripeObjectId: `obj_parity_${seed}_${index}`,
        reason: "fraudulent",
        createdAt: new Date(at),
        clearedAt: random() < 0.2 ? new Date(at + HOUR) : null,
      },
    });
    const counted = KIND_OF_SOURCE.get(source);
    if (counted && kind === "fraud" && linked)
      events.push({
        kind: counted,
        at: new Date(at),
        cardFingerprint: payment.cardFingerprint,
        ipAddress: payment.ipAddress,
        email: payment.email,
        customerId: payment.customerId,
      });
  });

  const first = times[0]!;
  const last = times.at(-1)!;
  const customers = customerIds
    .filter(() => random() < 0.8)
    .map((id) => ({
      id: `cust_parity_${seed}_${id}`,
      customerKey: id,
      stripeCustomerId: id,
      livemode: true,
      // Some before the history, some in it (after earlier payments of theirs): those see null until then.
      stripeCreatedAt: new Date(
        first - 30 * 24 * HOUR + Math.floor((random() * (last - first + 30 * 24 * HOUR)) / 1000) * 1000,
      ),
      firstSeenAt: new Date(first),
      lastSeenAt: new Date(first),
    }));
  const customerCreatedAt = new Map(
    customers.map((customer) => [customer.stripeCustomerId, customer.stripeCreatedAt]),
  );
  return { labels, customers, facts: { events, customerCreatedAt } };
}
