import { combineScores } from "../score";
import { type Detector, hit, noHit, unexplainedHit, unexplainedNoHit } from "./detector";

/**
 * Signals carried by the card itself. Each alone stays below REVIEW (a mistyped CVC or postcode is
 * common); together, or with a decline sequence, they add up. Combined like the engine's score.
 */
const SIGNALS = [
  { reasonCode: "card_cvc_check_failed", score: 15, label: "CVC check failed" },
  { reasonCode: "card_postal_check_failed", score: 10, label: "postal code check failed" },
  { reasonCode: "card_address_check_failed", score: 5, label: "address line check failed" },
  { reasonCode: "card_prepaid", score: 10, label: "prepaid card" },
] as const;

export const cardProfileDetector: Detector = {
  name: "card_profile",
  reads: [],
  detect(transaction, _features, _settings, explain = true) {
    const present = {
      card_cvc_check_failed: transaction.cvcCheck === "fail",
      card_postal_check_failed: transaction.addressPostalCodeCheck === "fail",
      card_address_check_failed: transaction.addressLine1Check === "fail",
      card_prepaid: transaction.cardFunding === "prepaid",
    };
    const found = SIGNALS.filter((signal) => present[signal.reasonCode]);
    const strongest = found[0];
    const score = combineScores(found.map((signal) => signal.score));
    if (!explain)
      return strongest === undefined
        ? unexplainedNoHit("card_profile_clean")
        : unexplainedHit(score, strongest.reasonCode);
    const evidence = {
      cvc_check: transaction.cvcCheck,
      address_postal_code_check: transaction.addressPostalCodeCheck,
      address_line1_check: transaction.addressLine1Check,
      card_funding: transaction.cardFunding,
    };
    if (strongest === undefined)
      return noHit("card_profile_clean", evidence, "No failed card check, not prepaid.");
    return hit(
      score,
      strongest.reasonCode,
      evidence,
      `Card profile: ${found.map((signal) => signal.label).join(", ")}.`,
    );
  },
};
