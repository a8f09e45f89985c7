import { DETECTORS, evaluate, type FeatureVector, type Transaction } from "@orylo/engine";
import { makeTransaction } from "@orylo/engine/testing";
import { describe, expect, it } from "vitest";
import { explainWithTemplates } from "./explain-with-templates";

/** Payments that make every built-in detector hit, so each real trace meets its template. */
const SCENARIOS: { transaction: Partial<Transaction>; features: FeatureVector }[] = [
  {
    transaction: {
      amount: 100,
      status: "failed",
      declineCode: "incorrect_cvc",
      outcomeType: "blocked",
      radarRiskLevel: "highest",
      cvcCheck: "fail",
      cardFunding: "prepaid",
    },
    features: {
      total_charges_per_card_number_10m: 6,
      card_count_for_ip_address_10m: 7,
      total_charges_per_ip_address_10m: 7,
      declined_charges_per_ip_address_10m: 5,
      merchant_charges_10m: 20,
      merchant_declined_charges_10m: 12,
      merchant_decline_rate_10m: 0.6,
      merchant_same_amount_charges_10m: 9,
    },
  },
  {
    transaction: { amount: 125_000 },
    features: {
      merchant_amount_count_recent: 200,
      merchant_amount_mean_recent: 4_500,
      merchant_amount_stddev_recent: 2_000,
      dispute_count_on_card_number_all_time: 1,
      efw_count_on_customer_all_time: 2,
    },
  },
];

describe("templates for the engine's own traces", () => {
  it("render every built-in detector from its real evidence, not the generic fallback", () => {
    const explained = new Set<string>();
    for (const scenario of SCENARIOS) {
      const evaluation = evaluate(makeTransaction(scenario.transaction), scenario.features, {
        blockThreshold: 80,
        reviewThreshold: 20,
      });
      for (const language of ["en", "fr"] as const) {
        const explanation = explainWithTemplates({ ...evaluation, language });
        for (const factor of explanation.factors) expect(factor.evidence).not.toMatch(/^Signal /);
        for (const factor of explanation.factors) expect(factor.evidence).not.toMatch(/example\.com|203\.0/);
      }
      for (const c of evaluation.contributions) if (c.status === "hit") explained.add(c.detector);
    }
    expect([...explained].sort()).toEqual(DETECTORS.map((d) => d.name).sort());
  });
});
