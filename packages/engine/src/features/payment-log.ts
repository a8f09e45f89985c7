import type { Transaction } from "../transaction";

export type OutcomeCounts = { total: number; authorized: number; declined: number; blocked: number };
/** Fields whose distinct values a log can count (`card_count_for_*`, `email_count_for_*`). */
export type DistinctField = "cardFingerprint" | "email";
const NO_OUTCOMES: OutcomeCounts = { total: 0, authorized: 0, declined: 0, blocked: 0 };

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
  private readonly blockedBefore: number[] = [];
  private head = 0;
  private readonly allTime: OutcomeCounts = { ...NO_OUTCOMES };
  /** Per tracked field: value → time it was last seen, for distinct counts (only the fields asked for). */
  private readonly lastSeen: Map<DistinctField, Map<string, number>>;

  constructor(track: readonly DistinctField[] = []) {
    this.lastSeen = new Map(track.map((field) => [field, new Map()]));
  }

  append(time: number, transaction: Transaction): void {
    const authorized = transaction.status === "succeeded" ? 1 : 0;
    const declined = transaction.status === "failed" ? 1 : 0;
    const blocked = transaction.outcomeType === "blocked" ? 1 : 0;
    this.times.push(time);
    this.authorizedBefore.push(this.allTime.authorized);
    this.declinedBefore.push(this.allTime.declined);
    this.blockedBefore.push(this.allTime.blocked);
    this.allTime.total += 1;
    this.allTime.authorized += authorized;
    this.allTime.declined += declined;
    this.allTime.blocked += blocked;
    for (const [field, seen] of this.lastSeen) {
      const value = transaction[field];
      if (value !== null) seen.set(value, time);
    }
  }

  /** Forgets entries at or before `time`; they can no longer fall in any window of a later payment. */
  evictUpTo(time: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= time) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.authorizedBefore.splice(0, this.head);
      this.declinedBefore.splice(0, this.head);
      this.blockedBefore.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Outcomes of the entries strictly after `after` (a window (after, now]); all time when null. */
  countAfter(after: number | null): OutcomeCounts {
    if (after === null) return { ...this.allTime };
    const first = this.firstIndexAfter(after);
    if (first >= this.times.length) return { ...NO_OUTCOMES };
    return {
      total: this.times.length - first,
      authorized: this.allTime.authorized - this.authorizedBefore[first]!,
      declined: this.allTime.declined - this.declinedBefore[first]!,
      blocked: this.allTime.blocked - this.blockedBefore[first]!,
    };
  }

  /** Distinct non-null values of `field` seen strictly after `after`; all time when null. */
  distinctAfter(field: DistinctField, after: number | null): number {
    const lastSeen = this.lastSeen.get(field);
    if (!lastSeen) throw new Error(`this log does not track ${field}`);
    if (after === null) return lastSeen.size;
    let count = 0;
    for (const seen of lastSeen.values()) if (seen > after) count += 1;
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
