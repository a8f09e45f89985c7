import type { VelocityEntity, Window } from "./catalogue";

/**
 * The catalogue's features that read more than the earlier payments themselves: what happened to those
 * payments afterwards (fraudulent disputes, early fraud warnings, fraudulent refunds), the customer's creation
 * time from `customer.created`, and the amounts of an entity's earlier payments. Kept apart from catalogue.ts,
 * which imports the names from here (only types flow back, so there is no import cycle).
 */

/** Entities an event on an earlier payment is counted per. */
export type PriorEventEntity = Extract<VelocityEntity, "card_number" | "ip_address" | "email" | "customer">;

/** Radar's windows for these counts (a 10-minute dispute count means nothing). */
export const PRIOR_EVENT_WINDOWS = [
  "hourly",
  "daily",
  "weekly",
  "all_time",
] as const satisfies readonly Window[];
export type PriorEventWindow = (typeof PRIOR_EVENT_WINDOWS)[number];

/**
 * What happened to an earlier payment, as its fraud label records it (ARCHITECTURE §3 Labels): a dispute with
 * reason `fraudulent`, an early fraud warning, a refund with reason `fraudulent` that Orylo did not issue.
 * Per kind: the feature prefix and the entities, each with Radar's spelling where Radar has the feature
 * (`dispute_count_on_card_number_*`, `dispute_count_on_ip_*`, `efw_count_on_card_*`, `efw_count_on_ip_*`).
 */
export const PRIOR_EVENT_FEATURES = {
  dispute: {
    prefix: "dispute_count_on",
    entities: { card_number: "card_number", ip_address: "ip", email: "email", customer: "customer" },
    meaning: "Fraudulent disputes (reason fraudulent, won or not)",
  },
  early_fraud_warning: {
    prefix: "efw_count_on",
    entities: { card_number: "card", ip_address: "ip", email: "email", customer: "customer" },
    meaning: "Early fraud warnings",
  },
  fraudulent_refund: {
    prefix: "fraudulent_refund_count_on",
    entities: { card_number: "card" },
    meaning: "Refunds made with reason fraudulent (not those Orylo issued)",
  },
} as const satisfies Record<
  string,
  { prefix: string; entities: Partial<Record<PriorEventEntity, string>>; meaning: string }
>;
export type PriorEventKind = keyof typeof PRIOR_EVENT_FEATURES;
export const PRIOR_EVENT_KINDS = Object.keys(PRIOR_EVENT_FEATURES) as PriorEventKind[];

/** The entities of `kind`, with the feature name of each window. */
export function priorEventFeatures(
  kind: PriorEventKind,
): { entity: PriorEventEntity; names: Record<PriorEventWindow, string> }[] {
  const { prefix, entities } = PRIOR_EVENT_FEATURES[kind];
  return Object.entries(entities).map(([entity, spelling]) => ({
    entity: entity as PriorEventEntity,
    names: Object.fromEntries(
      PRIOR_EVENT_WINDOWS.map((window) => [window, `${prefix}_${spelling}_${window}`]),
    ) as Record<PriorEventWindow, string>,
  }));
}

/**
 * One event on an earlier payment, with that payment's entities. `at` is when Orylo recorded it (the label's
 * creation time): a payment counts the events recorded strictly before its own time t, within (t − w, t).
 */
export type PriorEvent = {
  kind: PriorEventKind;
  at: Date;
  cardFingerprint: string | null;
  ipAddress: string | null;
  email: string | null;
  customerId: string | null;
};

/** Where each entity is read on an event (the same Transaction fields as VELOCITY_ENTITIES). */
export const PRIOR_EVENT_ENTITY_FIELDS = {
  card_number: "cardFingerprint",
  ip_address: "ipAddress",
  email: "email",
  customer: "customerId",
} as const satisfies Record<PriorEventEntity, keyof PriorEvent>;

/** What the streaming evaluator needs beyond the payments: the events above and customers' creation times. */
export type PaymentHistoryFacts = {
  events: readonly PriorEvent[];
  /** Stripe customer id → its `customer.created` time. */
  customerCreatedAt: ReadonlyMap<string, Date>;
};

/**
 * Whole seconds from the customer's creation (`customer.created`) to this payment; null without a customer,
 * when its creation is unknown, or when it is later than the payment (not known then).
 */
export const CUSTOMER_AGE_FEATURE = "seconds_since_customer_was_created";

/** Amount features per entity, with Radar's spelling of the entity. */
export const AMOUNT_ENTITIES = {
  card: "card_number",
  customer: "customer",
} as const satisfies Record<string, VelocityEntity>;
export type AmountSpelling = keyof typeof AMOUNT_ENTITIES;

/**
 * Radar's amount features without the conversion: sums and means over ALL earlier payments of the entity in
 * THIS payment's currency, in its minor units (converting every earlier payment would need each day's rate).
 * `status` null = every status (pending included).
 */
export const AMOUNT_STATISTICS = {
  average_amount_attempted: { statistic: "average", status: null, meaning: "Mean amount of the charges" },
  average_amount_successful: {
    statistic: "average",
    status: "succeeded",
    meaning: "Mean amount of the authorized charges (status succeeded)",
  },
  total_amount_charged: { statistic: "total", status: null, meaning: "Total amount of the charges" },
  total_amount_successful: {
    statistic: "total",
    status: "succeeded",
    meaning: "Total amount of the authorized charges (status succeeded)",
  },
  total_amount_failed: {
    statistic: "total",
    status: "failed",
    meaning: "Total amount of the failed charges (status failed: declined or blocked)",
  },
} as const satisfies Record<
  string,
  { statistic: "average" | "total"; status: "succeeded" | "failed" | null; meaning: string }
>;
export type AmountStatistic = keyof typeof AMOUNT_STATISTICS;

export function amountFeatureName(statistic: AmountStatistic, spelling: AmountSpelling): string {
  return `${statistic}_on_${spelling}_all_time`;
}

export const HISTORY_FEATURE_NAMES: readonly string[] = [
  ...PRIOR_EVENT_KINDS.flatMap((kind) =>
    priorEventFeatures(kind).flatMap(({ names }) => PRIOR_EVENT_WINDOWS.map((window) => names[window])),
  ),
  CUSTOMER_AGE_FEATURE,
  ...(Object.keys(AMOUNT_ENTITIES) as AmountSpelling[]).flatMap((spelling) =>
    (Object.keys(AMOUNT_STATISTICS) as AmountStatistic[]).map((statistic) =>
      amountFeatureName(statistic, spelling),
    ),
  ),
];
