import { MERCHANT_WINDOWS } from "../features/catalogue";
import { type Detector, hit, noHit, ratio, readNumber, unexplainedHit, unexplainedNoHit } from "./detector";
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

/** The features read per window, named once: `detect` runs for every payment of a backtest. */
const WINDOW_READS = MERCHANT_WINDOWS.map((window) => ({
  window,
  charges: `merchant_charges_${window}`,
  declined: `merchant_declined_charges_${window}`,
  rate: `merchant_decline_rate_${window}`,
  same: `merchant_same_amount_charges_${window}`,
}));

export const merchantCardTestingDetector: Detector = {
  name: "merchant_card_testing",
  reads: [
    ...WINDOW_READS.flatMap(({ charges, declined, rate, same }) => [charges, declined, rate, same]),
    ...TINY_AMOUNT_READS,
  ],
  detect(transaction, features, _settings, explain = true) {
    let spike = false;
    let burst = false;
    const evidence: Record<string, number | boolean | null> = {};
    for (const names of WINDOW_READS) {
      const { window } = names;
      const charges = readNumber(features, names.charges);
      const declined = readNumber(features, names.declined);
      const rate = readNumber(features, names.rate);
      const same = readNumber(features, names.same);
      if (explain) {
        evidence[names.charges] = charges;
        evidence[names.declined] = declined;
        evidence[names.rate] = rate === null ? null : ratio(rate, 1);
        evidence[names.same] = same;
      }
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
    const score = merchantScore(spike, burst, tiny);
    const reasonCode = spike ? "merchant_decline_spike" : "merchant_same_amount_burst";
    if (!explain)
      return score === 0 ? unexplainedNoHit("merchant_traffic_normal") : unexplainedHit(score, reasonCode);
    Object.assign(evidence, {
      amount: transaction.amount,
      tiny_amount_limit: tinyAmountLimit(transaction, features),
      tiny_amount: tiny,
      decline_spike: spike,
      same_amount_burst: burst,
    });
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
      reasonCode,
      evidence,
      `This payment arrives during ${what}${tiny ? ", with a tiny amount" : ""}.`,
    );
  },
};
