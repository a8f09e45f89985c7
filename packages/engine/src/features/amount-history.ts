/**
 * Amounts of one currency in a sliding window, with exact running sums (BigInt): sums of squares of
 * minor-unit amounts overflow a double's exact range long before a busy month ends, and the SQL
 * evaluator must agree with us to the last digit we compare.
 */
export class AmountHistory {
  private readonly times: number[] = [];
  private readonly amounts: number[] = [];
  private head = 0;
  private sum = 0n;
  private sumOfSquares = 0n;

  append(time: number, amount: number): void {
    this.times.push(time);
    this.amounts.push(amount);
    const value = BigInt(amount);
    this.sum += value;
    this.sumOfSquares += value * value;
  }

  evictUpTo(time: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= time) {
      const value = BigInt(this.amounts[this.head]!);
      this.sum -= value;
      this.sumOfSquares -= value * value;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.amounts.splice(0, this.head);
      this.head = 0;
    }
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
}
