import type { BacktestLabel, PaymentLookups, Transaction } from "@orylo/engine";
import { at, makeTransaction } from "@orylo/engine/testing";
import { describe, expect, it } from "vitest";
import { compileRuleText } from "../rules/compile-rule-text";
import { RuleMiner } from "./mine-rule-candidates";

const lookups: PaymentLookups = {
  ipCountry: (ip) => (ip.startsWith("203.") ? "VN" : "FR"),
  isDisposableEmailDomain: (domain) => domain === "trash.test",
  isFreeEmailDomain: (domain) => domain === "freemail.test",
};

/** Fed in time order, as the history pages come. */
async function mine(history: Transaction[], fraud: Transaction[] = []) {
  const labels = new Map<string, BacktestLabel>(fraud.map((payment) => [payment.chargeId, "fraud"]));
  const miner = new RuleMiner(labels, lookups);
  const payments = [...history, ...fraud].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const payment of payments) miner.add(payment);
  return miner.candidates();
}
const shopper = (minutes: number, overrides: Partial<Transaction> = {}) =>
  makeTransaction({
    createdAt: at(minutes),
    cardFingerprint: `fp_${minutes}`,
    ipAddress: `198.51.100.${minutes % 250}`,
    ...overrides,
  });

describe("mineRuleCandidates", () => {
  it("finds nothing in ordinary traffic", async () => {
    expect(await mine(Array.from({ length: 30 }, (_, i) => shopper(i * 120)))).toEqual([]);
  });

  it.each([
    [
      "fraud from one IP country",
      [shopper(1, { ipAddress: "203.0.113.1" }), shopper(500, { ipAddress: "203.0.113.2" })],
      { text: "Review if :ip_country: = 'VN'", pattern: "fraud_ip_country", value: "VN", count: 2 },
    ],
    [
      "fraud from a free-mail provider",
      [shopper(1, { email: "a@freemail.test" }), shopper(500, { email: "b@freemail.test" })],
      {
        text: "Review if :email_domain: = 'freemail.test'",
        pattern: "fraud_email_domain",
        value: "freemail.test",
        count: 2,
      },
    ],
    [
      "fraud with disposable emails",
      [shopper(1, { email: "a@trash.test" }), shopper(500, { email: "b@trash.test" })],
      { text: "Block if :is_disposable_email:", pattern: "disposable_email", value: null, count: 2 },
    ],
  ])("%s", async (_, fraud, candidate) => {
    expect(await mine([], fraud)).toContainEqual(candidate);
  });

  it("never proposes a custom email domain, which can name a person or a company", async () => {
    const fraud = [
      shopper(1, { email: "a@dupont-family.test" }),
      shopper(500, { email: "b@dupont-family.test" }),
    ];
    expect((await mine([], fraud)).map((candidate) => candidate.pattern)).not.toContain("fraud_email_domain");
  });

  it("spots card-testing shapes: one card retried, many cards from one IP, the same small amount declined", async () => {
    const retried = Array.from({ length: 5 }, (_, i) => shopper(i, { cardFingerprint: "fp_same" }));
    const oneIp = Array.from({ length: 6 }, (_, i) => shopper(100 + i, { ipAddress: "192.0.2.9" }));
    const sameAmount = Array.from({ length: 6 }, (_, i) =>
      shopper(300 + i, { amount: 150, status: "failed", declineCode: "card_declined" }),
    );
    const candidates = await mine([...retried, ...oneIp, ...sameAmount]);
    expect(candidates).toEqual(
      expect.arrayContaining([
        {
          text: "Block if :total_charges_per_card_number_hourly: >= 3",
          pattern: "card_velocity",
          value: null,
          count: 5,
        },
        {
          text: "Block if :card_count_for_ip_address_hourly: >= 3",
          pattern: "ip_card_velocity",
          value: null,
          count: 6,
        },
        {
          text: "Review if :merchant_same_amount_charges_10m: >= 4 and :amount_in_eur: <= 2",
          pattern: "repeated_amount",
          value: null,
          count: 6,
        },
      ]),
    );
    for (const candidate of candidates) expect(compileRuleText(candidate.text).ok, candidate.text).toBe(true);
  });

  it("counts a window's peak however long the history, and forgets what left the window", async () => {
    // A card tried 4 times an hour apart each day for 30 days never reaches 4 in an hour; 4 in 10 minutes does.
    const spread = Array.from({ length: 120 }, (_, i) =>
      shopper(Math.floor(i / 4) * 1_440 + (i % 4) * 61, { cardFingerprint: "fp_patient" }),
    );
    expect((await mine(spread)).map((candidate) => candidate.pattern)).not.toContain("card_velocity");
    const burst = Array.from({ length: 4 }, (_, i) =>
      shopper(50_000 + i * 2, { cardFingerprint: "fp_patient" }),
    );
    expect(await mine([...spread, ...burst])).toContainEqual({
      text: "Block if :total_charges_per_card_number_hourly: >= 3",
      pattern: "card_velocity",
      value: null,
      count: 4,
    });
  });
});
