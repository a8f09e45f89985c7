import type { FeatureVector } from "./catalogue";

/** A feature the caller did not compute is an error for whoever reads it, never read as "missing". */
export class FeatureNotProvidedError extends Error {
  readonly code = "feature_not_provided";
  constructor(readonly feature: string) {
    super(`Feature ${feature} was not computed for this payment`);
  }
}

const PROJECTED = Symbol("projected feature vector");
const PROJECTED_PROTOTYPE: object = Object.freeze({ [PROJECTED]: true });

/**
 * An empty vector for the features a projection computes (the streaming evaluator's, in a backtest): reading
 * a name it lacks is an error (`readFeature`), since that name was left out by the projection.
 */
export function projectedFeatureVector(): FeatureVector {
  return Object.create(PROJECTED_PROTOTYPE) as FeatureVector;
}

/**
 * A feature's value: null when missing from a complete vector (a partial test vector, an unknown name); a
 * `FeatureNotProvidedError` when missing from a projected one, whose reader did not declare it.
 */
export function readFeature(features: FeatureVector, name: string): FeatureVector[string] {
  const value = features[name];
  if (value !== undefined) return value;
  if (PROJECTED in features) throw new FeatureNotProvidedError(name);
  return null;
}
