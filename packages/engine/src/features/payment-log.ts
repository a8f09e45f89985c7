import type { Transaction } from "../transaction";
import { AUTHORIZED, BLOCKED, DECLINED, outcomeFlags } from "./payment-tape";

export type OutcomeCounts = { total: number; authorized: number; declined: number; blocked: number };

/** Numbers per entry: its time, then the all-time authorized, declined and blocked totals just BEFORE it. */
const STRIDE = 4;

/**
 * The earlier payments of one key (the merchant, an amount), oldest first, appended in
 * stream order. Window counts are a binary search plus running totals, so each payment costs O(log n).
 * Entries older than the longest finite window are dropped; all-time counts are kept apart.
 */
export class PaymentLog {
  // One flat array of entries (a log per amount is created for many payments, so allocations count).
  // Totals before each entry make a window's count "all time minus before its first entry", which
  // stays right when evicted entries are spliced away.
  private readonly entries: number[] = [];
  /** Offset of the first entry still in any window. */
  private head = 0;
  private total = 0;
  private authorized = 0;
  private declined = 0;
  private blocked = 0;

  append(time: number, transaction: Transaction): void {
    this.entries.push(time, this.authorized, this.declined, this.blocked);
    this.total += 1;
    const outcome = outcomeFlags(transaction);
    if (outcome & AUTHORIZED) this.authorized += 1;
    if (outcome & DECLINED) this.declined += 1;
    if (outcome & BLOCKED) this.blocked += 1;
  }

  /** Forgets entries at or before `time`; they can no longer fall in any window of a later payment. */
  evictUpTo(time: number): void {
    const entries = this.entries;
    while (this.head < entries.length && entries[this.head]! <= time) this.head += STRIDE;
    if (this.head > 1024 * STRIDE && this.head * 2 > entries.length) {
      entries.splice(0, this.head);
      this.head = 0;
    }
  }

  /**
   * Outcomes of the entries strictly after `after` (a window (after, now]; all time when null), written into
   * `into` and returned: called for every window of every payment, so it allocates nothing.
   */
  countAfter(after: number | null, into: OutcomeCounts): OutcomeCounts {
    const first = after === null ? -1 : this.firstOffsetAfter(after);
    const entries = this.entries;
    if (first === -1) {
      into.total = this.total;
      into.authorized = this.authorized;
      into.declined = this.declined;
      into.blocked = this.blocked;
    } else if (first >= entries.length) {
      into.total = into.authorized = into.declined = into.blocked = 0;
    } else {
      into.total = (entries.length - first) / STRIDE;
      into.authorized = this.authorized - entries[first + 1]!;
      into.declined = this.declined - entries[first + 2]!;
      into.blocked = this.blocked - entries[first + 3]!;
    }
    return into;
  }

  /** Offset of the first entry whose time is after `after` (the entries' length when none is). */
  private firstOffsetAfter(after: number): number {
    let low = this.head / STRIDE;
    let high = this.entries.length / STRIDE;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle * STRIDE]! > after) high = middle;
      else low = middle + 1;
    }
    return low * STRIDE;
  }
}
