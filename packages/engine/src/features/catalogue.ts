import { HISTORY_FEATURE_NAMES } from "./history-catalogue";
import { PAYMENT_FEATURES, type PaymentLookups } from "./payment-features";

/**
 * The feature catalogue: names follow Stripe Radar where the meaning is the same
 * (`total_charges_per_card_number_hourly`, `card_count_for_ip_address_daily`, ...).
 * Every count covers earlier payments of the same organization in the window (t - w, t],
 * ordered by (created, ingest order): the current payment is never counted.
 */
export const WINDOWS = {
  "10m": 600,
  hourly: 3_600,
  daily: 86_400,
  weekly: 604_800,
  all_time: null,
} as const;
export type Window = keyof typeof WINDOWS;
export const WINDOW_NAMES = Object.keys(WINDOWS) as Window[];

/** Entities a payment is counted per; the key is Radar's spelling, the value the Transaction field. */
export const VELOCITY_ENTITIES = {
  card_number: "cardFingerprint",
  customer: "customerId",
  email: "email",
  ip_address: "ipAddress",
  device: "deviceId",
  // Normalized hashes of the addresses (normalize-charge): never the address itself.
  billing_address: "billingAddressKey",
  shipping_address: "shippingAddressKey",
} as const;
export type VelocityEntity = keyof typeof VELOCITY_ENTITIES;

/**
 * Charge outcomes counted per entity: total (every status, pending included), authorized (status
 * succeeded), declined (status failed), blocked (Stripe's outcome type `blocked`: Radar, its rules, or the
 * Radar lists Orylo mirrors its block lists to; a blocked charge is also failed, so also declined). An entity that is null on the current payment makes all of
 * its features null (unknown), and null never matches null. See features/stream.ts for the full semantics.
 */
export const CHARGE_OUTCOMES = ["total", "authorized", "declined", "blocked"] as const;
export type ChargeOutcome = (typeof CHARGE_OUTCOMES)[number];

/** Distinct-card counts: `card_count_for_{entity}_{window}`. */
export const CARD_COUNT_ENTITIES = [
  "ip_address",
  "email",
  "customer",
  "billing_address",
] as const satisfies readonly VelocityEntity[];

/**
 * Distinct-email counts: `email_count_for_{spelling}_{window}`, Radar's spelling of the entity (`card`, `ip`)
 * as the key, the entity counted per as the value.
 */
export const EMAIL_COUNT_ENTITIES = {
  card: "card_number",
  ip: "ip_address",
} as const satisfies Record<string, VelocityEntity>;
export type EmailCountSpelling = keyof typeof EMAIL_COUNT_ENTITIES;

export function emailCountFeatureName(spelling: EmailCountSpelling, window: Window): string {
  return `email_count_for_${spelling}_${window}`;
}

export type FeatureValue = number | string | boolean | null;
/** Values by feature name; a missing signal is `null`, never 0. */
export type FeatureVector = Record<string, FeatureValue>;

/**
 * Documentation data (read by `describeCatalogue()`, `bun run catalogue` and docs/features.md): how the
 * windows, entities and outcomes read in a sentence. Typed by the keys above, so a new window, entity or
 * outcome does not compile until it is described.
 */
export const WINDOW_DOCS: Record<Window, { phrase: string; interval: string }> = {
  "10m": { phrase: "in the 10 minutes before this payment", interval: "(t − 10 min, t]" },
  hourly: { phrase: "in the hour before this payment", interval: "(t − 1 h, t]" },
  daily: { phrase: "in the 24 hours before this payment", interval: "(t − 24 h, t]" },
  weekly: { phrase: "in the 7 days before this payment", interval: "(t − 7 d, t]" },
  all_time: { phrase: "at any time before this payment", interval: "(−∞, t]" },
};

/** How each entity reads after "with the same ...". */
export const VELOCITY_ENTITY_DOCS: Record<VelocityEntity, string> = {
  card_number: "card number (Stripe card fingerprint)",
  customer: "Stripe customer id",
  email: "email address",
  ip_address: "IP address",
  device: "device id",
  billing_address: "billing address",
  shipping_address: "shipping address",
};

