import type { Transaction } from "../transaction";
import { AmountHistory } from "./amount-history";
import {
  amountHistoryLimit,
  CARD_COUNT_ENTITIES,
  CHARGE_OUTCOMES,
  type ChargeOutcome,
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
import { type EntityWindowPlan, EntityWindows } from "./entity-windows";
import type { PaymentHistoryFacts } from "./history-catalogue";
import { HistoryFeatures } from "./history-features";
import { Interner, PairInterner } from "./interner";
import { PAYMENT_FEATURES, type PaymentFeatureDefinition } from "./payment-features";
import { type OutcomeCounts, PaymentLog } from "./payment-log";
import { PaymentTape } from "./payment-tape";
import { projectedFeatureVector } from "./projection";

const ENTITIES = Object.keys(VELOCITY_ENTITIES) as VelocityEntity[];
const CARD_ENTITIES: ReadonlySet<VelocityEntity> = new Set(CARD_COUNT_ENTITIES);
const EMAIL_COUNTS = Object.entries(EMAIL_COUNT_ENTITIES) as [EmailCountSpelling, VelocityEntity][];
const NO_FACTS: PaymentHistoryFacts = { events: [], customerCreatedAt: new Map() };
const MERCHANT_LONGEST_MS = 1000 * Math.max(...MERCHANT_WINDOWS.map((window) => WINDOWS[window]));
const AMOUNT_HISTORY_MS = 1000 * MERCHANT_AMOUNT_HISTORY_SECONDS;

type EntityField = (typeof VELOCITY_ENTITIES)[VelocityEntity];

/** The windows of `entity` with the names asked of them, or null when nothing of it is asked. */
function entityWindowPlans(
  entity: VelocityEntity,
  wanted: (name: string) => boolean,
): EntityWindowPlan[] | null {
  const plans = WINDOW_NAMES.map((window): EntityWindowPlan => {
    const seconds = WINDOWS[window];
    const cards = CARD_ENTITIES.has(entity)
      ? cardCountFeatureName(entity as (typeof CARD_COUNT_ENTITIES)[number], window)
      : null;
    return {
      ms: seconds === null ? null : seconds * 1000,
      outcomes: CHARGE_OUTCOMES.map((outcome): [ChargeOutcome, string] => [
        outcome,
        velocityFeatureName(outcome, entity, window),
      ]).filter(([, name]) => wanted(name)),
      cards: cards !== null && wanted(cards) ? cards : null,
      emails: EMAIL_COUNTS.filter(([, counted]) => counted === entity)
        .map(([spelling]) => emailCountFeatureName(spelling, window))
        .filter(wanted),
    };
  }).filter((plan) => plan.outcomes.length > 0 || plan.cards !== null || plan.emails.length > 0);
  return plans.length === 0 ? null : plans;
}

/** An entity kind asked for: its field, the interner of that field's values, and its windows. */
type EntityPlan = { field: EntityField; values: Interner; windows: EntityWindows };

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
  private readonly payment: readonly PaymentFeatureDefinition[];
  private readonly entities: EntityPlan[];
  /** This payment's interned value per entity plan (-1 when null), from reading its windows to recording it. */
  private readonly entityIds: Int32Array;
  private readonly tape = new PaymentTape();
  /** Interners of the card fingerprint and email, when a distinct count needs them. */
  private readonly cardValues: Interner | null;
  private readonly emailValues: Interner | null;
  /** Merchant windows with the names asked for; the logs are kept only when something reads them. */
  private readonly merchantWindows: {
    ms: number;
    charges: string | null;
    declined: string | null;
    rate: string | null;
    same: string | null;
  }[];
  private readonly merchantLog: PaymentLog | null;
  /** The payments of each (currency, amount), when a same-amount count is asked; the id of this payment's. */
  private readonly sameAmount: { amounts: PairInterner<string, number>; windows: EntityWindows } | null;
  private sameAmountId = -1;
  /** Scratch counts, overwritten by every `countAfter`. */
  private readonly counts: OutcomeCounts = { total: 0, authorized: 0, declined: 0, blocked: 0 };
  private readonly amountStats: { count: boolean; mean: boolean; stddev: boolean } | null;
  private readonly amountHistories = new Map<string, AmountHistory>();
  /** The first-seen features asked for, and the entities they need (value → first seen, first authorized). */
  private readonly firstSeenFeatures: {
    name: string;
    field: EntityField;
    authorizedOnly: boolean;
    seen: Map<string, FirstSeen>;
  }[];
  private readonly firstSeen: { field: EntityField; seen: Map<string, FirstSeen> }[];
  private lastTime = Number.NEGATIVE_INFINITY;
  private readonly amountHistoryLimit: number;
  private readonly history: HistoryFeatures;
  private readonly newVector: () => FeatureVector;

  /**
   * `facts`: the events on the organization's payments and its customers' creation times (none by default).
   * `only`: the features to compute (a backtest's projection: what its rules and detectors read), the whole
   * catalogue by default; the vectors then hold only those, and reading another throws (see `readFeature`).
   */
  constructor(
    private readonly options: FeatureOptions = {},
    facts: PaymentHistoryFacts = NO_FACTS,
    only?: Iterable<string>,
  ) {
    this.amountHistoryLimit = amountHistoryLimit(options);
    const projection = only === undefined ? null : new Set(only);
    const wanted = (name: string) => projection === null || projection.has(name);
    this.newVector = projection === null ? () => ({}) : projectedFeatureVector;
    this.payment = PAYMENT_FEATURES.filter((feature) => wanted(feature.name));
    const interners = new Map<EntityField, Interner>();
    const internerOf = (field: EntityField) => getOrCreate(interners, field, () => new Interner());
    this.entities = ENTITIES.flatMap((entity) => {
      const plans = entityWindowPlans(entity, wanted);
      if (plans === null) return [];
      const field = VELOCITY_ENTITIES[entity];
      return [{ field, values: internerOf(field), windows: new EntityWindows(plans, this.tape) }];
    });
    this.entityIds = new Int32Array(this.entities.length);
    this.cardValues = this.entities.some(({ windows }) => windows.countsCards)
      ? internerOf("cardFingerprint")
      : null;
    this.emailValues = this.entities.some(({ windows }) => windows.countsEmails) ? internerOf("email") : null;
    this.merchantWindows = MERCHANT_WINDOWS.map((window) => {
      const named = (name: string) => (wanted(name) ? name : null);
      return {
        ms: WINDOWS[window] * 1000,
        charges: named(`merchant_charges_${window}`),
        declined: named(`merchant_declined_charges_${window}`),
        rate: named(`merchant_decline_rate_${window}`),
        same: named(`merchant_same_amount_charges_${window}`),
      };
    });
    this.merchantLog = this.merchantWindows.some(({ charges, declined, rate }) => charges ?? declined ?? rate)
      ? new PaymentLog()
      : null;
    const sameAmountWindows = this.merchantWindows.flatMap(({ ms, same }): EntityWindowPlan[] =>
      same ? [{ ms, outcomes: [["total", same]], cards: null, emails: [] }] : [],
    );
    this.sameAmount =
      sameAmountWindows.length === 0
        ? null
        : { amounts: new PairInterner(), windows: new EntityWindows(sameAmountWindows, this.tape) };
    const stats = {
      count: wanted("merchant_amount_count_recent"),
      mean: wanted("merchant_amount_mean_recent"),
      stddev: wanted("merchant_amount_stddev_recent"),
    };
    this.amountStats = stats.count || stats.mean || stats.stddev ? stats : null;
    const firstSeen = Object.entries(FIRST_SEEN_FEATURES).filter(([name]) => wanted(name));
    this.firstSeen = [...new Set(firstSeen.map(([, { entity }]) => VELOCITY_ENTITIES[entity]))].map(
      (field) => ({ field, seen: new Map() }),
    );
    this.firstSeenFeatures = firstSeen.map(([name, { entity, authorizedOnly }]) => {
      const field = VELOCITY_ENTITIES[entity];
      const { seen } = this.firstSeen.find((entry) => entry.field === field)!;
      return { name, field, authorizedOnly, seen };
    });
    this.history = new HistoryFeatures(facts, wanted);
  }

  /** Features of `transaction` from the payments pushed before it; then records it for later ones. */
  push(transaction: Transaction): FeatureVector {
    const time = transaction.createdAt.getTime();
    if (time < this.lastTime)
      throw new RangeError(
        `transactions must be pushed in createdAt order (${transaction.chargeId} is earlier)`,
      );
    this.lastTime = time;
    const features = this.newVector();
    for (const feature of this.payment) features[feature.name] = feature.compute(transaction, this.options);
    for (let index = 0; index < this.entities.length; index++) {
      const { field, values, windows } = this.entities[index]!;
      const value = transaction[field];
      const entity = value === null ? -1 : values.idOf(value);
      this.entityIds[index] = entity;
      windows.write(features, entity, time);
    }
    this.addMerchantFeatures(features, transaction, time);
    this.addFirstSeenFeatures(features, transaction, time);
    this.history.add(features, transaction, time);
    this.record(transaction, time);
    return features;
  }

  private addMerchantFeatures(features: FeatureVector, transaction: Transaction, time: number) {
    this.merchantLog?.evictUpTo(time - MERCHANT_LONGEST_MS);
    if (this.sameAmount) {
      this.sameAmountId = this.sameAmount.amounts.idOf(transaction.currency, transaction.amount);
      this.sameAmount.windows.write(features, this.sameAmountId, time);
    }
    const counts = this.counts;
    if (this.merchantLog)
      for (const { ms, charges, declined, rate } of this.merchantWindows) {
        this.merchantLog.countAfter(time - ms, counts);
        if (charges) features[charges] = counts.total;
        if (declined) features[declined] = counts.declined;
        if (rate) features[rate] = counts.total === 0 ? null : counts.declined / counts.total;
      }
    if (!this.amountStats) return;
    const history = this.amountHistories.get(transaction.currency);
    history?.evictUpTo(time - AMOUNT_HISTORY_MS);
    const stats = history?.stats() ?? { count: 0, mean: null, stddev: null };
    if (this.amountStats.count) features.merchant_amount_count_recent = stats.count;
    if (this.amountStats.mean) features.merchant_amount_mean_recent = stats.mean;
    if (this.amountStats.stddev) features.merchant_amount_stddev_recent = stats.stddev;
  }

  private addFirstSeenFeatures(features: FeatureVector, transaction: Transaction, time: number) {
    for (const { name, field, authorizedOnly, seen: byValue } of this.firstSeenFeatures) {
      const value = transaction[field];
      const seen = value === null ? undefined : byValue.get(value);
      const first = authorizedOnly ? (seen?.authorized ?? null) : (seen?.any ?? null);
      features[name] = first === null ? null : secondsSince(time, first);
    }
  }

  private record(transaction: Transaction, time: number) {
    for (const { field, seen } of this.firstSeen) {
      const value = transaction[field];
      if (value === null) continue;
      const first = getOrCreate(seen, value, () => ({ any: time, authorized: null }));
      if (first.authorized === null && transaction.status === "succeeded") first.authorized = time;
    }
    const card = this.cardValues && transaction.cardFingerprint !== null;
    const email = this.emailValues && transaction.email !== null;
    const payment = this.tape.append(
      time,
      transaction,
      card ? this.cardValues!.idOf(transaction.cardFingerprint!) : -1,
      email ? this.emailValues!.idOf(transaction.email!) : -1,
    );
    for (let index = 0; index < this.entities.length; index++)
      this.entities[index]!.windows.record(this.entityIds[index]!, payment);
    this.history.record(transaction);
    this.merchantLog?.append(time, transaction);
    this.sameAmount?.windows.record(this.sameAmountId, payment);
    if (this.amountStats)
      getOrCreate(
        this.amountHistories,
        transaction.currency,
        () => new AmountHistory(this.amountHistoryLimit),
      ).append(time, transaction.amount);
  }
}

type FirstSeen = { any: number; authorized: number | null };

function getOrCreate<Key, Value>(map: Map<Key, Value>, key: Key, create: () => Value): Value {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
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
