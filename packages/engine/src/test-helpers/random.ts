import { pick, seededRandom } from "@orylo/testkit/scenarios";

/** The seeded PRNG of the shared scenario generator, so engine tests and the simulator draw alike. */
export const createRandom = seededRandom;
export { pick };
