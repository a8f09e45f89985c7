import { MERCHANT_WINDOWS } from "../features/catalogue";
import { type Detector, hit, noHit, ratio, readNumber } from "./detector";
import { isTinyAmount, TINY_AMOUNT_READS, tinyAmountLimit } from "./tiny-amount";

/**
 * Attacks spread over many cards and IPs leave no trace per entity, only on the merchant as a whole:
 * a decline spike and a burst of one amount. Earlier payments, per window.
 */
const SPIKE = { "10m": { declined: 10, rate: 0.5 }, hourly: { declined: 30, rate: 0.5 } } as const;
const BURST = { "10m": { same: 5, share: 0.3 }, hourly: { same: 15, share: 0.3 } } as const;

/**
 * A spike alone does not implicate this payment (shoppers keep paying during an attack), so it stays
 * below REVIEW; it weighs once this payment looks like the attack: tiny, or the burst's amount.
 */
function merchantScore(spike: boolean, burst: boolean, tiny: boolean): number {
  if (spike && burst) return tiny ? 85 : 70;
  if (spike) return tiny ? 50 : 15;
  if (burst) return tiny ? 20 : 10;
  return 0;
}

export const merchantCardTestingDetector: Detector = {
  name: "merchant_card_testing",
  reads: [
    ...MERCHANT_WINDOWS.flatMap((window) => [
      `merchant_charges_${window}`,
      `merchant_declined_charges_${window}`,
      `merchant_decline_rate_${window}`,
      `merchant_same_amount_charges_${window}`,
    ]),
    ...TINY_AMOUNT_READS,
  ],
  detect(transaction, features) {
    let spike = false;
    let burst = false;
    const evidence: Record<string, number | boolean | null> = {};
    for (const window of MERCHANT_WINDOWS) {
      const charges = readNumber(features, `merchant_charges_${window}`);
      const declined = readNumber(features, `merchant_declined_charges_${window}`);
      const rate = readNumber(features, `merchant_decline_rate_${window}`);
      const same = readNumber(features, `merchant_same_amount_charges_${window}`);
      Object.assign(evidence, {
        [`merchant_charges_${window}`]: charges,
        [`merchant_declined_charges_${window}`]: declined,
        [`merchant_decline_rate_${window}`]: rate === null ? null : ratio(rate, 1),
        [`merchant_same_amount_charges_${window}`]: same,
      });
      if (
        declined !== null &&
        rate !== null &&
        declined >= SPIKE[window].declined &&
        rate >= SPIKE[window].rate
      )
        spike = true;
      if (
        charges !== null &&
        same !== null &&
        charges > 0 &&
        same >= BURST[window].same &&
        same / charges >= BURST[window].share
      )
        burst = true;
    }
    const tiny = isTinyAmount(transaction, features);
    Object.assign(evidence, {
      amount: transaction.amount,
      tiny_amount_limit: tinyAmountLimit(transaction, features),
      tiny_amount: tiny,
      decline_spike: spike,
      same_amount_burst: burst,
    });
    const score = merchantScore(spike, burst, tiny);
    if (score === 0)
      return noHit(
        "merchant_traffic_normal",
        evidence,
        "No merchant-wide decline spike or same-amount burst.",
      );
    const what = [
      spike && "a merchant-wide decline spike",
      burst && "a burst of payments of this exact amount",
    ]
      .filter(Boolean)
      .join(" and ");
    return hit(
      score,
      spike ? "merchant_decline_spike" : "merchant_same_amount_burst",
      evidence,
      `This payment arrives during ${what}${tiny ? ", with a tiny amount" : ""}.`,
    );
  },
};
