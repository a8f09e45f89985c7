import type { ExplanationLanguage } from "../explanation";
import { formatNumber, formatPercent, plural } from "../format";
import { type Evidence, numberAt, type SignalTemplate } from "./evidence";
import { joinClauses, windowPhrase } from "./phrases";

const WINDOWS = ["10m", "hourly"] as const;
type MerchantWindow = (typeof WINDOWS)[number];

const LABELS = {
  merchant_decline_spike: { en: "shop-wide decline spike", fr: "pic de refus sur la boutique" },
  merchant_same_amount_burst: { en: "burst of identical amounts", fr: "rafale de montants identiques" },
} as const;

/** The window where `part` makes the largest share of the shop's payments (10 minutes on a tie). */
function mostTelling(evidence: Evidence, part: (window: MerchantWindow) => string) {
  let best: { window: MerchantWindow; count: number; charges: number } | null = null;
  for (const window of WINDOWS) {
    const charges = numberAt(evidence, `merchant_charges_${window}`);
    const count = numberAt(evidence, part(window));
    if (charges === null || count === null || charges === 0 || count === 0) continue;
    if (best === null || count / charges > best.count / best.charges) best = { window, count, charges };
  }
  return best;
}

/** "12 declines out of 20 shop payments in the last 10 minutes (60%)". */
function spike(evidence: Evidence, language: ExplanationLanguage): string | null {
  const found = mostTelling(evidence, (window) => `merchant_declined_charges_${window}`);
  if (!found) return null;
  const d = formatNumber(found.count, language);
  const c = formatNumber(found.charges, language);
  const share = formatPercent(found.count / found.charges, language);
  const when = windowPhrase(found.window, language);
  return language === "fr"
    ? `${d} refus sur ${c} paiements de la boutique ${when} (${share})`
    : `${d} ${plural(found.count, language, "decline", "declines")} out of ${c} shop payments ${when} (${share})`;
}

/** "9 of the 20 shop payments in the last 10 minutes had this exact amount". */
function burst(evidence: Evidence, language: ExplanationLanguage): string | null {
  const found = mostTelling(evidence, (window) => `merchant_same_amount_charges_${window}`);
  if (!found) return null;
  const s = formatNumber(found.count, language);
  const c = formatNumber(found.charges, language);
  const when = windowPhrase(found.window, language);
  return language === "fr"
    ? `${s} des ${c} paiements de la boutique ${when} ${plural(found.count, language, "avait", "avaient")} exactement ce montant`
    : `${s} of the ${c} shop payments ${when} had this exact amount`;
}

/** `merchant_decline_spike` / `merchant_same_amount_burst`: an attack spread over many cards and IPs. */
export const merchantCardTestingTemplate: SignalTemplate = {
  label: ({ reasonCode }) => LABELS[reasonCode as keyof typeof LABELS] ?? LABELS.merchant_decline_spike,
  evidence({ evidence }, language) {
    const text = joinClauses(
      [
        evidence.decline_spike === true && spike(evidence, language),
        evidence.same_amount_burst === true && burst(evidence, language),
        evidence.tiny_amount === true &&
          (language === "fr" ? "le montant de ce paiement est minime" : "this payment's amount is tiny"),
      ],
      language,
    );
    return text || null;
  },
};
