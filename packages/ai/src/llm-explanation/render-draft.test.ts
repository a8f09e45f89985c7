import { describe, expect, it } from "vitest";
import { LlmOutputError } from "../providers";
import { hit, noHit, plain } from "../test-contributions";
import { bucketValue } from "./bucket";
import { explanationCacheKey, explanationFacts } from "./explanation-facts";
import { explanationRequest } from "./explanation-prompt";
import { renderDraft } from "./render-draft";

const testing = (cards: number, amount: number) => [
  hit("card_testing", 90, "card_testing_enumeration", {
    entity: "ip_address",
    card_count_for_ip_address_10m: cards,
    failure_ratio: 0.625,
    amount,
    currency: "eur",
    tiny_amount: true,
    email: "jeanne.dupont@example.org",
  }),
  noHit("velocity"),
];
const input = (cards: number, amount: number) => ({
  decision: "BLOCK" as const,
  riskScore: 92,
  contributions: testing(cards, amount),
  language: "fr" as const,
  confidence: 1,
  payment: { amount, currency: "eur" },
});

describe("explanation facts and cache key", () => {
  it("buckets numbers, keeps codes and flags, drops free text", () => {
    expect([0, 2, 3, 7, 8, 9, 4200, 0.625, true, "ip_address", "a@b.fr", null].map(bucketValue)).toEqual([
      "0",
      "2",
      "3..4",
      "5..8",
      "5..8",
      "9..16",
      "4097..8192",
      "~0.6",
      true,
      "ip_address",
      null,
      null,
    ]);
    const facts = explanationFacts(input(7, 100));
    expect(facts.signals[0]?.facts).not.toHaveProperty("email");
    expect(JSON.stringify(explanationRequest(facts))).not.toContain("jeanne");
  });

  it("gives the same key to the same pattern and another to a different one", () => {
    const key = (cards: number, amount: number, language: "fr" | "en" = "fr") =>
      explanationCacheKey(explanationFacts({ ...input(cards, amount), language }));
    expect(key(6, 120)).toBe(key(7, 110));
    expect(key(6, 120)).not.toBe(key(12, 120));
    expect(key(6, 120)).not.toBe(key(6, 120, "en"));
  });
});

describe("renderDraft", () => {
  const draft = {
    summary: "Paiement de {amount} bloqué (score {risk_score}).",
    factors: [
      {
        signal: "card_testing_enumeration",
        evidence: "{card_count_for_ip_address_10m} cartes depuis cette IP.",
      },
      { signal: "stolen_card_network", evidence: "Carte signalée." },
      { signal: "card_testing_enumeration", evidence: "{unknown_fact} tentatives." },
    ],
  };

  it("renders each detection's own numbers and drops factors the trace does not back", () => {
    const first = renderDraft(draft, input(7, 4200));
    const second = renderDraft(draft, input(6, 4700));
    expect(plain(first.summary)).toBe("Paiement de 42,00 EUR bloqué (score 92).");
    expect(plain(second.summary)).toBe("Paiement de 47,00 EUR bloqué (score 92).");
    expect(first.factors).toEqual([
      { signal: "card_testing_enumeration", evidence: "7 cartes depuis cette IP.", weight: 0.9 },
    ]);
    expect(second.factors[0]?.evidence).toBe("6 cartes depuis cette IP.");
    expect(first).toMatchObject({ source: "llm", recommendedAction: "block", language: "fr", confidence: 1 });
  });

  it("rejects a summary with a made-up number or a placeholder the trace cannot fill", () => {
    expect(() => renderDraft({ ...draft, summary: "Bloqué : 7 cartes." }, input(7, 100))).toThrow(
      LlmOutputError,
    );
    expect(() => renderDraft({ ...draft, summary: "Bloqué ({card_count})." }, input(7, 100))).toThrow(
      LlmOutputError,
    );
  });

  it("rejects a draft left without any grounded factor while the trace has hits", () => {
    const ungrounded = { summary: "Bloqué.", factors: [{ signal: "made_up", evidence: "Rien." }] };
    expect(() => renderDraft(ungrounded, input(7, 100))).toThrow(/no factor/);
  });
});
