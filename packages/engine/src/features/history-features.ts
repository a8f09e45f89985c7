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
import { countEvents, PriorEventIndex } from "./prior-event-index";

type AmountSums = { count: number; sum: number };
type CurrencyAmounts = { attempted: AmountSums; succeeded: AmountSums; failed: AmountSums };
type Wanted = (name: string) => boolean;

const AMOUNT_SPELLINGS = Object.keys(AMOUNT_ENTITIES) as AmountSpelling[];
const STATISTICS = Object.entries(AMOUNT_STATISTICS) as [
  AmountStatistic,
  (typeof AMOUNT_STATISTICS)[AmountStatistic],
][];

/** The event counts asked for, per kind and entity, with their windows (ms, null = all time). */
function eventPlan(index: PriorEventIndex, wanted: Wanted) {
  return PRIOR_EVENT_KINDS.flatMap((kind) =>
    priorEventFeatures(kind).flatMap(({ entity, names }) => {
      const windows = PRIOR_EVENT_WINDOWS.filter((window) => wanted(names[window])).map((window) => {
        const seconds = WINDOWS[window];
        return { name: names[window], ms: seconds === null ? null : seconds * 1000 };
      });
      return windows.length === 0
        ? []
        : [{ times: index.times(kind, entity), field: VELOCITY_ENTITIES[entity], windows }];
    }),
  );
}

/** The amount statistics asked for, per entity. */
function amountPlan(wanted: Wanted) {
  return AMOUNT_SPELLINGS.flatMap((spelling) => {
    const statistics = STATISTICS.filter(([statistic]) => wanted(amountFeatureName(statistic, spelling))).map(
      ([statistic, { statistic: kind, status }]) => ({
        name: amountFeatureName(statistic, spelling),
        kind,
        sums: (status ?? "attempted") as keyof CurrencyAmounts,
      }),
    );
    return statistics.length === 0
      ? []
      : [
          {
            field: VELOCITY_ENTITIES[AMOUNT_ENTITIES[spelling]],
            statistics,
            byValue: new Map<string, Map<string, CurrencyAmounts>>(),
          },
        ];
  });
}

/**
 * The streaming side of history-catalogue.ts, for one organization (only the features `wanted` accepts):
 * - `{dispute,efw,fraudulent_refund}_count_on_*` = events recorded at a time in (t − w, t) on payments with the
 *   same entity value (all_time: before t); null when this payment has no such entity;
 * - `seconds_since_customer_was_created` = floor((t − created) / 1 s); null without a customer, an unknown
 *   creation time, or one later than t;
 * - amount features = sums and means of all earlier payments of the entity (card, customer) in this payment's
 *   currency; null when this payment has no such entity; a mean is null when there is nothing to average.
 */
export class HistoryFeatures {
  private readonly eventFeatures: ReturnType<typeof eventPlan>;
  private readonly customerAge: boolean;
  private readonly amounts: ReturnType<typeof amountPlan>;

  constructor(
    private readonly facts: PaymentHistoryFacts,
    wanted: Wanted,
  ) {
    this.eventFeatures = eventPlan(new PriorEventIndex(facts), wanted);
    this.customerAge = wanted(CUSTOMER_AGE_FEATURE);
    this.amounts = amountPlan(wanted);
  }

  add(features: FeatureVector, transaction: Transaction, time: number): void {
    for (const { times, field, windows } of this.eventFeatures) {
      const value = transaction[field];
      const ofValue = value === null ? undefined : times.get(value);
      for (const { name, ms } of windows)
        features[name] = value === null ? null : countEvents(ofValue, ms === null ? null : time - ms, time);
    }
    if (this.customerAge) {
      const created = transaction.customerId
        ? this.facts.customerCreatedAt.get(transaction.customerId)?.getTime()
        : undefined;
      features[CUSTOMER_AGE_FEATURE] =
        created === undefined || created > time ? null : secondsSince(time, created);
    }
    for (const { field, statistics, byValue } of this.amounts) {
      const value = transaction[field];
      const sums = value === null ? undefined : byValue.get(value)?.get(transaction.currency);
      for (const { name, kind, sums: key } of statistics) {
        const { count, sum } = sums?.[key] ?? NO_SUMS;
        features[name] = value === null ? null : kind === "total" ? sum : count === 0 ? null : sum / count;
      }
    }
  }

  record(transaction: Transaction): void {
    for (const { field, byValue } of this.amounts) {
      const value = transaction[field];
      if (value === null) continue;
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

const NO_SUMS: AmountSums = { count: 0, sum: 0 };
