import { describe, expect, it } from "vitest";
import { makeTransaction } from "../test-helpers/make-transaction";
import type { Transaction } from "../transaction";
import type { FeatureVector } from "./catalogue";
import { type EntityWindowPlan, EntityWindows } from "./entity-windows";
import { Interner } from "./interner";
import { PaymentTape } from "./payment-tape";

const MINUTE = 60_000;
const PLANS: EntityWindowPlan[] = [
  {
    ms: 10 * MINUTE,
    outcomes: [
      ["total", "total_10m"],
      ["declined", "declined_10m"],
      ["blocked", "blocked_10m"],
    ],
    cards: "cards_10m",
    emails: ["emails_10m"],
  },
  { ms: 60 * MINUTE, outcomes: [["authorized", "authorized_hourly"]], cards: "cards_hourly", emails: [] },
  { ms: null, outcomes: [["total", "total_all_time"]], cards: "cards_all_time", emails: ["emails_all_time"] },
];

/**
 * One entity kind (per IP here) over a tape, fed like the streaming evaluator feeds it: each payment's
 * features from the earlier ones, then the payment recorded. Cards and emails share no interner with the IPs.
 */
function replay(payments: { minute: number; tx: Partial<Transaction> }[]): FeatureVector[] {
  const tape = new PaymentTape();
  const windows = new EntityWindows(PLANS, tape);
  const [ips, cards, emails] = [new Interner(), new Interner(), new Interner()];
  const start = Date.UTC(2025, 0, 1);
  return payments.map(({ minute, tx }) => {
    const payment = makeTransaction({ createdAt: new Date(start + minute * MINUTE), ...tx });
    const time = payment.createdAt.getTime();
    const ip = payment.ipAddress === null ? -1 : ips.idOf(payment.ipAddress);
    const features: FeatureVector = {};
    windows.write(features, ip, time);
    const card = payment.cardFingerprint === null ? -1 : cards.idOf(payment.cardFingerprint);
    const email = payment.email === null ? -1 : emails.idOf(payment.email);
    windows.record(ip, tape.append(time, payment, card, email));
    return features;
  });
}

const declined = { status: "failed", outcomeType: "issuer_declined" } as const;
const blocked = { status: "failed", outcomeType: "blocked" } as const;

describe("EntityWindows", () => {
  it("counts the earlier payments of the same value in (t − w, t]: exactly t − w is out", () => {
    const ip = { ipAddress: "198.51.100.1" };
    const last = replay([
      { minute: 0, tx: { ...ip, ...declined } },
      { minute: 1, tx: { ...ip, ...blocked } },
      { minute: 5, tx: ip },
      { minute: 10, tx: ip },
    ]).at(-1)!;
    // The payment at minute 0 is exactly 10 minutes earlier: out of the 10-minute window, in the hour.
    expect(last).toMatchObject({
      total_10m: 2,
      declined_10m: 1,
      blocked_10m: 1,
      authorized_hourly: 1,
      total_all_time: 3,
    });
  });

  it("never counts another value's payments, and writes null for every name when the value is null", () => {
    const features = replay([
      { minute: 0, tx: { ipAddress: "198.51.100.1" } },
      { minute: 1, tx: { ipAddress: "198.51.100.2" } },
      { minute: 2, tx: { ipAddress: null } },
    ]);
    expect(features[1]).toMatchObject({ total_10m: 0, cards_10m: 0, total_all_time: 0 });
    expect(Object.keys(features[2]!).sort()).toEqual(
      [
        "total_10m",
        "declined_10m",
        "blocked_10m",
        "cards_10m",
        "emails_10m",
        "authorized_hourly",
        "cards_hourly",
        "total_all_time",
        "cards_all_time",
        "emails_all_time",
      ].sort(),
    );
    expect(Object.values(features[2]!).every((value) => value === null)).toBe(true);
  });

  it("counts a card once per window, by its LAST payment: a card seen again stays in after its first leaves", () => {
    const ip = { ipAddress: "198.51.100.1" };
    const probe = { ...ip, cardFingerprint: null, email: null };
    const features = replay([
      { minute: 0, tx: { ...ip, cardFingerprint: "fp_a", email: "a@x.fr" } },
      { minute: 1, tx: { ...ip, cardFingerprint: "fp_b", email: "a@x.fr" } },
      { minute: 8, tx: { ...ip, cardFingerprint: "fp_a", email: "b@x.fr" } },
      { minute: 9, tx: probe },
      // fp_a's first payment and fp_b have left the 10 minutes; fp_a's second has not.
      { minute: 12, tx: probe },
      // Everything has left the 10 minutes; the hour still holds fp_a and fp_b.
      { minute: 30, tx: probe },
      { minute: 75, tx: probe },
    ]);
    expect(features.map((f) => f.cards_10m)).toEqual([0, 1, 2, 2, 1, 0, 0]);
    expect(features.map((f) => f.cards_hourly)).toEqual([0, 1, 2, 2, 2, 2, 0]);
    expect(features.map((f) => f.cards_all_time)).toEqual([0, 1, 2, 2, 2, 2, 2]);
    expect(features.map((f) => f.emails_10m)).toEqual([0, 1, 1, 2, 1, 0, 0]);
    expect(features.map((f) => f.emails_all_time)).toEqual([0, 1, 1, 2, 2, 2, 2]);
  });

  it("keeps each value's windows apart when values interleave, and sets up ids it meets out of order", () => {
    const tape = new PaymentTape();
    const windows = new EntityWindows(PLANS, tape);
    const time = Date.UTC(2025, 0, 1);
    // Id 3 first: ids 0–2 (handed out by an interner shared with another kind) must start empty too.
    for (const [entity, card] of [
      [3, 7],
      [0, 7],
      [3, 8],
    ] as const)
      windows.record(entity, tape.append(time, makeTransaction(), card, -1));
    const read = (entity: number) => {
      const features: FeatureVector = {};
      windows.write(features, entity, time + MINUTE);
      return [features.total_10m, features.cards_10m, features.cards_all_time];
    };
    expect([read(0), read(1), read(2), read(3)]).toEqual([
      [1, 1, 1],
      [0, 0, 0],
      [0, 0, 0],
      [2, 2, 2],
    ]);
  });
});
