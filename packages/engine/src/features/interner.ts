/** Ids an interner hands out stay below this, so two of them pack exactly into one number (`pairKey`). */
export const MAX_INTERNED = 2 ** 26;

/**
 * Small integer ids for the string values of one Transaction field, in order of first appearance (0, 1, 2...):
 * the streaming evaluator hashes a payment's value once, then keeps that value's state in typed arrays indexed
 * by its id instead of an object per value (about a million of them at 1 M payments, which the GC keeps walking).
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  /** The value asked last and its id: the same field is often asked twice per payment (an entity, a count). */
  private lastValue: string | null = null;
  private lastId = -1;

  /** How many distinct values have been seen. */
  get size(): number {
    return this.ids.size;
  }

  /** The value's id, handing out the next one when it is new. */
  idOf(value: string): number {
    if (value === this.lastValue) return this.lastId;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      if (id >= MAX_INTERNED) throw new RangeError(`more than ${MAX_INTERNED} distinct values in one field`);
      this.ids.set(value, id);
    }
    this.lastValue = value;
    this.lastId = id;
    return id;
  }
}

/** Ids for pairs of values (a currency and an amount), in one id space, in order of first appearance. */
export class PairInterner<First, Second> {
  private readonly ids = new Map<First, Map<Second, number>>();
  private count = 0;

  idOf(first: First, second: Second): number {
    let ofFirst = this.ids.get(first);
    if (ofFirst === undefined) {
      ofFirst = new Map();
      this.ids.set(first, ofFirst);
    }
    let id = ofFirst.get(second);
    if (id === undefined) {
      id = this.count++;
      ofFirst.set(second, id);
    }
    return id;
  }
}

/** One exact number per ordered pair of interned ids (below 2^52). */
export function pairKey(first: number, second: number): number {
  return first * MAX_INTERNED + second;
}

type NumberArray = Int32Array | Uint8Array | Float64Array;

/**
 * `array` when `index` fits in it, else a copy at least twice as long whose new cells hold `fill` (the state
 * of a value or payment not seen yet).
 */
export function withIndex<Array extends NumberArray>(array: Array, index: number, fill = 0): Array {
  if (index < array.length) return array;
  const grown = new (array.constructor as new (length: number) => Array)(
    Math.max(index + 1, array.length * 2, 64),
  );
  grown.set(array);
  if (fill !== 0) grown.fill(fill, array.length);
  return grown;
}
