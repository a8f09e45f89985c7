import { describe, expect, it } from "vitest";
import type { SuggestionFacts } from "./suggestion-facts";
import { suggestionReasoningWithTemplates } from "./suggestion-reasoning";

const fraudLabel = (language: SuggestionFacts["language"], fraudLabels: number): SuggestionFacts => ({
  kind: "blacklist",
  signal: "fraud_label",
  subject: "customer",
  language,
  facts: { disputes: fraudLabels, fraud_labels: fraudLabels },
});

describe("suggestion templates", () => {
  it("say one fraudulent payment in the singular, in both languages", () => {
    expect(suggestionReasoningWithTemplates(fraudLabel("en", 1))).toMatch(
      /^A payment of this customer was labelled fraud .*its card is already blocked/,
    );
    expect(suggestionReasoningWithTemplates(fraudLabel("fr", 1))).toMatch(
      /^Un paiement de ce client a été marqué frauduleux .*sa carte est déjà bloquée/,
    );
  });

  it("count several fraudulent payments with the customer's own number", () => {
    expect(suggestionReasoningWithTemplates(fraudLabel("en", 2))).toMatch(
      /^2 payments of this customer were labelled fraud .*its cards are already blocked/,
    );
    expect(suggestionReasoningWithTemplates(fraudLabel("fr", 2))).toMatch(
      /^2 paiements de ce client ont été marqués frauduleux .*ses cartes sont déjà bloquées/,
    );
  });
});
