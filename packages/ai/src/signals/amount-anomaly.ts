import { formatAmount, formatDecimal, formatNumber, plural } from "../format";
import { codeAt, numberAt, type SignalTemplate } from "./evidence";

/**
 * `amount_unusually_high`: { amount, currency, merchant_amount_count_recent, merchant_amount_mean_recent,
 * z_score } (the shop's last payments in this currency, at most 200 within 30 days). Detections stored
 * before the rename carry `merchant_amount_{count,mean}_30d` (every payment of 30 days): still read.
 */
export const amountAnomalyTemplate: SignalTemplate = {
  label: () => ({ en: "unusually high amount", fr: "montant inhabituellement élevé" }),
  evidence({ evidence }, language) {
    const amount = numberAt(evidence, "amount");
    const currency = codeAt(evidence, "currency");
    const legacy = numberAt(evidence, "merchant_amount_mean_recent") === null;
    const mean = numberAt(evidence, legacy ? "merchant_amount_mean_30d" : "merchant_amount_mean_recent");
    const count = numberAt(evidence, legacy ? "merchant_amount_count_30d" : "merchant_amount_count_recent");
    const z = numberAt(evidence, "z_score");
    if (amount === null || !currency || mean === null || count === null || z === null) return null;
    const a = formatAmount(amount, currency, language);
    const m = formatAmount(mean, currency, language);
    const n = formatNumber(count, language);
    const sigmas = formatDecimal(z, language);
    return language === "fr"
      ? `Montant de ${a}, ${sigmas} ${plural(z, language, "écart-type", "écarts-types")} au-dessus de la moyenne de la boutique ${legacy ? "sur 30 jours" : "sur ses derniers paiements"} (${m}, ${n} paiements)`
      : `Amount of ${a}, ${sigmas} standard ${plural(z, language, "deviation", "deviations")} above the shop's ${legacy ? "30-day" : "recent"} average (${m}, ${n} payments)`;
  },
};
