import type { FeatureVector } from "../../features/catalogue";
import { FeatureNotProvidedError } from "../../features/projection";
import type { Transaction } from "../../transaction";

export type AttributeType = "number" | "string" | "boolean";
export type AttributeValue = string | number | boolean | null;

/** What attributes are read from: the payment and the features computed for it beforehand. */
export type AttributeContext = { transaction: Transaction; features: FeatureVector };

/**
 * Where a value comes from. `transaction` and `feature` sources are plain data, so a new signal
 * (a Transaction field, a feature in the catalogue) is one entry in a list; `derived` is for the few
 * that compute (conversions, the email's domain).
 */
export type AttributeSource =
  | { kind: "transaction"; field: keyof Transaction }
  | { kind: "feature"; feature: string }
  /** Derived from the payment alone: a backtest computes only the features rules name (see `featureReferences`). */
  | { kind: "derived"; derive: (context: Pick<AttributeContext, "transaction">) => AttributeValue };

export type AttributeDefinition = {
  name: string;
  type: AttributeType;
  /** For numbers: what one unit is (`EUR`, `count`, `ratio 0-1`, ...), shown in the editor and explanations. */
  unit?: string;
  /** Radar compares most strings case-insensitively; identifiers (fingerprints, ids) are exact. */
  caseSensitive?: boolean;
  description: string;
  source: AttributeSource;
};

export function resolveAttribute(definition: AttributeDefinition, context: AttributeContext): AttributeValue {
  const { source } = definition;
  switch (source.kind) {
    case "transaction": {
      const value = context.transaction[source.field];
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? value
        : null;
    }
    case "feature": {
      if (!(source.feature in context.features)) throw new FeatureNotProvidedError(source.feature);
      return context.features[source.feature] ?? null;
    }
    case "derived":
      return source.derive(context);
  }
}
