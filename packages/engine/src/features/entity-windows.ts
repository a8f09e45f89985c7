import type { ChargeOutcome, FeatureVector } from "./catalogue";
import { pairKey, withIndex } from "./interner";
import { AUTHORIZED, BLOCKED, DECLINED, type PaymentTape } from "./payment-tape";

/** One window of an entity and the names asked of it (outcome counts, distinct cards, distinct emails). */
export type EntityWindowPlan = {
  /** Length in ms; null = all time. */
  ms: number | null;
  outcomes: readonly [ChargeOutcome, string][];
  cards: string | null;
  emails: readonly string[];
};

/** Per entity (by interned id), what one window holds; arrays only for what is asked. */
type WindowState = {
  plan: EntityWindowPlan;
  /** The entity's first payment still in the window (a payment ordinal), -1 when none is. */
  cursor: Int32Array;
  total: Int32Array | null;
  authorized: Int32Array | null;
  declined: Int32Array | null;
  blocked: Int32Array | null;
  /** Distinct cards / emails whose last payment of this entity is in the window. */
  cards: Int32Array | null;
  emails: Int32Array | null;
};

/**
 * Distinct values (cards or emails) among each entity's payments: a value is in a window when its LAST payment
 * with this entity is, so a payment superseded by a later one of the same entity and value counts for nothing
 * when it leaves, and a new payment adds one to each window its previous occurrence has left.
 */
class DistinctTracker {
  /** pairKey(entity, value) → the last payment of that entity with that value. */
  private readonly lastOf = new Map<number, number>();
  /** By payment: a later payment of the same entity has the same value. */
  superseded = new Uint8Array(1024);
  /** By entity: distinct values ever. */
  allTime = new Int32Array(0);

  /** Records `payment` (value `value`) of `entity`: its previous occurrence, or undefined when it is new. */
  record(entity: number, value: number, payment: number): number | undefined {
    this.superseded = withIndex(this.superseded, payment);
    const key = pairKey(entity, value);
    const previous = this.lastOf.get(key);
    if (previous === undefined) this.allTime[entity]! += 1;
    else this.superseded[previous] = 1;
    this.lastOf.set(key, payment);
    return previous;
  }
}

const NONE = -1;

/**
 * The windows of one entity kind (card, email, IP...), for every value of it, in typed arrays indexed by the
 * value's interned id, over the payments of a `PaymentTape` linked per value (`next`). Each finite window
 * keeps a cursor on the value's first payment still in it and running counts: a payment is counted in when
 * recorded and out when a later payment of the same value moves the cursor past it, so reading and recording
 * cost amortized O(1) per window. Semantics: `StreamingFeatureEvaluator`.
 */
export class EntityWindows {
  /** Every name of this entity, set to null when the payment has no value for it. */
  readonly names: readonly string[];
  private readonly windows: WindowState[];
  private readonly allTime: WindowState | null;
  /** By payment: the next payment with the same value, NONE for the latest. */
  private next = new Int32Array(1024);
  /** By entity: its latest payment, NONE before the first. */
  private last = new Int32Array(0);
  private readonly cardValues: DistinctTracker | null;
  private readonly emailValues: DistinctTracker | null;
  private capacity = 0;

  constructor(
    plans: readonly EntityWindowPlan[],
    private readonly tape: PaymentTape,
  ) {
    const state = (plan: EntityWindowPlan): WindowState => {
      const asks = (outcome: ChargeOutcome) =>
        plan.outcomes.some(([asked]) => asked === outcome) ? new Int32Array(0) : null;
      return {
        plan,
        cursor: new Int32Array(0),
        // A finite window always counts its payments: the distinct counts need none, but `total` is cheap.
        total: plan.ms === null ? asks("total") : new Int32Array(0),
        authorized: asks("authorized"),
        declined: asks("declined"),
        blocked: asks("blocked"),
        cards: plan.cards === null || plan.ms === null ? null : new Int32Array(0),
        emails: plan.emails.length === 0 || plan.ms === null ? null : new Int32Array(0),
      };
    };
    this.windows = plans.filter((plan) => plan.ms !== null).map(state);
    const allTime = plans.find((plan) => plan.ms === null);
    this.allTime = allTime ? state(allTime) : null;
    this.cardValues = plans.some((plan) => plan.cards !== null) ? new DistinctTracker() : null;
    this.emailValues = plans.some((plan) => plan.emails.length > 0) ? new DistinctTracker() : null;
    this.names = plans.flatMap((plan) => [
      ...plan.outcomes.map(([, name]) => name),
      ...(plan.cards === null ? [] : [plan.cards]),
      ...plan.emails,
    ]);
  }

  /** Whether distinct cards / emails are counted (the tape must then carry them). */
  get countsCards(): boolean {
    return this.cardValues !== null;
  }
  get countsEmails(): boolean {
    return this.emailValues !== null;
  }

