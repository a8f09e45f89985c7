import { describe, expect, it } from "vitest";
import { startBacktest } from "../backtest";
import { evaluate } from "../evaluate";
import { FeatureNotProvidedError } from "../features/projection";
import { StreamingFeatureEvaluator } from "../features/stream";
import { DEFAULT_ENGINE_SETTINGS } from "../settings";
import { randomFacts, randomTraffic } from "../test-helpers/random-history";
import { type Detector, noHit, readNumber } from "./detector";
import { DETECTORS } from "./registry";

describe("every detector declares the features it reads", () => {
  it.each(DETECTORS.map((detector) => ({ name: detector.name, detector })))(
    "$name: given only what it declares, it finds what it finds on the whole catalogue",
    ({ detector }) => {
      const transactions = randomTraffic(11, 2_500, 5);
      const facts = randomFacts(11, transactions);
      const full = new StreamingFeatureEvaluator({}, facts);
      const projected = new StreamingFeatureEvaluator({}, facts, detector.reads);
      for (const transaction of transactions) {
        const all = full.push(transaction);
        const some = projected.push(transaction);
        expect(detector.detect(transaction, some, DEFAULT_ENGINE_SETTINGS), transaction.chargeId).toEqual(
          detector.detect(transaction, all, DEFAULT_ENGINE_SETTINGS),
        );
      }
    },
    60_000,
  );
});

describe("a detector reading a feature it did not declare", () => {
  const sneaky: Detector = {
    name: "sneaky",
    reads: ["total_charges_per_card_number_10m"],
    detect: (_transaction, features) => {
      readNumber(features, "total_charges_per_card_number_10m");
      readNumber(features, "total_charges_per_ip_address_10m");
      return noHit("sneaky_quiet", {}, "Nothing.");
    },
  };
  const [payment] = randomTraffic(12, 1, 1);

  it("makes evaluate throw on a projected vector (a backtest), not record a quiet failure", () => {
    const projected = new StreamingFeatureEvaluator({}, undefined, sneaky.reads).push(payment!);
    const options = { detectors: [sneaky] };
    expect(() => evaluate(payment!, projected, DEFAULT_ENGINE_SETTINGS, options)).toThrow(
      FeatureNotProvidedError,
    );
    const full = new StreamingFeatureEvaluator().push(payment!);
    expect(evaluate(payment!, full, DEFAULT_ENGINE_SETTINGS, options).failedDetectors).toEqual([]);
  });

  it("fails the backtest", () => {
    const replay = startBacktest({
      candidate: [],
      settings: DEFAULT_ENGINE_SETTINGS,
      labels: new Map(),
      asOf: payment!.createdAt,
      from: payment!.createdAt,
      detectors: [sneaky],
    });
    expect(() => replay.push(payment!)).toThrow(/total_charges_per_ip_address_10m/);
  });
});
