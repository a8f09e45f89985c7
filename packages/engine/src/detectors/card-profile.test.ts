import { describe, expect, it } from "vitest";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { featuresWith } from "../test-helpers/features";
import { makeTransaction } from "../test-helpers/make-transaction";
import type { Transaction } from "../transaction";
import { cardProfileDetector } from "./card-profile";

describe("cardProfileDetector", () => {
  it.each<{ card: Partial<Transaction>; reason: string; score: number }>([
    { card: {}, reason: "card_profile_clean", score: 0 },
    {
      card: { cvcCheck: null, addressPostalCodeCheck: null, cardFunding: null },
      reason: "card_profile_clean",
      score: 0,
    },
    { card: { cvcCheck: "unavailable" }, reason: "card_profile_clean", score: 0 },
    { card: { cvcCheck: "fail" }, reason: "card_cvc_check_failed", score: 15 },
    { card: { addressPostalCodeCheck: "fail" }, reason: "card_postal_check_failed", score: 10 },
    { card: { addressLine1Check: "fail" }, reason: "card_address_check_failed", score: 5 },
    { card: { cardFunding: "prepaid" }, reason: "card_prepaid", score: 10 },
    {
      card: { cvcCheck: "fail", addressPostalCodeCheck: "fail" },
      reason: "card_cvc_check_failed",
      score: 24,
    },
    {
      card: { cvcCheck: "fail", addressPostalCodeCheck: "fail", cardFunding: "prepaid" },
      reason: "card_cvc_check_failed",
      score: 31,
    },
  ])("$card → $reason $score", ({ card, reason, score }) => {
    const finding = cardProfileDetector.detect(
      makeTransaction(card),
      featuresWith(),
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(finding).toMatchObject({ reasonCode: reason, score, status: score > 0 ? "hit" : "no_hit" });
  });
});
