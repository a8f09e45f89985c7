import { FEATURE_NAMES } from "../../features/catalogue";
import { PAYMENT_FEATURES } from "../../features/payment-features";
import type { AttributeDefinition } from "./attribute";

function unitOf(feature: string): string {
  if (feature.startsWith("seconds_since_")) return "seconds";
  if (feature.includes("decline_rate")) return "ratio 0-1";
  if (feature.includes("amount_mean") || feature.includes("amount_stddev") || /_amount_.*_on_/.test(feature))
    return "minor units of the payment currency";
  if (feature.startsWith("card_count_for_")) return "distinct cards";
  if (feature.startsWith("email_count_for_")) return "distinct emails";
  if (/^(dispute|efw|fraudulent_refund)_count_on_/.test(feature)) return "events";
  return "payments";
}

const PAYMENT_FEATURE_BY_NAME = new Map(PAYMENT_FEATURES.map((feature) => [feature.name, feature]));

/** Every feature of the catalogue, by its own (Radar-style) name: `:card_count_for_ip_address_hourly:`. */
export const FEATURE_ATTRIBUTES: readonly AttributeDefinition[] = FEATURE_NAMES.map((feature) => {
  const ofPayment = PAYMENT_FEATURE_BY_NAME.get(feature);
  if (ofPayment)
    return {
      name: feature,
      type: ofPayment.type,
      ...(ofPayment.unit ? { unit: ofPayment.unit } : {}),
      description: ofPayment.meaning,
      source: { kind: "feature", feature },
    };
  return {
    name: feature,
    type: "number",
    unit: unitOf(feature),
    description: `Feature ${feature} (earlier payments of the organization; the current one is not counted)`,
    source: { kind: "feature", feature },
  };
});
