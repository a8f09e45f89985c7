import { formatAmount, formatDecimal, formatNumber, plural } from "../format";
import { codeAt, numberAt, type SignalTemplate } from "./evidence";

/** `amount_unusually_high`: { amount, currency, merchant_amount_count_30d, merchant_amount_mean_30d, z_score }. */
export const amountAnomalyTemplate: SignalTemplate = {
  label: () => ({ en: "unusually high amount", fr: "montant inhabituellement élevé" }),
  evidence({ evidence }, language) {
    const amount = numberAt(evidence, "amount");
    const currency = codeAt(evidence, "currency");
    const mean = numberAt(evidence, "merchant_amount_mean_30d");
    const count = numberAt(evidence, "merchant_amount_count_30d");
    const z = numberAt(evidence, "z_score");
    if (amount === null || !currency || mean === null || count === null || z === null) return null;
    const a = formatAmount(amount, currency, language);
    const m = formatAmount(mean, currency, language);
    const n = formatNumber(count, language);
    const sigmas = formatDecimal(z, language);
    return language === "fr"
      ? `Montant de ${a}, ${sigmas} ${plural(z, language, "écart-type", "écarts-types")} au-dessus de la moyenne de la boutique sur 30 jours (${m}, ${n} paiements)`
      : `Amount of ${a}, ${sigmas} standard ${plural(z, language, "deviation", "deviations")} above the shop's 30-day average (${m}, ${n} payments)`;
  },
};