/** What each outcome counts, as the start of a sentence. */
export const CHARGE_OUTCOME_DOCS: Record<ChargeOutcome, string> = {
  total: "Charges of any status (pending included)",
  authorized: "Authorized charges (status succeeded)",
  declined: "Declined charges (status failed)",
  blocked: "Blocked charges (Stripe outcome type blocked: Radar, a Radar rule or a Radar list)",
};

// Names are looked up, not built: the streaming evaluator asks for ~100 of them per payment of a backtest.
const VELOCITY_FEATURE_NAMES = Object.fromEntries(
  CHARGE_OUTCOMES.map((outcome) => [
    outcome,
    Object.fromEntries(
      (Object.keys(VELOCITY_ENTITIES) as VelocityEntity[]).map((entity) => [
        entity,
        Object.fromEntries(
          WINDOW_NAMES.map((window) => [window, `${outcome}_charges_per_${entity}_${window}`]),
        ),
      ]),
    ),
  ]),
) as Record<ChargeOutcome, Record<VelocityEntity, Record<Window, string>>>;
const CARD_COUNT_FEATURE_NAMES = Object.fromEntries(
  CARD_COUNT_ENTITIES.map((entity) => [
    entity,
    Object.fromEntries(WINDOW_NAMES.map((window) => [window, `card_count_for_${entity}_${window}`])),
  ]),
) as Record<(typeof CARD_COUNT_ENTITIES)[number], Record<Window, string>>;

export function velocityFeatureName(outcome: ChargeOutcome, entity: VelocityEntity, window: Window): string {
  return VELOCITY_FEATURE_NAMES[outcome][entity][window];
}

export function cardCountFeatureName(entity: (typeof CARD_COUNT_ENTITIES)[number], window: Window): string {
  return CARD_COUNT_FEATURE_NAMES[entity][window];
}

/**
 * Merchant-level signals (attacks spread over many cards, emails and IPs), over the organization's
 * earlier payments: `merchant_charges_{10m,hourly}`, `merchant_declined_charges_{10m,hourly}`,
 * `merchant_decline_rate_{10m,hourly}` (null when there were no charges),
 * `merchant_same_amount_charges_{10m,hourly}` (earlier charges with this exact amount and currency),
 * and the recent amount history in this currency: the last `MERCHANT_AMOUNT_HISTORY_LIMIT` (200) earlier
 * payments in this currency, latest first by (created, ingest order), every status, none older than 30 days
 * (created in (t - 30 days, t]): `merchant_amount_count_recent` (0 without history, at most the limit),
 * `merchant_amount_mean_recent`, `merchant_amount_stddev_recent` (population stddev; minor units, null
 * when there is no history). Bounded by count so the live evaluator reads at most that many rows, however
 * busy the merchant (a whole month of a busy shop cannot be aggregated within the latency budget).
 */
export const MERCHANT_WINDOWS = ["10m", "hourly"] as const satisfies readonly Window[];
export const MERCHANT_AMOUNT_HISTORY_SECONDS = 30 * 86_400;
export const MERCHANT_AMOUNT_HISTORY_LIMIT = 200;

/**
 * Evaluation parameters shared by both evaluators. Production uses the defaults; tests may lower the
 * amount history's bound to exercise it with short histories, giving the same value to both evaluators.
 */
export interface FeatureOptions {
  /** Most earlier same-currency payments in the amount history (default `MERCHANT_AMOUNT_HISTORY_LIMIT`). */
  merchantAmountHistoryLimit?: number;
  /** The organization's IANA time zone, for `local_hour` (default UTC). */
  timeZone?: string;
  /** Offline data look-ups (IP country, email domain lists); without them those features are null. */
  lookups?: PaymentLookups;
}

export function amountHistoryLimit(options: FeatureOptions = {}): number {
  const limit = options.merchantAmountHistoryLimit ?? MERCHANT_AMOUNT_HISTORY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`merchantAmountHistoryLimit must be a positive integer, got ${limit}`);
  return limit;
}

/**
 * Documentation data: the meaning of each merchant feature. Windowed ones are keyed by the name without
 * its `_{window}` suffix and completed with the window's phrase; the others by their full name.
 */
