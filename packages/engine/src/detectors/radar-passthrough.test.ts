import { describe, expect, it } from "vitest";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { featuresWith } from "../test-helpers/features";
import { makeTransaction } from "../test-helpers/make-transaction";
import type { Transaction } from "../transaction";
import { radarPassthroughDetector } from "./radar-passthrough";

describe("radarPassthroughDetector", () => {
  it.each<{ radar: Partial<Transaction>; reason: string; score: number }>([
    { radar: {}, reason: "radar_not_flagged", score: 0 },
    { radar: { outcomeType: null, radarRiskLevel: null }, reason: "radar_not_flagged", score: 0 },
    {
      radar: { outcomeType: "issuer_declined", radarRiskLevel: "normal" },
      reason: "radar_not_flagged",
      score: 0,
    },
    {
      radar: { outcomeType: "blocked", radarRiskLevel: "highest" },
      reason: "radar_outcome_blocked",
      score: 85,
    },
    {
      radar: { outcomeType: "authorized", radarRiskLevel: "highest" },
      reason: "radar_risk_highest",
      score: 80,
    },
    {
      radar: { outcomeType: "authorized", radarRiskLevel: "elevated" },
      reason: "radar_risk_elevated",
      score: 35,
    },
    {
      radar: { outcomeType: "manual_review", radarRiskLevel: "normal" },
      reason: "radar_outcome_manual_review",
      score: 35,
    },
  ])("$radar → $reason", ({ radar, reason, score }) => {
    const finding = radarPassthroughDetector.detect(
      makeTransaction(radar),
      featuresWith(),
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(finding).toMatchObject({ reasonCode: reason, score });
  });
});
