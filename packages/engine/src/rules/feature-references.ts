import type { Condition, Operand } from "./ast";
import type { AttributeRegistry } from "./attributes/registry";

function addFeature(operand: Operand, registry: AttributeRegistry, names: Set<string>) {
  if (operand.type !== "attribute") return;
  const source = registry.get(operand.name)?.source;
  if (source?.kind === "feature") names.add(source.feature);
}

/**
 * The catalogue features a condition reads, through its attributes: what a backtest must compute for it.
 * Derived attributes read the payment alone (their type says so) and unknown ones error whatever is computed.
 */
export function featureReferences(
  condition: Condition,
  registry: AttributeRegistry,
  names: Set<string> = new Set(),
): Set<string> {
  switch (condition.type) {
    case "and":
    case "or":
      for (const child of condition.conditions) featureReferences(child, registry, names);
      break;
    case "not":
      featureReferences(condition.condition, registry, names);
      break;
    case "compare":
      addFeature(condition.left, registry, names);
      addFeature(condition.right, registry, names);
      break;
    case "in":
      addFeature(condition.left, registry, names);
      break;
    case "is_missing":
    case "truthy":
      addFeature(condition.operand, registry, names);
      break;
  }
  return names;
}
