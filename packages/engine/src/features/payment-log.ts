import type { Transaction } from "../transaction";
import { DistinctValues } from "./distinct-values";

export type OutcomeCounts = { total: number; authorized: number; declined: number; blocked: number };
/** Fields whose distinct values a log can count (`card_count_for_*`, `email_count_for_*`). */
export type DistinctField = "cardFingerprint" | "email";
/** A field whose distinct values a log counts, and the finite windows (ms) it is asked about. */
export type DistinctTracking = { field: DistinctField; windowsMs: readonly number[] };

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
  private readonly allTime: OutcomeCounts = { total: 0, authorized: 0, declined: 0, blocked: 0 };
  /** Distinct counts, only of the fields asked for. */
  private readonly distinct: [DistinctField, DistinctValues][];

  constructor(track: readonly DistinctTracking[] = []) {
    this.distinct = track.map(({ field, windowsMs }) => [field, new DistinctValues(windowsMs)]);
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
    for (const [field, values] of this.distinct) {
      const value = transaction[field];
      if (value !== null) values.add(value, time);
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

  /**
   * Outcomes of the entries strictly after `after` (a window (after, now]; all time when null), written into
   * `into` and returned: called for every window of every payment, so it allocates nothing.
   */
  countAfter(after: number | null, into: OutcomeCounts): OutcomeCounts {
    const first = after === null ? -1 : this.firstIndexAfter(after);
    if (first === -1) {
      into.total = this.allTime.total;
      into.authorized = this.allTime.authorized;
      into.declined = this.allTime.declined;
      into.blocked = this.allTime.blocked;
    } else if (first >= this.times.length) {
      into.total = into.authorized = into.declined = into.blocked = 0;
    } else {
      into.total = this.times.length - first;
      into.authorized = this.allTime.authorized - this.authorizedBefore[first]!;
      into.declined = this.allTime.declined - this.declinedBefore[first]!;
      into.blocked = this.allTime.blocked - this.blockedBefore[first]!;
    }
    return into;
  }

  /** Distinct non-null values of `field` in the window (now − windowMs, now]; all time when null. */
  distinctWithin(field: DistinctField, windowMs: number | null, now: number): number {
    for (const [tracked, values] of this.distinct)
      if (tracked === field) return values.countWithin(windowMs, now);
    throw new Error(`this log does not track ${field}`);
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
