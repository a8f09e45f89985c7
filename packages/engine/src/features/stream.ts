import type { Transaction } from "../transaction";
import { AmountHistory } from "./amount-history";
import {
  amountHistoryLimit,
  CARD_COUNT_ENTITIES,
  CHARGE_OUTCOMES,
  cardCountFeatureName,
  EMAIL_COUNT_ENTITIES,
  type EmailCountSpelling,
  emailCountFeatureName,
  type FeatureOptions,
  type FeatureVector,
  FIRST_SEEN_FEATURES,
  MERCHANT_AMOUNT_HISTORY_SECONDS,
  MERCHANT_WINDOWS,
  secondsSince,
  VELOCITY_ENTITIES,
  type VelocityEntity,
  velocityFeatureName,
  WINDOW_NAMES,
  WINDOWS,
} from "./catalogue";
import type { PaymentHistoryFacts } from "./history-catalogue";
import { HistoryFeatures } from "./history-features";
import { paymentFeatures } from "./payment-features";
import { type DistinctField, PaymentLog } from "./payment-log";

const ENTITIES = Object.keys(VELOCITY_ENTITIES) as VelocityEntity[];
const FIRST_SEEN_ENTITIES = [...new Set(Object.values(FIRST_SEEN_FEATURES).map((feature) => feature.entity))];
const CARD_ENTITIES: ReadonlySet<VelocityEntity> = new Set(CARD_COUNT_ENTITIES);
const EMAIL_COUNTS = Object.entries(EMAIL_COUNT_ENTITIES) as [EmailCountSpelling, VelocityEntity][];
/** The fields each entity's logs count distinct values of. */
const DISTINCT_FIELDS = new Map<VelocityEntity, DistinctField[]>(
  ENTITIES.map((entity) => [
    entity,
    [
      ...(CARD_ENTITIES.has(entity) ? (["cardFingerprint"] as const) : []),
      ...(EMAIL_COUNTS.some(([, counted]) => counted === entity) ? (["email"] as const) : []),
    ],
  ]),
);
const NO_FACTS: PaymentHistoryFacts = { events: [], customerCreatedAt: new Map() };
const LONGEST_WINDOW_MS = 1000 * Math.max(...Object.values(WINDOWS).filter((seconds) => seconds !== null));
const MERCHANT_LONGEST_MS = 1000 * Math.max(...MERCHANT_WINDOWS.map((window) => WINDOWS[window]));
const AMOUNT_HISTORY_MS = 1000 * MERCHANT_AMOUNT_HISTORY_SECONDS;

/**
 * The backtest evaluator: the catalogue's features for each payment of ONE organization, fed in order
 * of (createdAt, then arrival). Semantics, shared with the SQL evaluator:
 * - a payment at time t counts the EARLIER payments (earlier createdAt, or the same createdAt and fed
 *   earlier) whose createdAt is in (t − w, t]: exactly t − w is out; all_time has no lower bound;
 * - authorized = status succeeded, declined = status failed, blocked = outcome type blocked, total = every
 *   status (pending included);
 * - entity values are compared exactly as given (normalizing emails is the Transaction's job);
 *   when this payment's entity is null, every feature of that entity is null (unknown, not 0);
 * - card_count_for_X = distinct non-null card fingerprints among those earlier payments of X, and
 *   email_count_for_X distinct non-null emails;
 * - what happened to earlier payments afterwards, customer age and amount sums: see HistoryFeatures;
 * - merchant_* count every earlier payment; same_amount = same amount and currency; decline rate =
 *   declined / total, null when total is 0;
 * - merchant_amount_*_recent = the last `limit` (default 200) earlier payments in this currency (any
 *   status), latest by (createdAt, arrival), among those in (t − 30 days, t]: count, mean and population
 *   stddev in minor units; mean and stddev null when count is 0.
 * - seconds_since_* = floor((t − first) / 1 s) from the first earlier payment of the entity (any status, or
 *   the first authorized one), null when never seen; all time, never evicted.
 * Test and live payments are not separated here: the caller feeds the stream it means to replay.
 */
export class StreamingFeatureEvaluator {
  private readonly entityLogs = new Map<VelocityEntity, Map<string, PaymentLog>>(
    ENTITIES.map((entity) => [entity, new Map()]),
  );
  private readonly merchantLog = new PaymentLog();
  private readonly sameAmountLogs = new Map<string, PaymentLog>();
  private readonly amountHistories = new Map<string, AmountHistory>();
  /** Entity value → when it was first seen and first authorized; never evicted (all-time facts). */
  private readonly firstSeen = new Map<
    VelocityEntity,
    Map<string, { any: number; authorized: number | null }>
  >(FIRST_SEEN_ENTITIES.map((entity) => [entity, new Map()]));
  private lastTime = Number.NEGATIVE_INFINITY;
  private readonly amountHistoryLimit: number;
  private readonly history: HistoryFeatures;

  /** `facts`: the events on the organization's payments and its customers' creation times (none by default). */
  constructor(
    private readonly options: FeatureOptions = {},
    facts: PaymentHistoryFacts = NO_FACTS,
  ) {
    this.amountHistoryLimit = amountHistoryLimit(options);
    this.history = new HistoryFeatures(facts);
  }

