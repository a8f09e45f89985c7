import { DEFAULT_ATTRIBUTE_REGISTRY } from "./attributes/registry";
import { evaluateCondition, type RuleInput, type Scope } from "./evaluate-condition";
import type { Rule, RuleOutcome, RuleOutcomeKind } from "./rule";

function errorOf(error: unknown): { code: string; message: string } {
  const code =
    error instanceof Error && "code" in error && typeof error.code === "string"
      ? error.code
      : "evaluation_failed";
  return { code, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Evaluates every enabled rule against one payment and traces each: hit, no_hit, unknown (a missing
 * value made the condition unknown), error (recorded, never read as no_hit) or expired. Disabled rules
 * are not part of the rule set and are left out. Pure: lists and features are passed in.
 */
export function evaluateRules(rules: readonly Rule[], input: RuleInput): RuleOutcome[] {
  const shared = { input, registry: input.registry ?? DEFAULT_ATTRIBUTE_REGISTRY, cache: new Map() };
  return rules
    .filter((rule) => rule.enabled)
    .map((rule) => {
      const base = {
        ruleId: rule.id,
        version: rule.version,
        action: rule.action,
        shadow: rule.shadow,
        priority: rule.priority,
      };
      if (rule.expiresAt && rule.expiresAt.getTime() <= input.now.getTime())
        return { ...base, outcome: "expired", seen: {} };
      const scope: Scope = { ...shared, seen: {} };
      try {
        const truth = evaluateCondition(rule.ast, scope);
        const outcome: RuleOutcomeKind = truth === null ? "unknown" : truth ? "hit" : "no_hit";
        return { ...base, outcome, seen: scope.seen };
      } catch (error) {
        return { ...base, outcome: "error", error: errorOf(error), seen: scope.seen };
      }
    });
}
