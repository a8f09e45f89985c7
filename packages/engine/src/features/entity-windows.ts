import type { ChargeOutcome, FeatureVector } from "./catalogue";
import { pairKey, withIndex } from "./interner";
import { AUTHORIZED, BLOCKED, CARD, DECLINED, EMAIL, FACTS, type PaymentTape } from "./payment-tape";

/** One window of an entity and the names asked of it (outcome counts, distinct cards, distinct emails). */
export type EntityWindowPlan = {
  /** Length in ms; null = all time. */
  ms: number | null;
  outcomes: readonly [ChargeOutcome, string][];
  cards: string | null;
  emails: readonly string[];
};

const NONE = -1;
/** Offset of an entity's latest payment in its block of `EntityWindows.state`. */
const LAST = 0;
/** `EntityWindows.links` per payment: the next payment with the same value, then the `SUPERSEDED_*` bits. */
const LINK = 2;
/** A later payment with the same value has the same card / email. */
const SUPERSEDED_CARD = 1;
const SUPERSEDED_EMAIL = 2;
/** `Distinct.only` once the entity has met a second value (its last payments are then in `lastOf`). */
const MANY = -2;

/**
 * One distinct count (cards or emails) of an entity kind. Most entities only ever meet one value (an email
 * its card), so that value and its last payment sit in the entity's block (`only`, `onlyLast`); a map is used
 * from the second value on.
 */
type Distinct = {
  superseded: number;
  /** Offsets in the entity's block: the one value met so far (NONE: none yet, MANY: more), its last payment. */
  only: number;
  onlyLast: number;
  /** pairKey(entity, value) → the last payment of that entity with that value, for entities with MANY. */
  lastOf: Map<number, number>;
};

/**
 * Where one window keeps its numbers in an entity's block (NONE: not kept), and what it writes: `names[i]` is
 * the number at `offsets[i]`.
 */
type WindowLayout = {
  ms: number | null;
  /** The entity's first payment still in the window (NONE when none is); all time has none. */
  cursor: number;
  /** Index of the cursor's time in the entity's block of `cursorTimes`. */
  cursorTime: number;
  total: number;
  authorized: number;
  declined: number;
  blocked: number;
  /** Distinct cards / emails whose last payment of this entity is in the window. */
  cards: number;
  emails: number;
  offsets: number[];
  names: string[];
};

/**
 * The windows of one entity kind (card, email, IP...) for every value of it, indexed by the value's interned
 * id, over the payments of a `PaymentTape` linked per value. Each finite window keeps a cursor on the value's
 * first payment still in it, that payment's time, and running counts: a payment is counted in when recorded and
 * out when a later payment of the same value moves the cursor past it, so reading and recording cost amortized
 * O(1) per window. A value's numbers sit side by side in one block (`state`, `cursorTimes`): a payment reads a
 * cache line or two per entity, not one per window and count. Semantics: `StreamingFeatureEvaluator`.
 *
 * Distinct cards and emails: a value is in a window when its LAST payment with this entity is, so a payment
 * superseded by a later one of the same entity and card counts for nothing when it leaves, and a new payment
 * adds one to each window its previous occurrence has left.
 */
export class EntityWindows {
  /** Every name of this entity, set to null when the payment has no value for it. */
  readonly names: readonly string[];
  private readonly windows: WindowLayout[];
  private readonly finite: WindowLayout[];
  /** Numbers per entity in `state` and in `cursorTimes`. */
  private readonly stride: number;
  private readonly timeStride: number;
  private state = new Int32Array(0);
  private cursorTimes = new Float64Array(0);
  /** Entities whose block is set up (ids come in order). */
  private entities = 0;
  private links = new Int32Array(1024 * LINK);
  /** Distinct cards / emails; null when not counted. */
  private readonly cardValues: Distinct | null;
  private readonly emailValues: Distinct | null;

