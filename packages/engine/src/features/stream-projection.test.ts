import { describe, expect, it } from "vitest";
import { readNumber } from "../detectors/detector";
import { createRandom } from "../test-helpers/random";
import { randomFacts, randomTraffic } from "../test-helpers/random-history";
import { FEATURE_NAMES } from "./catalogue";
import { FeatureNotProvidedError, readFeature } from "./projection";
import { StreamingFeatureEvaluator } from "./stream";

describe("a projected StreamingFeatureEvaluator", () => {
  it.each([
    { seed: 1, share: 0.05 },
    { seed: 2, share: 0.2 },
    { seed: 3, share: 0.5 },
  ])(
    "seed $seed: computes exactly the names asked for ($share of the catalogue), with the full evaluator's values",
    ({ seed, share }) => {
      const transactions = randomTraffic(seed, 2_500, 10);
      const facts = randomFacts(seed, transactions);
      const random = createRandom(seed * 31 + 1);
      const only = FEATURE_NAMES.filter(() => random() < share);
      const full = new StreamingFeatureEvaluator({}, facts);
      const projected = new StreamingFeatureEvaluator({}, facts, only);
      let positive = 0;
      for (const transaction of transactions) {
        const all = full.push(transaction);
        const some = projected.push(transaction);
        const expected = Object.fromEntries(only.map((name) => [name, all[name]]));
        expect({ ...some }, transaction.chargeId).toEqual(expected);
        positive += only.filter((name) => typeof all[name] === "number" && all[name] > 0).length;
      }
      expect(positive, "positive values compared").toBeGreaterThan(transactions.length);
    },
    60_000,
  );

  it("computes nothing for an empty projection, and reading a name it left out throws", () => {
    const [first] = randomTraffic(4, 1, 1);
    const none = new StreamingFeatureEvaluator({}, undefined, []).push(first!);
    expect(Object.keys(none)).toEqual([]);
    const some = new StreamingFeatureEvaluator({}, undefined, ["total_charges_per_email_10m"]).push(first!);
    expect(readNumber(some, "total_charges_per_email_10m")).toBe(first!.email === null ? null : 0);
    expect(() => readNumber(some, "total_charges_per_ip_address_10m")).toThrow(FeatureNotProvidedError);
  });

  it("leaves complete vectors as they were: a name they lack reads as missing", () => {
    expect(readFeature({ total_charges_per_email_10m: 2 }, "total_charges_per_ip_address_10m")).toBeNull();
  });
});
