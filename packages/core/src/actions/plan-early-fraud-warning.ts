import { convert, type EngineSettings } from "@orylo/engine";
import type { ActionSettings } from "../organizations/organization-settings";

export interface WarnedPayment {
  amount: number;
  currency: string;
  /** Orylo's score of the payment; null when it was never scored (imported history). */
  riskScore: number | null;
  radarRiskLevel: string | null;
}

export type EarlyFraudWarningPlan =
  | { refund: true; reason: "below_dispute_fee" | "high_risk" }
  | { refund: false };

/**
 * SPEC §C: after an early fraud warning, refunding costs the payment's amount while a dispute would cost it
 * plus the dispute fee. Refund when the payment is cheaper than the fee (a dispute could never be worth
 * fighting), or when its risk is high (Orylo's score at the block threshold, or Radar's `highest`).
 */
export function planEarlyFraudWarning(
  payment: WarnedPayment,
  actions: ActionSettings,
  engine: EngineSettings,
): EarlyFraudWarningPlan {
  if (!actions.refundEarlyFraudWarnings) return { refund: false };
  const fee = actions.disputeFeeCurrency;
  let belowFee = false;
  try {
    belowFee = convert(payment.amount, payment.currency, fee) < convert(actions.disputeFee, fee, fee);
  } catch {
    // No reference rate for the payment's currency: only the risk can decide.
  }
  if (belowFee) return { refund: true, reason: "below_dispute_fee" };
  const highRisk =
    (payment.riskScore !== null && payment.riskScore >= engine.blockThreshold) ||
    payment.radarRiskLevel === "highest";
  return highRisk ? { refund: true, reason: "high_risk" } : { refund: false };
}
