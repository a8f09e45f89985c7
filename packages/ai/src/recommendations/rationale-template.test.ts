import { describe, expect, it } from "vitest";
import { recommendationRationaleTemplate } from "./rationale-template";
import type { RecommendationFacts } from "./recommendation-facts";

const facts = (overrides: Partial<RecommendationFacts>): RecommendationFacts => ({
  rule: "Block if :card_count_for_ip_address_hourly: >= 3",
  pattern: "ip_card_velocity",
  value: null,
  count: 12,
  payments: 700,
  hits: 37,
  fraudHits: 0,
  legitimateHits: 0,
  fraudAmount: "0,00 €",
  legitimateAmount: "0,00 €",
  language: "en",
  ...overrides,
});

describe("the recommendation rationale template", () => {
  it("says hits without a label are not judged yet, rather than 0 fraudulent and 0 legitimate", () => {
    const en = recommendationRationaleTemplate(facts({}));
    expect(en).toContain("would have hit 37 of 700 payments, none of them judged yet");
    expect(en).not.toContain("0 fraudulent");
    const fr = recommendationRationaleTemplate(facts({ language: "fr" }));
    expect(fr).toContain("aurait touché 37 paiements sur 700, dont aucun n’est encore jugé");
  });

  it("gives the labelled figures when the backtest has some", () => {
    const text = recommendationRationaleTemplate(
      facts({ fraudHits: 4, legitimateHits: 1, fraudAmount: "€400.00", legitimateAmount: "€50.00" }),
    );
    expect(text).toContain("4 fraudulent (€400.00) and 1 marked legitimate (€50.00)");
  });

  it("says a rule that hit nothing hit nothing", () => {
    expect(recommendationRationaleTemplate(facts({ hits: 0 }))).toContain(
      "would have hit 0 of 700 payments: 0 fraudulent",
    );
  });
});
