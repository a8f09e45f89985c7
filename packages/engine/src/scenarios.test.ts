import { describe, expect, it } from "vitest";
import type { Evaluation } from "./evaluation";
import { cvcGuessing, declinedThenPays, enumerationBurst, sharedIp } from "./test-helpers/attacks";
import { ordinaryShoppers } from "./test-helpers/ordinary-shoppers";
import { replay } from "./test-helpers/replay";
import type { Transaction } from "./transaction";

// Seeded scenarios (SPEC §G), each on top of four weeks of ordinary traffic so merchant-level
// features (amount history, decline rates) look like a real shop's, with default settings.
const start = new Date("2025-02-01T00:00:00Z");
const attackTime = new Date("2025-02-25T14:00:00Z");
const background = ordinaryShoppers({ seed: 7, start, days: 28, shoppers: 1_500 });

function decisionsOf(scenario: Transaction[]): Evaluation[] {
  const evaluations = replay([background, scenario]);
  return scenario.map((transaction) => evaluations.get(transaction.chargeId)!);
}

describe("scenarios with default settings", () => {
  it.each([11, 12, 13])(
    "an enumeration burst from one IP (seed %i) is BLOCKed from its 4th attempt on",
    (seed) => {
      const burst = enumerationBurst(seed, attackTime, 40, 4);
      const decisions = decisionsOf(burst).map((evaluation) => evaluation.decision);
      expect(decisions.slice(3)).toEqual(Array(37).fill("BLOCK"));
    },
  );

  it("one card guessing its CVC is flagged by its 4th attempt", () => {
    const decisions = decisionsOf(cvcGuessing(attackTime, 6)).map((evaluation) => evaluation.decision);
    expect(decisions.slice(3).every((decision) => decision !== "ALLOW")).toBe(true);
  });

  it("a shopper declined twice for insufficient funds who then pays is not blocked", () => {
    const decisions = decisionsOf(declinedThenPays(attackTime)).map((evaluation) => evaluation.decision);
    expect(decisions).not.toContain("BLOCK");
  });

  it("five people sharing one IP over a day stay ALLOW", () => {
    const people = sharedIp(3, new Date("2025-02-26T08:00:00Z"), 5);
    expect(new Set(people.map((transaction) => transaction.ipAddress)).size).toBe(1);
    expect(new Set(decisionsOf(people).map((evaluation) => evaluation.decision))).toEqual(new Set(["ALLOW"]));
  });

  it.each([7, 8, 9])(
    "ordinary shoppers over four weeks (seed %i): BLOCK <= 1 %, REVIEW + BLOCK <= 5 %",
    (seed) => {
      const shoppers = seed === 7 ? background : ordinaryShoppers({ seed, start, days: 28, shoppers: 1_500 });
      const decisions = [...replay([shoppers]).values()].map((evaluation) => evaluation.decision);
      const share = (wanted: string[]) =>
        decisions.filter((decision) => wanted.includes(decision)).length / decisions.length;
      expect(decisions.length).toBeGreaterThan(2_000);
      expect(share(["BLOCK"])).toBeLessThanOrEqual(0.01);
      expect(share(["REVIEW", "BLOCK"])).toBeLessThanOrEqual(0.05);
    },
  );
});
