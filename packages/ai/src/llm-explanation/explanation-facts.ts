import { createHash } from "node:crypto";
import type { Contribution, Decision } from "@orylo/engine";
import type { ExplanationLanguage } from "../explanation";
import { signalLabel } from "../signals";
import { bucketValue, riskBand } from "./bucket";

/** Bump when the prompt or the draft's shape changes: it is part of every cache key and ledger row. */
export const EXPLANATION_PROMPT_VERSION = "explain-v1";

export interface SignalFacts {
  signal: string;
  detector: string;
  label: string;
  strength: string;
  /** Bucketed evidence; each key is also a placeholder the model may write as `{key}`. */
  facts: Record<string, string | boolean>;
}

/** Everything the model sees about a detection: derived facts only, no personal data, no exact numbers. */
export interface ExplanationFacts {
  promptVersion: string;
  language: ExplanationLanguage;
  decision: Decision;
  riskBand: string;
  signals: SignalFacts[];
}

export function explanationFacts(input: {
  decision: Decision;
  riskScore: number;
  contributions: readonly Contribution[];
  language: ExplanationLanguage;
}): ExplanationFacts {
  const hits = input.contributions.filter((c) => c.status === "hit").sort((a, b) => b.score - a.score);
  return {
    promptVersion: EXPLANATION_PROMPT_VERSION,
    language: input.language,
    decision: input.decision,
    riskBand: riskBand(input.riskScore),
    signals: hits.map((hit) => ({
      signal: hit.reasonCode,
      detector: hit.detector,
      label: signalLabel(hit, input.language),
      strength: riskBand(hit.score),
      facts: Object.fromEntries(
        Object.entries(hit.evidence)
          .map(([key, value]) => [key, bucketValue(value)] as const)
          .filter(
            (entry): entry is [string, string | boolean] => entry[1] !== null && isPlaceholderName(entry[0]),
          )
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    })),
  };
}

const PLACEHOLDER_NAME = /^[a-z][a-z0-9_]{0,63}$/;
export function isPlaceholderName(name: string): boolean {
  return PLACEHOLDER_NAME.test(name);
}

/**
 * The cache key of an explanation structure: the facts themselves (reason codes, bucketed evidence,
 * language, decision, prompt version). The cache scopes it by organization.
 */
export function explanationCacheKey(facts: ExplanationFacts): string {
  const digest = createHash("sha256").update(JSON.stringify(facts)).digest("hex").slice(0, 40);
  return `ai:explanation:${facts.promptVersion}:${digest}`;
}
