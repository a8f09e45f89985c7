import type { Contribution, Decision } from "@orylo/engine";
import { Explanation, type ExplanationLanguage } from "./explanation";
import { signalEvidence, signalLabel } from "./signals";
import { recommendedActionFor, summarize } from "./summary";

export interface ExplanationInput {
  decision: Decision;
  riskScore: number;
  contributions: readonly Contribution[];
  language: ExplanationLanguage;
  /** The engine's confidence in its decision; defaults to the share of detectors that ran. */
  confidence?: number;
}

/**
 * The deterministic explanation: one factor per detector that hit, strongest first, each citing that hit's
 * reason code and rendered from its own evidence. It reads only reason codes, detector names and the
 * evidence keys each template knows (never `message`, which is free English text), so no personal data
 * can pass through. It is also the last link of the provider chain when the LLMs fail.
 */
export function explainWithTemplates(input: ExplanationInput): Explanation {
  const { contributions, language } = input;
  // Array#sort is stable: equal scores keep the trace's order.
  const hits = contributions.filter((c) => c.status === "hit").sort((a, b) => b.score - a.score);
  const failedChecks = contributions.filter((c) => c.status === "failed").length;
  const ranChecks = contributions.length - failedChecks;
  return Explanation.parse({
    summary: summarize({
      decision: input.decision,
      riskScore: input.riskScore,
      labels: hits.map((hit) => signalLabel(hit, language)),
      ranChecks,
      failedChecks,
      language,
    }),
    factors: hits.map((hit) => ({
      signal: hit.reasonCode,
      evidence: signalEvidence(hit, language),
      weight: hit.score / 100,
    })),
    recommendedAction: recommendedActionFor(input.decision, hits.length),
    confidence: input.confidence ?? (contributions.length === 0 ? 0 : ranChecks / contributions.length),
    language,
    source: "template",
  });
}
