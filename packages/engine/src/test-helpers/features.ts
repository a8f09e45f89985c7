import { FEATURE_NAMES, type FeatureVector } from "../features/catalogue";

/** A first payment's features (no history), with the given values on top. */
export function featuresWith(overrides: FeatureVector = {}): FeatureVector {
  const features: FeatureVector = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0]));
  for (const name of ["merchant_decline_rate_10m", "merchant_decline_rate_hourly"]) features[name] = null;
  features.merchant_amount_mean_recent = null;
  features.merchant_amount_stddev_recent = null;
  return { ...features, ...overrides };
}
