import type { Transaction } from "../transaction";
import { withIndex } from "./interner";

/** `PaymentTape.flags` bits: what the windows count a payment as besides `total`. */
export const AUTHORIZED = 1;
export const DECLINED = 2;
export const BLOCKED = 4;

/**
 * The facts of every payment fed to the streaming evaluator that its entity windows read again when the payment
 * leaves a window, by payment ordinal (0 for the first payment fed): time, outcome flags, and the interned card
 * and email (-1 when null, or when no distinct count asks for them).
 */
export class PaymentTape {
  times = new Float64Array(1024);
  flags = new Uint8Array(1024);
  cards = new Int32Array(1024);
  emails = new Int32Array(1024);
  length = 0;

  /** Records the next payment; returns its ordinal. */
  append(time: number, transaction: Transaction, card: number, email: number): number {
    const payment = this.length;
    this.times = withIndex(this.times, payment);
    this.flags = withIndex(this.flags, payment);
    this.cards = withIndex(this.cards, payment);
    this.emails = withIndex(this.emails, payment);
    this.times[payment] = time;
    this.flags[payment] = outcomeFlags(transaction);
    this.cards[payment] = card;
    this.emails[payment] = email;
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
