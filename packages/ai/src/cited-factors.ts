import type { Contribution } from "@orylo/engine";
import type { Explanation } from "./explanation";

/**
 * Drops every factor whose signal is absent from the trace (ARCHITECTURE §6): a model may invent one,
 * a template cannot. Weights are re-read from the trace, so a model never sets them.
 */
export function keepCitedFactors(
  explanation: Explanation,
  contributions: readonly Contribution[],
): Explanation {
  const scores = new Map(
    contributions.filter((c) => c.status === "hit").map((c) => [c.reasonCode, c.score / 100] as const),
  );
  return {
    ...explanation,
    factors: explanation.factors.flatMap((factor) => {
      const weight = scores.get(factor.signal);
      return weight === undefined ? [] : [{ ...factor, weight }];
    }),
  };
}
