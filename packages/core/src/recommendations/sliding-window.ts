/**
 * The most distinct values seen within any window (t − windowMs, t] of one key (a card, an IP, an amount), fed
 * in time order: attempts per card (each charge is its own value: leave `value` out) or cards per IP. Keeps only
 * the window's items, so a key costs what its busiest window holds, not its history.
 */
export class WindowPeak {
  private readonly times: number[] = [];
  private readonly values: (string | undefined)[] = [];
  private counts: Map<string, number> | undefined;
  private start = 0;
  peak = 0;

  constructor(private readonly windowMs: number) {}

  add(time: number, value?: string): void {
    this.times.push(time);
    this.values.push(value);
    if (value !== undefined) {
      this.counts ??= new Map();
      this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    }
    while (time - (this.times[this.start] as number) >= this.windowMs) this.evict();
    const distinct = this.counts ? this.counts.size : this.times.length - this.start;
    this.peak = Math.max(this.peak, distinct);
    if (this.start > 64 && this.start * 2 > this.times.length) {
      this.times.splice(0, this.start);
      this.values.splice(0, this.start);
      this.start = 0;
    }
  }

  /** When its latest item came: a window that ends before `time − windowMs` holds nothing any more. */
  get latest(): number {
    return this.times[this.times.length - 1] ?? Number.NEGATIVE_INFINITY;
  }

  private evict(): void {
    const leaving = this.values[this.start++];
    if (leaving === undefined || !this.counts) return;
    const left = (this.counts.get(leaving) ?? 1) - 1;
    if (left === 0) this.counts.delete(leaving);
    else this.counts.set(leaving, left);
  }
}

/** How often `HighestWindowPeak` forgets the keys whose window has emptied, in items added. */
const SWEEP_EVERY = 20_000;

/**
 * The highest `WindowPeak` over many keys (every card, every IP), fed in time order. Only the highest is
 * wanted, so a key whose window has emptied is folded into it and forgotten: the keys held are those of the
 * last window, whatever the history's length.
 */
export class HighestWindowPeak {
  private readonly peaks = new Map<string, WindowPeak>();
  private folded = 0;
  private added = 0;

  constructor(private readonly windowMs: number) {}

  add(key: string, time: number, value?: string): void {
    let peak = this.peaks.get(key);
    if (!peak) {
      peak = new WindowPeak(this.windowMs);
      this.peaks.set(key, peak);
    }
    peak.add(time, value);
    if (++this.added % SWEEP_EVERY === 0) this.sweep(time);
  }

  get highest(): number {
    let highest = this.folded;
    for (const { peak } of this.peaks.values()) highest = Math.max(highest, peak);
    return highest;
  }

  /** How many keys are held now (the sweep's test). */
  get held(): number {
    return this.peaks.size;
  }

  private sweep(now: number): void {
    for (const [key, peak] of this.peaks)
      if (now - peak.latest >= this.windowMs) {
        this.folded = Math.max(this.folded, peak.peak);
        this.peaks.delete(key);
      }
  }
}