  /** Features of `transaction` from the payments pushed before it; then records it for later ones. */
  push(transaction: Transaction): FeatureVector {
    const time = transaction.createdAt.getTime();
    if (time < this.lastTime)
      throw new RangeError(
        `transactions must be pushed in createdAt order (${transaction.chargeId} is earlier)`,
      );
    this.lastTime = time;
    const features: FeatureVector = paymentFeatures(transaction, this.options);
    for (const entity of ENTITIES) this.addEntityFeatures(features, entity, transaction, time);
    this.addMerchantFeatures(features, transaction, time);
    this.addFirstSeenFeatures(features, transaction, time);
    this.history.add(features, transaction, time);
    this.record(transaction, time);
    return features;
  }

  private addEntityFeatures(
    features: FeatureVector,
    entity: VelocityEntity,
    transaction: Transaction,
    time: number,
  ) {
    const value = transaction[VELOCITY_ENTITIES[entity]];
    const log = value === null ? undefined : this.entityLogs.get(entity)!.get(value);
    log?.evictUpTo(time - LONGEST_WINDOW_MS);
    for (const window of WINDOW_NAMES) {
      const seconds = WINDOWS[window];
      const after = seconds === null ? null : time - seconds * 1000;
      const counts = log?.countAfter(after) ?? { total: 0, authorized: 0, declined: 0, blocked: 0 };
      for (const outcome of CHARGE_OUTCOMES)
        features[velocityFeatureName(outcome, entity, window)] = value === null ? null : counts[outcome];
      if (CARD_ENTITIES.has(entity)) {
        const name = cardCountFeatureName(entity as (typeof CARD_COUNT_ENTITIES)[number], window);
        features[name] = value === null ? null : (log?.distinctAfter("cardFingerprint", after) ?? 0);
      }
      for (const [spelling, counted] of EMAIL_COUNTS)
        if (counted === entity)
          features[emailCountFeatureName(spelling, window)] =
            value === null ? null : (log?.distinctAfter("email", after) ?? 0);
    }
  }

  private addMerchantFeatures(features: FeatureVector, transaction: Transaction, time: number) {
    this.merchantLog.evictUpTo(time - MERCHANT_LONGEST_MS);
    const sameAmount = this.sameAmountLogs.get(amountKey(transaction));
    sameAmount?.evictUpTo(time - MERCHANT_LONGEST_MS);
    for (const window of MERCHANT_WINDOWS) {
      const after = time - WINDOWS[window] * 1000;
      const { total, declined } = this.merchantLog.countAfter(after);
      features[`merchant_charges_${window}`] = total;
      features[`merchant_declined_charges_${window}`] = declined;
      features[`merchant_decline_rate_${window}`] = total === 0 ? null : declined / total;
      features[`merchant_same_amount_charges_${window}`] = sameAmount?.countAfter(after).total ?? 0;
    }
    const history = this.amountHistories.get(transaction.currency);
    history?.evictUpTo(time - AMOUNT_HISTORY_MS);
    const stats = history?.stats() ?? { count: 0, mean: null, stddev: null };
    features.merchant_amount_count_recent = stats.count;
    features.merchant_amount_mean_recent = stats.mean;
    features.merchant_amount_stddev_recent = stats.stddev;
  }

  private addFirstSeenFeatures(features: FeatureVector, transaction: Transaction, time: number) {
    for (const [name, { entity, authorizedOnly }] of Object.entries(FIRST_SEEN_FEATURES)) {
      const value = transaction[VELOCITY_ENTITIES[entity]];
      const seen = value === null ? undefined : this.firstSeen.get(entity)!.get(value);
      const first = authorizedOnly ? (seen?.authorized ?? null) : (seen?.any ?? null);
      features[name] = first === null ? null : secondsSince(time, first);
    }
  }

  private record(transaction: Transaction, time: number) {
    for (const entity of FIRST_SEEN_ENTITIES) {
      const value = transaction[VELOCITY_ENTITIES[entity]];
      if (value === null) continue;
      const seen = getOrCreate(this.firstSeen.get(entity)!, value, () => ({ any: time, authorized: null }));
      if (seen.authorized === null && transaction.status === "succeeded") seen.authorized = time;
    }
    for (const entity of ENTITIES) {
      const value = transaction[VELOCITY_ENTITIES[entity]];
      if (value === null) continue;
      const fields = DISTINCT_FIELDS.get(entity)!;
      getOrCreate(this.entityLogs.get(entity)!, value, () => new PaymentLog(fields)).append(
        time,
        transaction,
      );
    }
    this.history.record(transaction);
    this.merchantLog.append(time, transaction);
    getOrCreate(this.sameAmountLogs, amountKey(transaction), () => new PaymentLog()).append(
      time,
      transaction,
    );
    getOrCreate(
      this.amountHistories,
      transaction.currency,
      () => new AmountHistory(this.amountHistoryLimit),
    ).append(time, transaction.amount);
  }
}

function getOrCreate<Value>(map: Map<string, Value>, key: string, create: () => Value): Value {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function amountKey(transaction: Transaction): string {
  return `${transaction.currency}:${transaction.amount}`;
}

/** Each payment with its features, in the order given (see `StreamingFeatureEvaluator` for the semantics). */
export function* streamFeatures(
  transactions: Iterable<Transaction>,
  options: FeatureOptions = {},
  facts: PaymentHistoryFacts = NO_FACTS,
): Generator<{ transaction: Transaction; features: FeatureVector }> {
  const evaluator = new StreamingFeatureEvaluator(options, facts);
  for (const transaction of transactions) yield { transaction, features: evaluator.push(transaction) };
}