export const MERCHANT_WINDOWED_FEATURE_DOCS: Record<string, string> = {
  merchant_charges: "Charges of any status of the whole organization",
  merchant_declined_charges: "Declined charges (status failed) of the whole organization",
  merchant_decline_rate:
    "Share of the organization's charges that were declined (declined / total; null when there were none)",
  merchant_same_amount_charges: "Charges of the organization with exactly this amount and currency",
};
export const MERCHANT_FEATURE_DOCS: Record<string, string> = {
  merchant_amount_count_recent: `Number of payments in the recent amount history: the last ${MERCHANT_AMOUNT_HISTORY_LIMIT} earlier payments in this currency, any status, within the 30 days before this payment (t − 30 d, t] (0 without history)`,
  merchant_amount_mean_recent:
    "Mean amount of the recent amount history (see merchant_amount_count_recent); null without history",
  merchant_amount_stddev_recent:
    "Population standard deviation of the amounts in the recent amount history; null without history",
};

export const MERCHANT_FEATURE_NAMES: readonly string[] = [
  ...MERCHANT_WINDOWS.flatMap((window) => [
    `merchant_charges_${window}`,
    `merchant_declined_charges_${window}`,
    `merchant_decline_rate_${window}`,
    `merchant_same_amount_charges_${window}`,
  ]),
  "merchant_amount_count_recent",
  "merchant_amount_mean_recent",
  "merchant_amount_stddev_recent",
];

/**
 * Radar's `seconds_since_*` features: whole seconds from the earliest earlier payment with the same entity
 * (any status, or only authorized ones) to this payment, floor((t − first) / 1 s); null when this payment
 * has no such entity or there was no such earlier payment (never seen).
 */
export const FIRST_SEEN_FEATURES = {
  seconds_since_card_first_seen: { entity: "card_number", authorizedOnly: false },
  seconds_since_email_first_seen: { entity: "email", authorizedOnly: false },
  seconds_since_first_successful_auth_on_card: { entity: "card_number", authorizedOnly: true },
} as const satisfies Record<string, { entity: VelocityEntity; authorizedOnly: boolean }>;
export type FirstSeenFeature = keyof typeof FIRST_SEEN_FEATURES;

export const FIRST_SEEN_FEATURE_DOCS: Record<FirstSeenFeature, string> = {
  seconds_since_card_first_seen:
    "Seconds since the first earlier charge (any status) with the same card number (Stripe card fingerprint), this payment excluded; null when the card was never seen or this payment has no fingerprint",
  seconds_since_email_first_seen:
    "Seconds since the first earlier charge (any status) with the same email address, this payment excluded; null when the email was never seen or this payment has none",
  seconds_since_first_successful_auth_on_card:
    "Seconds since the first earlier authorized charge (status succeeded) with the same card number; null when the card was never authorized before or this payment has no fingerprint",
};

/** Whole seconds from `firstMs` to `atMs`, as both evaluators compute them. */
export function secondsSince(atMs: number, firstMs: number): number {
  return Math.floor((atMs - firstMs) / 1000);
}

/** Every name in the catalogue: both evaluators (SQL and streaming) produce exactly these keys. */
export const FEATURE_NAMES: readonly string[] = [
  ...CHARGE_OUTCOMES.flatMap((outcome) =>
    Object.keys(VELOCITY_ENTITIES).flatMap((entity) =>
      WINDOW_NAMES.map((window) => velocityFeatureName(outcome, entity as VelocityEntity, window)),
    ),
  ),
  ...CARD_COUNT_ENTITIES.flatMap((entity) =>
    WINDOW_NAMES.map((window) => cardCountFeatureName(entity, window)),
  ),
  ...(Object.keys(EMAIL_COUNT_ENTITIES) as EmailCountSpelling[]).flatMap((spelling) =>
    WINDOW_NAMES.map((window) => emailCountFeatureName(spelling, window)),
  ),
  ...HISTORY_FEATURE_NAMES,
  ...MERCHANT_FEATURE_NAMES,
  ...Object.keys(FIRST_SEEN_FEATURES),
  ...PAYMENT_FEATURES.map((feature) => feature.name),
];
