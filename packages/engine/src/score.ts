/**
 * Combines detector scores as independent evidence ("noisy OR"): each score s is read as a chance
 * s/100 that the payment is fraud, and the risk is the chance that at least one of them is right:
 * 100 * (1 - prod(1 - s/100)). Unlike a sum, many weak signals (five 20s = 67) do not add up to BLOCK;
 * unlike a max, two independent strong signals reinforce each other (60 and 60 = 84 = BLOCK).
 * The result never exceeds 100 and never falls below the strongest single score.
 */
export function combineScores(scores: readonly number[]): number {
  let allWrong = 1;
  for (const score of scores) allWrong *= 1 - Math.min(100, Math.max(0, score)) / 100;
  return Math.round(100 * (1 - allWrong));
}