  constructor(
    plans: readonly EntityWindowPlan[],
    private readonly tape: PaymentTape,
  ) {
    let next = LAST + 1;
    let times = 0;
    const slot = (kept: boolean) => (kept ? next++ : NONE);
    this.windows = plans.map((plan): WindowLayout => {
      const finite = plan.ms !== null;
      const asks = (outcome: ChargeOutcome) => plan.outcomes.some(([asked]) => asked === outcome);
      const layout: WindowLayout = {
        ms: plan.ms,
        cursor: slot(finite),
        cursorTime: finite ? times++ : NONE,
        // A finite window always counts its payments: cheap, and it keeps the layout simple.
        total: slot(finite || asks("total")),
        authorized: slot(asks("authorized")),
        declined: slot(asks("declined")),
        blocked: slot(asks("blocked")),
        cards: slot(plan.cards !== null),
        emails: slot(plan.emails.length > 0),
        offsets: [],
        names: [],
      };
      for (const [outcome, name] of plan.outcomes) {
        layout.offsets.push(layout[outcome]);
        layout.names.push(name);
      }
      if (plan.cards !== null) {
        layout.offsets.push(layout.cards);
        layout.names.push(plan.cards);
      }
      for (const name of plan.emails) {
        layout.offsets.push(layout.emails);
        layout.names.push(name);
      }
      return layout;
    });
    this.finite = this.windows.filter((window) => window.ms !== null);
    const distinct = (counted: boolean, superseded: number): Distinct | null =>
      counted ? { superseded, only: next++, onlyLast: next++, lastOf: new Map() } : null;
    this.cardValues = distinct(
      plans.some((plan) => plan.cards !== null),
      SUPERSEDED_CARD,
    );
    this.emailValues = distinct(
      plans.some((plan) => plan.emails.length > 0),
      SUPERSEDED_EMAIL,
    );
    this.stride = next;
    this.timeStride = times;
    this.names = this.windows.flatMap((window) => window.names);
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
    this.setUp(entity);
    const base = entity * this.stride;
    for (const window of this.windows) {
      if (window.ms !== null) this.advance(window, entity, time - window.ms);
      const { offsets, names } = window;
      for (let index = 0; index < offsets.length; index++)
        features[names[index]!] = this.state[base + offsets[index]!]!;
    }
  }

  /** Records payment `payment` of the tape (already appended) for the value `entity` (NONE: nothing to record). */
  record(entity: number, payment: number): void {
    if (entity === NONE) return;
    this.setUp(entity);
    const state = this.state;
    const base = entity * this.stride;
    this.links = withIndex(this.links, payment * LINK + LINK - 1);
    const links = this.links;
    links[payment * LINK] = NONE;
    links[payment * LINK + 1] = 0;
    const facts = this.tape.facts;
    const at = payment * FACTS;
    if (this.cardValues !== null && facts[at + CARD] !== NONE)
      this.countValue(this.cardValues, entity, facts[at + CARD]!, payment);
    if (this.emailValues !== null && facts[at + EMAIL] !== NONE)
      this.countValue(this.emailValues, entity, facts[at + EMAIL]!, payment);
    const last = state[base + LAST]!;
    if (last !== NONE) links[last * LINK] = payment;
    state[base + LAST] = payment;
    const time = this.tape.times[payment]!;
    for (const window of this.windows) {
      if (window.ms !== null && state[base + window.cursor] === NONE) {
        state[base + window.cursor] = payment;
        this.cursorTimes[entity * this.timeStride + window.cursorTime] = time;
      }
      count(state, base, window, facts[at]!, 1);
    }
  }

