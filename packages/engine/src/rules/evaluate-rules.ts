import { DEFAULT_ATTRIBUTE_REGISTRY } from "./attributes/registry";
import { evaluateCondition, type RuleInput, type Scope } from "./evaluate-condition";
import type { Rule, RuleOutcome } from "./rule";

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
  const outcomes: RuleOutcome[] = [];
  if (rules.length === 0) return outcomes;
  const registry = input.registry ?? DEFAULT_ATTRIBUTE_REGISTRY;
  const cache = new Map();
  // A loop and one object per rule, not filter/map and spreads: a backtest runs this for every payment.
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const outcome: RuleOutcome = {
      ruleId: rule.id,
      version: rule.version,
      action: rule.action,
      shadow: rule.shadow,
      priority: rule.priority,
      outcome: "expired",
      seen: {},
    };
    outcomes.push(outcome);
    if (rule.expiresAt && rule.expiresAt.getTime() <= input.now.getTime()) continue;
    const scope: Scope = { input, registry, cache, seen: outcome.seen };
    try {
      const truth = evaluateCondition(rule.ast, scope);
      outcome.outcome = truth === null ? "unknown" : truth ? "hit" : "no_hit";
    } catch (error) {
      outcome.outcome = "error";
      outcome.error = errorOf(error);
    }
  }
  return outcomes;
}
