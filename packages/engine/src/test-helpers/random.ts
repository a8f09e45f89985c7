import { pick, seededRandom } from "@orylo/testkit/scenarios";

/** The seeded PRNG of the shared scenario generator, so engine scenarios and the simulator draw alike. */
export const createRandom = seededRandom;
export { pick };

/** Log-normal: shop baskets are right-skewed (many small, a few large). */
export function logNormal(random: () => number, median: number, sigma: number): number {
  const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * gaussian);
}
