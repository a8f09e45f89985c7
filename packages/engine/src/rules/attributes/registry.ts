import { levenshtein } from "../levenshtein";
import { AMOUNT_ATTRIBUTES } from "./amount-attributes";
import type { AttributeDefinition } from "./attribute";
import { FEATURE_ATTRIBUTES } from "./feature-attributes";
import { TRANSACTION_ATTRIBUTES } from "./transaction-attributes";

export type AttributeRegistry = ReadonlyMap<string, AttributeDefinition>;

/** Builds a registry from data; a later signal is one more definition, a name may appear once. */
export function createAttributeRegistry(definitions: readonly AttributeDefinition[]): AttributeRegistry {
  const registry = new Map<string, AttributeDefinition>();
  for (const definition of definitions) {
    if (registry.has(definition.name)) throw new Error(`Attribute ${definition.name} is defined twice`);
    registry.set(definition.name, definition);
  }
  return registry;
}

export const DEFAULT_ATTRIBUTES: readonly AttributeDefinition[] = [
  ...TRANSACTION_ATTRIBUTES,
  ...AMOUNT_ATTRIBUTES,
  ...FEATURE_ATTRIBUTES,
];

export const DEFAULT_ATTRIBUTE_REGISTRY: AttributeRegistry = createAttributeRegistry(DEFAULT_ATTRIBUTES);

/** The closest known name, if it is close enough to be a typo (at most a third of the name). */
export function suggestAttribute(registry: AttributeRegistry, name: string): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const candidate of registry.keys()) {
    const distance = levenshtein(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : null;
}
