/**
 * The recent amounts of one currency: at most `limit` entries, none at or before the time last evicted
 * up to, with exact running sums (BigInt): sums of squares of minor-unit amounts overflow a double's exact
 * range quickly, and the SQL evaluator must agree with us to the last digit we compare.
 * Entries are appended in stream order (createdAt, then arrival), so the oldest is always at the head:
 * appending beyond the limit drops the head, which is the earliest by (created, ingest order).
 */
export class AmountHistory {
  private readonly times: number[] = [];
  private readonly amounts: number[] = [];
  private head = 0;
  private sum = 0n;
  private sumOfSquares = 0n;

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer`);
  }

  append(time: number, amount: number): void {
    this.times.push(time);
    this.amounts.push(amount);
    const value = BigInt(amount);
    this.sum += value;
    this.sumOfSquares += value * value;
    if (this.times.length - this.head > this.limit) this.dropHead();
    this.compact();
  }

  /** Forgets entries at or before `time`: they are older than the history's time bound. */
  evictUpTo(time: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= time) this.dropHead();
    this.compact();
  }

  /** Count, mean and population standard deviation; mean and stddev are null without history. */
  stats(): { count: number; mean: number | null; stddev: number | null } {
    const count = this.times.length - this.head;
    if (count === 0) return { count, mean: null, stddev: null };
    const n = BigInt(count);
    // n² · variance = n · Σx² − (Σx)², exact in integers.
    const scaledVariance = n * this.sumOfSquares - this.sum * this.sum;
    return {
      count,
      mean: Number(this.sum) / count,
      stddev: Math.sqrt(Number(scaledVariance)) / count,
    };
  }

  private dropHead(): void {
    const value = BigInt(this.amounts[this.head]!);
    this.sum -= value;
    this.sumOfSquares -= value * value;
    this.head += 1;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.amounts.splice(0, this.head);
      this.head = 0;
    }
  }
}