  /**
   * Writes the features of a payment at `time` whose value has id `entity` (NONE: no value, every name null),
   * from the payments recorded before it.
   */
  write(features: FeatureVector, entity: number, time: number): void {
    if (entity === NONE) {
      for (const name of this.names) features[name] = null;
      return;
    }
    this.ensureEntity(entity);
    for (const window of this.windows) {
      this.advance(window, entity, time - window.plan.ms!);
      writeWindow(features, window, entity);
    }
    const allTime = this.allTime;
    if (allTime === null) return;
    writeWindow(features, allTime, entity);
    if (allTime.plan.cards !== null) features[allTime.plan.cards] = this.cardValues!.allTime[entity]!;
    const emails = this.emailValues?.allTime[entity] ?? 0;
    for (const name of allTime.plan.emails) features[name] = emails;
  }

  /** Records payment `payment` of the tape (already appended) for the value `entity` (NONE: nothing to record). */
  record(entity: number, payment: number): void {
    if (entity === NONE) return;
    this.ensureEntity(entity);
    const tape = this.tape;
    if (this.cardValues !== null && tape.cards[payment] !== NONE)
      this.countValue(this.cardValues, "cards", entity, tape.cards[payment]!, payment);
    if (this.emailValues !== null && tape.emails[payment] !== NONE)
      this.countValue(this.emailValues, "emails", entity, tape.emails[payment]!, payment);
    this.next = withIndex(this.next, payment);
    this.next[payment] = NONE;
    const last = this.last[entity]!;
    if (last !== NONE) this.next[last] = payment;
    this.last[entity] = payment;
    const flags = tape.flags[payment]!;
    for (const window of this.windows) {
      if (window.cursor[entity] === NONE) window.cursor[entity] = payment;
      countIn(window, entity, flags, 1);
    }
    if (this.allTime !== null) countIn(this.allTime, entity, flags, 1);
  }

  private countValue(
    tracker: DistinctTracker,
    field: "cards" | "emails",
    entity: number,
    value: number,
    payment: number,
  ): void {
    const previous = tracker.record(entity, value, payment);
    for (const window of this.windows) {
      const counts = window[field];
      if (counts === null) continue;
      const first = window.cursor[entity]!;
      if (previous === undefined || first === NONE || previous < first) counts[entity]! += 1;
    }
  }

  /** Counts out the entity's payments at or before `after`: they have left the window (after, now]. */
  private advance(window: WindowState, entity: number, after: number): void {
    const { times, flags, cards, emails } = this.tape;
    let payment = window.cursor[entity]!;
    while (payment !== NONE && times[payment]! <= after) {
      countIn(window, entity, flags[payment]!, -1);
      if (window.cards !== null && cards[payment] !== NONE && this.cardValues!.superseded[payment] === 0)
        window.cards[entity]! -= 1;
      if (window.emails !== null && emails[payment] !== NONE && this.emailValues!.superseded[payment] === 0)
        window.emails[entity]! -= 1;
      payment = this.next[payment]!;
    }
    window.cursor[entity] = payment;
  }

  /** Grows the per-entity arrays to hold `entity` (ids come in order, so at most one more at a time). */
  private ensureEntity(entity: number): void {
    if (entity < this.capacity) return;
    this.last = withIndex(this.last, entity, NONE);
    this.capacity = this.last.length;
    const grow = (array: Int32Array | null, fill = 0) =>
      array === null ? null : withIndex(array, this.capacity - 1, fill);
    for (const window of [...this.windows, ...(this.allTime ? [this.allTime] : [])]) {
      window.cursor = grow(window.cursor, NONE)!;
      window.total = grow(window.total);
      window.authorized = grow(window.authorized);
      window.declined = grow(window.declined);
      window.blocked = grow(window.blocked);
      window.cards = grow(window.cards);
      window.emails = grow(window.emails);
    }
    for (const tracker of [this.cardValues, this.emailValues])
      if (tracker) tracker.allTime = withIndex(tracker.allTime, this.capacity - 1);
  }
}

function countIn(window: WindowState, entity: number, flags: number, delta: 1 | -1): void {
  if (window.total !== null) window.total[entity]! += delta;
  if (window.authorized !== null && flags & AUTHORIZED) window.authorized[entity]! += delta;
  if (window.declined !== null && flags & DECLINED) window.declined[entity]! += delta;
  if (window.blocked !== null && flags & BLOCKED) window.blocked[entity]! += delta;
}

function writeWindow(features: FeatureVector, window: WindowState, entity: number): void {
  for (const [outcome, name] of window.plan.outcomes) features[name] = window[outcome]![entity]!;
  if (window.cards !== null) features[window.plan.cards!] = window.cards[entity]!;
  if (window.emails !== null) {
    const distinct = window.emails[entity]!;
    for (const name of window.plan.emails) features[name] = distinct;
  }
}
