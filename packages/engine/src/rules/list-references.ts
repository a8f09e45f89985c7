import type { Condition } from "./ast";

/** The `@name` lists a condition reads, each once: what the live path must load before evaluating. */
export function listReferences(condition: Condition, names: Set<string> = new Set()): Set<string> {
  switch (condition.type) {
    case "and":
    case "or":
      for (const child of condition.conditions) listReferences(child, names);
      break;
    case "not":
      listReferences(condition.condition, names);
      break;
    case "in":
      if (condition.right.type === "list") names.add(condition.right.name);
      break;
  }
  return names;
}
