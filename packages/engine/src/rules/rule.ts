import { z } from "zod";
import { Condition, RuleAction } from "./ast";

/** A saved rule: its condition as AST (data), how it acts, and when it applies. */
export const Rule = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  action: RuleAction,
  ast: Condition,
  /** Breaks ties within an action kind: the higher priority is the deciding rule. */
  priority: z.number().int(),
  /** Evaluated and recorded, never enforced. */
  shadow: z.boolean(),
  enabled: z.boolean(),
  /** Temporary rules (an incident's block) stop applying at this instant. */
  expiresAt: z.coerce.date().nullish(),
});
export type Rule = z.infer<typeof Rule>;

/** `unknown`: the condition compared a missing value (three-valued logic), so the rule did not fire. */
export const RuleOutcomeKind = z.enum(["hit", "no_hit", "unknown", "error", "expired"]);
export type RuleOutcomeKind = z.infer<typeof RuleOutcomeKind>;

export const SeenValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** One rule's trace: what it concluded and every value it read, for explanations and backtests. */
export const RuleOutcome = z.object({
  ruleId: z.string().min(1),
  version: z.number().int(),
  outcome: RuleOutcomeKind,
  action: RuleAction,
  shadow: z.boolean(),
  priority: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** Keys: attribute names (`amount_in_eur`), `metadata.<key>`, `customer_metadata.<key>`; null = missing. */
  seen: z.record(z.string(), SeenValue),
});
export type RuleOutcome = z.infer<typeof RuleOutcome>;
