import type { Transaction } from "../transaction";
import { withIndex } from "./interner";

/** Outcome bits of `PaymentTape.facts`: what the windows count a payment as besides `total`. */
export const AUTHORIZED = 1;
export const DECLINED = 2;
export const BLOCKED = 4;
/** Numbers per payment in `PaymentTape.facts`: outcome bits, interned card, interned email (one cache line holds four payments). */
export const FACTS = 4;
export const CARD = 1;
export const EMAIL = 2;

/**
 * The facts of every payment fed to the streaming evaluator that its entity windows read again when the payment
 * leaves a window, by payment ordinal (0 for the first payment fed): its time, and side by side (one memory
 * read) its outcome bits and interned card and email (-1 when null, or when no distinct count asks for them).
 */
export class PaymentTape {
  times = new Float64Array(1024);
  facts = new Int32Array(1024 * FACTS);
  length = 0;

  /** Records the next payment; returns its ordinal. */
  append(time: number, transaction: Transaction, card: number, email: number): number {
    const payment = this.length;
    this.times = withIndex(this.times, payment);
    this.facts = withIndex(this.facts, payment * FACTS + FACTS - 1);
    this.times[payment] = time;
    const at = payment * FACTS;
    this.facts[at] = outcomeFlags(transaction);
    this.facts[at + CARD] = card;
    this.facts[at + EMAIL] = email;
    this.length = payment + 1;
    return payment;
  }
}

/** authorized = status succeeded, declined = status failed, blocked = outcome type blocked. */
export function outcomeFlags(transaction: Pick<Transaction, "status" | "outcomeType">): number {
  return (
    (transaction.status === "succeeded" ? AUTHORIZED : transaction.status === "failed" ? DECLINED : 0) |
    (transaction.outcomeType === "blocked" ? BLOCKED : 0)
  );
}
