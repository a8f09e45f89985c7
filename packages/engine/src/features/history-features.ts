import type { Transaction } from "../transaction";
import { type FeatureVector, secondsSince, VELOCITY_ENTITIES, WINDOWS } from "./catalogue";
import {
  AMOUNT_ENTITIES,
  AMOUNT_STATISTICS,
  type AmountSpelling,
  type AmountStatistic,
  amountFeatureName,
  CUSTOMER_AGE_FEATURE,
  type PaymentHistoryFacts,
  PRIOR_EVENT_KINDS,
  PRIOR_EVENT_WINDOWS,
  priorEventFeatures,
} from "./history-catalogue";
import { PriorEventIndex } from "./prior-event-index";

type AmountSums = { count: number; sum: number };
type CurrencyAmounts = { attempted: AmountSums; succeeded: AmountSums; failed: AmountSums };

const AMOUNT_SPELLINGS = Object.keys(AMOUNT_ENTITIES) as AmountSpelling[];
const STATISTICS = Object.entries(AMOUNT_STATISTICS) as [
  AmountStatistic,
  (typeof AMOUNT_STATISTICS)[AmountStatistic],
][];
const EVENT_FEATURES = PRIOR_EVENT_KINDS.map((kind) => ({ kind, entities: priorEventFeatures(kind) }));

/**
 * The streaming side of history-catalogue.ts, for one organization:
 * - `{dispute,efw,fraudulent_refund}_count_on_*` = events recorded at a time in (t − w, t) on payments with the
 *   same entity value (all_time: before t); null when this payment has no such entity;
 * - `seconds_since_customer_was_created` = floor((t − created) / 1 s); null without a customer, an unknown
 *   creation time, or one later than t;
 * - amount features = sums and means of all earlier payments of the entity (card, customer) in this payment's
 *   currency; null when this payment has no such entity; a mean is null when there is nothing to average.
 */
export class HistoryFeatures {
  private readonly events: PriorEventIndex;
  private readonly amounts = new Map<AmountSpelling, Map<string, Map<string, CurrencyAmounts>>>(
    AMOUNT_SPELLINGS.map((spelling) => [spelling, new Map()]),
  );

  constructor(private readonly facts: PaymentHistoryFacts) {
    this.events = new PriorEventIndex(facts);
  }

  add(features: FeatureVector, transaction: Transaction, time: number): void {
    for (const { kind, entities } of EVENT_FEATURES)
      for (const { entity, names } of entities) {
        const value = transaction[VELOCITY_ENTITIES[entity]];
        for (const window of PRIOR_EVENT_WINDOWS) {
          const seconds = WINDOWS[window];
          const after = seconds === null ? null : time - seconds * 1000;
          features[names[window]] =
            value === null ? null : this.events.count(kind, entity, value, after, time);
        }
      }
    const created = transaction.customerId
      ? this.facts.customerCreatedAt.get(transaction.customerId)?.getTime()
      : undefined;
    features[CUSTOMER_AGE_FEATURE] =
      created === undefined || created > time ? null : secondsSince(time, created);
    for (const spelling of AMOUNT_SPELLINGS) {
      const value = transaction[VELOCITY_ENTITIES[AMOUNT_ENTITIES[spelling]]];
      const sums =
        value === null ? undefined : this.amounts.get(spelling)!.get(value)?.get(transaction.currency);
      for (const [statistic, { statistic: kind, status }] of STATISTICS) {
        const { count, sum } = sums?.[status ?? "attempted"] ?? { count: 0, sum: 0 };
        features[amountFeatureName(statistic, spelling)] =
          value === null ? null : kind === "total" ? sum : count === 0 ? null : sum / count;
      }
    }
  }

  record(transaction: Transaction): void {
    for (const spelling of AMOUNT_SPELLINGS) {
      const value = transaction[VELOCITY_ENTITIES[AMOUNT_ENTITIES[spelling]]];
      if (value === null) continue;
      const byValue = this.amounts.get(spelling)!;
      let byCurrency = byValue.get(value);
      if (!byCurrency) {
        byCurrency = new Map();
        byValue.set(value, byCurrency);
      }
      let sums = byCurrency.get(transaction.currency);
      if (!sums) {
        sums = {
          attempted: { count: 0, sum: 0 },
          succeeded: { count: 0, sum: 0 },
          failed: { count: 0, sum: 0 },
        };
        byCurrency.set(transaction.currency, sums);
      }
      for (const key of ["attempted", transaction.status] as const) {
        if (key === "pending") continue;
        sums[key].count += 1;
        sums[key].sum += transaction.amount;
      }
    }
  }
}
