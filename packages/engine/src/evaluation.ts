import { z } from "zod";
import { ListHit } from "./lists/action-lists";
import { RuleOutcome } from "./rules/rule";

/** Bumped whenever a detector, a weight or the score combination changes, so stored traces can be replayed. */
export const ENGINE_VERSION = "engine-0.1.0";

export const Decision = z.enum(["ALLOW", "REVIEW", "BLOCK"]);
export type Decision = z.infer<typeof Decision>;

/** `failed` is recorded, never silently treated as `no_hit`. */
export const ContributionStatus = z.enum(["hit", "no_hit", "failed"]);
export type ContributionStatus = z.infer<typeof ContributionStatus>;

export const EvidenceValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
export type EvidenceValue = z.infer<typeof EvidenceValue>;

/** Evidence keys are feature names or plain snake_case facts, so a person or an LLM can cite them. */
export const Evidence = z.record(z.string(), EvidenceValue);
export type Evidence = z.infer<typeof Evidence>;

export const Contribution = z.object({
  detector: z.string().min(1),
  status: ContributionStatus,
  /** 0 unless `hit`: how strongly this detector alone points at fraud. */
  score: z.number().int().min(0).max(100),
  reasonCode: z.string().min(1),
  evidence: Evidence,
  message: z.string(),
});
export type Contribution = z.infer<typeof Contribution>;

/** One entry per rule whose condition is true (shadow included), in `rankRuleHits` order: the deciding one first. */
export const RuleHit = z.object({
  ruleId: z.string().min(1),
  action: z.enum(["allow", "review", "block", "request_3ds"]),
  priority: z.number().int(),
  /** Shadow rules are recorded, never enforced. */
  shadow: z.boolean(),
});
export type RuleHit = z.infer<typeof RuleHit>;

/** The trace stored with each detection (as JSON) and read back by the dashboard and the AI tasks. */
export const Evaluation = z.object({
  engineVersion: z.string(),
  decision: Decision,
  riskScore: z.number().int().min(0).max(100),
  confidence: z.number().min(0).max(1),
  contributions: z.array(Contribution),
  failedDetectors: z.array(z.string()),
  ruleHits: z.array(RuleHit),
  /** Every evaluated rule's trace (hit, no_hit, unknown, error, expired); absent in traces stored before rules. */
  ruleOutcomes: z.array(RuleOutcome).default([]),
  /** The allow and block lists holding one of the payment's values (allow first); they decide before rules. */
  listHits: z.array(ListHit).default([]),
});
export type Evaluation = z.infer<typeof Evaluation>;
