import type { Transaction } from "../transaction";

export type OutcomeCounts = { total: number; authorized: number; declined: number };

/**
 * The earlier payments of one key (an entity value, the merchant, an amount), oldest first, appended in
 * stream order. Window counts are a binary search plus running totals, so each payment costs O(log n).
 * Entries older than the longest finite window are dropped; all-time counts are kept apart.
 */
export class PaymentLog {
  private readonly times: number[] = [];
  // All-time totals just BEFORE each entry was appended, so a window's count is "all time minus before
  // its first entry", which stays right when evicted entries are spliced away.
  private readonly authorizedBefore: number[] = [];
  private readonly declinedBefore: number[] = [];
  private head = 0;
  private readonly allTime: OutcomeCounts = { total: 0, authorized: 0, declined: 0 };
  /** Card fingerprint → time it was last seen, for distinct-card counts (only when asked for). */
  private readonly cardLastSeen: Map<string, number> | null;

  constructor(trackCards = false) {
    this.cardLastSeen = trackCards ? new Map() : null;
  }

  append(time: number, transaction: Transaction): void {
    const authorized = transaction.status === "succeeded" ? 1 : 0;
    const declined = transaction.status === "failed" ? 1 : 0;
    this.times.push(time);
    this.authorizedBefore.push(this.allTime.authorized);
    this.declinedBefore.push(this.allTime.declined);
    this.allTime.total += 1;
    this.allTime.authorized += authorized;
    this.allTime.declined += declined;
    if (this.cardLastSeen && transaction.cardFingerprint !== null)
      this.cardLastSeen.set(transaction.cardFingerprint, time);
  }

  /** Forgets entries at or before `time`; they can no longer fall in any window of a later payment. */
  evictUpTo(time: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= time) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.authorizedBefore.splice(0, this.head);
      this.declinedBefore.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Outcomes of the entries strictly after `after` (a window (after, now]); all time when null. */
  countAfter(after: number | null): OutcomeCounts {
    if (after === null) return { ...this.allTime };
    const first = this.firstIndexAfter(after);
    if (first >= this.times.length) return { total: 0, authorized: 0, declined: 0 };
    return {
      total: this.times.length - first,
      authorized: this.allTime.authorized - this.authorizedBefore[first]!,
      declined: this.allTime.declined - this.declinedBefore[first]!,
    };
  }

  /** Distinct non-null card fingerprints seen strictly after `after`; all time when null. */
  distinctCardsAfter(after: number | null): number {
    if (!this.cardLastSeen) throw new Error("this log does not track cards");
    if (after === null) return this.cardLastSeen.size;
    let count = 0;
    for (const seen of this.cardLastSeen.values()) if (seen > after) count += 1;
    return count;
  }

  private firstIndexAfter(after: number): number {
    let low = this.head;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.times[middle]! > after) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
