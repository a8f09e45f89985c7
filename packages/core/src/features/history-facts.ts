import {
  type Executor,
  type LabelSource,
  selectCustomerCreationTimes,
  selectLabelledPaymentEvents,
} from "@orylo/db";
import type { PaymentHistoryFacts, PriorEventKind } from "@orylo/engine";

/** The label source each prior-event feature counts (ARCHITECTURE §3 Labels): fraud labels only. */
export const PRIOR_EVENT_SOURCES = {
  dispute: "dispute",
  early_fraud_warning: "early_fraud_warning",
  fraudulent_refund: "refund",
} as const satisfies Record<PriorEventKind, LabelSource>;

const KIND_OF_SOURCE = new Map<LabelSource, PriorEventKind>(
  Object.entries(PRIOR_EVENT_SOURCES).map(([kind, source]) => [source, kind as PriorEventKind]),
);

/** What the streaming evaluator reads besides the payments (backtests): the labels before `until`, customers' ages. */
export async function loadPaymentHistoryFacts(
  db: Executor,
  organizationId: string,
  until: Date,
): Promise<PaymentHistoryFacts> {
  const [rows, customerCreatedAt] = await Promise.all([
    selectLabelledPaymentEvents(db, {
      organizationId,
      sources: Object.values(PRIOR_EVENT_SOURCES),
      until,
    }),
    selectCustomerCreationTimes(db, organizationId),
  ]);
  const events = rows.map(({ source, ...event }) => ({ ...event, kind: KIND_OF_SOURCE.get(source)! }));
  return { events, customerCreatedAt };
}
