import {
  DEFAULT_ENGINE_SETTINGS,
  type Decision,
  evaluate,
  streamFeatures,
  VELOCITY_LIMITS,
} from "@orylo/engine";
import {
  chargeEvent,
  ordinaryShoppers,
  type SpecScenario,
  seededRandom,
  simulatedTraffic,
  specScenarios,
} from "@orylo/testkit/scenarios";
import { describe, expect, it } from "vitest";
import { normalizeCharge } from "../src/stripe-events/normalize-charge";

// SPEC §G scenario outcomes with default settings, over 20 seeds: each seed redraws the shop (weeks of
// shoppers, basket sizes, card/IP/email pools) and the timing and amounts of every attack, so no weight
// can be tuned to one draw. The engine runs in memory on the Stripe payloads as ingestion normalizes them.
const SEEDS = Array.from({ length: 20 }, (_, index) => 101 + index);
const END = new Date("2025-03-01T00:00:00Z");

function decisionsBySeed(seed: number): Record<SpecScenario, Decision[]> {
  const traffic = specScenarios(seed, END);
  const decisions: Record<SpecScenario, Decision[]> = {
    shopper: [],
    enumeration: [],
    cvc_guessing: [],
    declined_then_pays: [],
    shared_ip: [],
  };
  const transactions = traffic.map(({ event }) => normalizeCharge(event.data.object));
  let index = 0;
  for (const { transaction, features } of streamFeatures(transactions)) {
    decisions[traffic[index]!.label].push(evaluate(transaction, features, DEFAULT_ENGINE_SETTINGS).decision);
    index += 1;
  }
  return decisions;
}

const outcomes = new Map(SEEDS.map((seed) => [seed, decisionsBySeed(seed)]));
const each = (scenario: SpecScenario) => SEEDS.map((seed) => [seed, outcomes.get(seed)![scenario]] as const);

describe("SPEC §G scenarios with default settings, 20 seeds", () => {
  it.each(each("enumeration"))(
    "seed %i: an enumeration burst from one IP is BLOCKed from its 4th attempt on",
    (_, decisions) => {
      expect(decisions).toHaveLength(40);
      expect(decisions.slice(3)).toEqual(Array(37).fill("BLOCK"));
    },
  );

  it.each(each("cvc_guessing"))(
    "seed %i: one card guessing its CVC is flagged by its 4th attempt",
    (_, decisions) => {
      expect(decisions).toHaveLength(6);
      expect(decisions.slice(3)).not.toContain("ALLOW");
    },
  );

  it.each(each("declined_then_pays"))(
    "seed %i: a shopper declined twice for insufficient funds who then pays is not blocked",
    (_, decisions) => {
      expect(decisions).toHaveLength(3);
      expect(decisions).not.toContain("BLOCK");
    },
  );

  it.each(each("shared_ip"))("seed %i: five people sharing one IP over a day stay ALLOW", (_, decisions) => {
    expect(decisions.length).toBeGreaterThanOrEqual(5);
    expect(new Set(decisions)).toEqual(new Set(["ALLOW"]));
  });

  it.each(each("shopper"))(
    "seed %i: ordinary shoppers: BLOCK <= 1 %, REVIEW + BLOCK <= 5 %",
    (_, decisions) => {
      const share = (wanted: Decision[]) =>
        decisions.filter((d) => wanted.includes(d)).length / decisions.length;
      expect(decisions.length).toBeGreaterThan(2_000);
      expect(share(["BLOCK"])).toBeLessThanOrEqual(0.01);
      expect(share(["REVIEW", "BLOCK"])).toBeLessThanOrEqual(0.05);
    },
  );
});

// A large shop (about 9 000 payments a week): its 50 mobile-carrier addresses each carry 50 to 80 payments a
// week, every one with a different card. Once an address has a week of history behind it, that is its usual
// traffic, not velocity.
describe("a large shop whose shoppers share mobile-carrier IPs, default settings", () => {
  const DAY_MS = 86_400_000;
  it.each([201, 202, 203])(
    "seed %i: after two weeks, BLOCK <= 1 %, REVIEW + BLOCK <= 5 %",
    (seed) => {
      const random = seededRandom(seed);
      const start = new Date(END.getTime() - 35 * DAY_MS);
      const payments = ordinaryShoppers(random, { count: 24_000, start, end: END }).sort(
        (a, b) => a.at.getTime() - b.at.getTime(),
      );
      const transactions = payments.map((payment) =>
        normalizeCharge(chargeEvent(random, payment).data.object),
      );
      const settled = start.getTime() + 14 * DAY_MS;
      const decisions: Decision[] = [];
      let busiestIpWeek = 0;
      for (const { transaction, features } of streamFeatures(transactions)) {
        busiestIpWeek = Math.max(busiestIpWeek, Number(features.total_charges_per_ip_address_weekly ?? 0));
        if (transaction.createdAt.getTime() < settled) continue;
        decisions.push(evaluate(transaction, features, DEFAULT_ENGINE_SETTINGS).decision);
      }
      const share = (wanted: Decision[]) =>
        decisions.filter((d) => wanted.includes(d)).length / decisions.length;
      expect(busiestIpWeek).toBeGreaterThan(VELOCITY_LIMITS.ip_address?.weekly ?? 0);
      expect(share(["BLOCK"])).toBeLessThanOrEqual(0.01);
      expect(share(["REVIEW", "BLOCK"])).toBeLessThanOrEqual(0.05);
    },
    60_000,
  );
});

// A busy shop's first day on Orylo with no history (an empty backfill): about 11 500 payments, a third of them
// on 50 mobile-carrier addresses that each carry about 70 that day, every one with another card, so no address
// has a past to be judged against. A card-testing burst ends the day.
describe("a busy shop's first day, no history, default settings", () => {
  it.each([301, 302, 303])(
    "seed %i: shoppers BLOCK <= 1 %, REVIEW + BLOCK <= 5 %; the burst BLOCKed from its 4th attempt",
    (seed) => {
      const traffic = simulatedTraffic({ seed, end: END, shoppers: 6_000, days: 1 });
      const transactions = traffic.map(({ event }) => normalizeCharge(event.data.object));
      const shoppers: Decision[] = [];
      const burst: Decision[] = [];
      let busiestIpDay = 0;
      let index = 0;
      for (const { transaction, features } of streamFeatures(transactions)) {
        const { label } = traffic[index]!;
        index += 1;
        const { decision } = evaluate(transaction, features, DEFAULT_ENGINE_SETTINGS);
        if (label === "card_testing") {
          burst.push(decision);
          continue;
        }
        busiestIpDay = Math.max(busiestIpDay, Number(features.total_charges_per_ip_address_daily ?? 0));
        shoppers.push(decision);
      }
      const share = (wanted: Decision[]) =>
        shoppers.filter((d) => wanted.includes(d)).length / shoppers.length;
      expect(shoppers.length).toBeGreaterThan(10_000);
      expect(busiestIpDay).toBeGreaterThan(2 * (VELOCITY_LIMITS.ip_address?.daily ?? 0));
      expect(share(["BLOCK"])).toBeLessThanOrEqual(0.01);
      expect(share(["REVIEW", "BLOCK"])).toBeLessThanOrEqual(0.05);
      expect(burst).toHaveLength(40);
      expect(burst.slice(3)).toEqual(Array(37).fill("BLOCK"));
    },
    60_000,
  );
});
