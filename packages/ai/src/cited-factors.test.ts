import { describe, expect, it } from "vitest";
import { keepCitedFactors } from "./cited-factors";
import type { Explanation } from "./explanation";
import { hit, noHit } from "./test-contributions";

describe("keeping only the factors the trace supports", () => {
  it("drops invented signals and signals of detectors that did not hit, and re-reads weights from the trace", () => {
    const contributions = [hit("velocity", 40, "velocity_high", {}), noHit("card_profile")];
    const explanation: Explanation = {
      summary: "s",
      factors: [
        { signal: "velocity_high", evidence: "e", weight: 0.99 },
        { signal: "card_profile_clean", evidence: "e", weight: 0.5 },
        { signal: "made_up", evidence: "e", weight: 0.5 },
      ],
      recommendedAction: "review",
      confidence: 0.9,
      language: "en",
      source: "llm",
    };
    expect(keepCitedFactors(explanation, contributions).factors).toEqual([
      { signal: "velocity_high", evidence: "e", weight: 0.4 },
    ]);
  });
});
