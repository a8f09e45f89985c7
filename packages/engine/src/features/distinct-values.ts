/** `countWithin`'s window index for all time. */
export const ALL_TIME = -1;

/**
 * The distinct values of one field among a log's entries, per trailing window, fed in time order. A value is
 * in a window (now − w, now] when its LAST occurrence is, so each window keeps a cursor on the occurrences
 * and a count of the values whose last occurrence is at or after it: appending and asking cost amortized
 * O(1), however many values the log has seen (a shared IP may have seen thousands of cards).
 */
export class DistinctValues {
  /**
   * Value → absolute index of its last occurrence; never evicted (the all-time count is its size). A tracker
   * is made for most payments' email, customer or IP, and most of those only ever see one card: until a second
   * value comes, that one value is kept in `only` / `onlyLast` and no Map is made.
   */
  private lastIndex: Map<string, number> | null = null;
  private only: string | null = null;
  private onlyLast = -1;
  private readonly values: string[] = [];
  private readonly times: number[] = [];
  /** Absolute index of `values[0]`. */
  private base = 0;
  /** Per window: the first occurrence still in it (absolute index) and the values last seen from there. */
  private readonly windows: { ms: number; next: number; count: number }[];

  constructor(windowsMs: readonly number[]) {
    this.windows = windowsMs.map((ms) => ({ ms, next: 0, count: 0 }));
  }

  add(value: string, time: number): void {
    const index = this.base + this.values.length;
    const previous = this.lastOf(value);
    for (const window of this.windows)
      if (previous === undefined || previous < window.next) window.count += 1;
    if (this.lastIndex !== null) this.lastIndex.set(value, index);
    else if (this.only === null || this.only === value) {
      this.only = value;
      this.onlyLast = index;
    } else
      this.lastIndex = new Map([
        [this.only, this.onlyLast],
        [value, index],
      ]);
    if (this.windows.length === 0) return;
    this.values.push(value);
    this.times.push(time);
  }

  /**
   * Distinct values last seen in (now − w, now], w being the `window`-th of the constructor's windows; all
   * time when `window` is `ALL_TIME`.
   */
  countWithin(window: number, now: number): number {
    if (window === ALL_TIME) return this.lastIndex?.size ?? (this.only === null ? 0 : 1);
    return this.countInWindow(this.windows[window]!, now);
  }

  private countInWindow(window: { ms: number; next: number; count: number }, now: number): number {
    const after = now - window.ms;
    const end = this.base + this.values.length;
    while (window.next < end && this.times[window.next - this.base]! <= after) {
      if (this.lastOf(this.values[window.next - this.base]!) === window.next) window.count -= 1;
      window.next += 1;
    }
    this.compact();
    return window.count;
  }

  private lastOf(value: string): number | undefined {
    if (this.lastIndex !== null) return this.lastIndex.get(value);
    return value === this.only ? this.onlyLast : undefined;
  }

  /** Drops the occurrences every window has passed, once they are most of the arrays. */
  private compact(): void {
    let passed = Number.POSITIVE_INFINITY;
    for (const window of this.windows) passed = Math.min(passed, window.next);
    const drop = passed - this.base;
    if (drop > 1024 && drop * 2 > this.values.length) {
      this.values.splice(0, drop);
      this.times.splice(0, drop);
      this.base = passed;
    }
  }
}