  private countValue(distinct: Distinct, entity: number, value: number, payment: number): void {
    const state = this.state;
    const base = entity * this.stride;
    const previous = lastPayment(distinct, state, base, entity, value, payment);
    const superseded = distinct.superseded;
    if (previous !== undefined) this.links[previous * LINK + 1]! |= superseded;
    for (const window of this.windows) {
      const offset = superseded === SUPERSEDED_CARD ? window.cards : window.emails;
      if (offset === NONE) continue;
      if (previous === undefined) state[base + offset]! += 1;
      else if (window.ms !== null) {
        const first = state[base + window.cursor]!;
        if (first === NONE || previous < first) state[base + offset]! += 1;
      }
    }
  }

  /** Counts out the entity's payments at or before `after`: they have left the window (after, now]. */
  private advance(window: WindowLayout, entity: number, after: number): void {
    const timeAt = entity * this.timeStride + window.cursorTime;
    let time = this.cursorTimes[timeAt]!;
    if (!(time <= after)) return;
    const { state, links } = this;
    const { times, facts } = this.tape;
    const base = entity * this.stride;
    let payment = state[base + window.cursor]!;
    while (time <= after) {
      const bits = links[payment * LINK + 1]!;
      const at = payment * FACTS;
      count(state, base, window, facts[at]!, -1);
      if (window.cards !== NONE && facts[at + CARD] !== NONE && (bits & SUPERSEDED_CARD) === 0)
        state[base + window.cards]! -= 1;
      if (window.emails !== NONE && facts[at + EMAIL] !== NONE && (bits & SUPERSEDED_EMAIL) === 0)
        state[base + window.emails]! -= 1;
      payment = links[payment * LINK]!;
      time = payment === NONE ? Number.POSITIVE_INFINITY : times[payment]!;
    }
    state[base + window.cursor] = payment;
    this.cursorTimes[timeAt] = time;
  }

  /**
   * Sets up the blocks of new entities up to `entity`: no payment yet, empty windows. (An interner shared with
   * another entity kind or a distinct count may have handed out ids this one has not met yet.)
   */
  private setUp(entity: number): void {
    if (entity < this.entities) return;
    this.state = withIndex(this.state, (entity + 1) * this.stride - 1);
    this.cursorTimes = withIndex(this.cursorTimes, (entity + 1) * this.timeStride - 1);
    for (let fresh = this.entities; fresh <= entity; fresh++) {
      const base = fresh * this.stride;
      this.state[base + LAST] = NONE;
      if (this.cardValues) this.state[base + this.cardValues.only] = NONE;
      if (this.emailValues) this.state[base + this.emailValues.only] = NONE;
      for (const window of this.finite) {
        this.state[base + window.cursor] = NONE;
        this.cursorTimes[fresh * this.timeStride + window.cursorTime] = Number.POSITIVE_INFINITY;
      }
    }
    this.entities = entity + 1;
  }
}

/** The entity's last payment with `value` before `payment`, undefined when none; `payment` becomes it. */
function lastPayment(
  distinct: Distinct,
  state: Int32Array,
  base: number,
  entity: number,
  value: number,
  payment: number,
): number | undefined {
  const only = state[base + distinct.only]!;
  if (only === NONE || only === value) {
    const previous = only === NONE ? undefined : state[base + distinct.onlyLast]!;
    state[base + distinct.only] = value;
    state[base + distinct.onlyLast] = payment;
    return previous;
  }
  if (only !== MANY) {
    distinct.lastOf.set(pairKey(entity, only), state[base + distinct.onlyLast]!);
    state[base + distinct.only] = MANY;
  }
  const key = pairKey(entity, value);
  const previous = distinct.lastOf.get(key);
  distinct.lastOf.set(key, payment);
  return previous;
}

function count(state: Int32Array, base: number, window: WindowLayout, outcome: number, delta: 1 | -1): void {
  if (window.total !== NONE) state[base + window.total]! += delta;
  if (window.authorized !== NONE && outcome & AUTHORIZED) state[base + window.authorized]! += delta;
  if (window.declined !== NONE && outcome & DECLINED) state[base + window.declined]! += delta;
  if (window.blocked !== NONE && outcome & BLOCKED) state[base + window.blocked]! += delta;
}
