import { type VelocityEntity, velocityFeatureName, type Window } from "../features/catalogue";
import { type Detector, hit, noHit, readNumber, unexplainedHit, unexplainedNoHit } from "./detector";

/**
 * Earlier payments per entity and window at which velocity starts to count (the current payment is
 * the next one). Cards are personal, so their limits are lowest; an IP is often shared (offices,
 * mobile carriers), so its limits are highest. Addresses have none: households, offices and parcel
 * forwarders share them, and their counts serve merchants' own rules.
 */
export const VELOCITY_LIMITS: Partial<Record<VelocityEntity, Partial<Record<Window, number>>>> = {
  card_number: { "10m": 3, hourly: 5, daily: 8, weekly: 20 },
  customer: { "10m": 4, hourly: 6, daily: 10, weekly: 25 },
  email: { "10m": 4, hourly: 6, daily: 10, weekly: 25 },
  device: { "10m": 4, hourly: 6, daily: 10, weekly: 25 },
  ip_address: { "10m": 5, hourly: 10, daily: 20, weekly: 50 },
};

/**
 * Velocity alone tops out below BLOCK (60): bulk buyers and resellers are legitimate; with other
 * evidence (declines, many cards) it pushes a payment over. 25 at the limit, 60 at twice the limit.
 */
function velocityScore(count: number, limit: number): number {
  return Math.min(60, 25 + (35 * (count - limit)) / limit);
}

/** Each limit with its feature, in the order above (built once: `detect` runs for every payment). */
const LIMITED_FEATURES = Object.entries(VELOCITY_LIMITS).flatMap(([entity, limits]) =>
  Object.entries(limits).map(([window, limit]) => ({
    feature: velocityFeatureName("total", entity as VelocityEntity, window as Window),
    limit,
  })),
);

export const velocityDetector: Detector = {
  name: "velocity",
  reads: LIMITED_FEATURES.map(({ feature }) => feature),
  detect(_transaction, features, _settings, explain = true) {
    let worst: { feature: string; count: number; limit: number; score: number } | null = null;
    let exceeded = 0;
    for (const { feature, limit } of LIMITED_FEATURES) {
      const count = readNumber(features, feature);
      if (count === null || count < limit) continue;
      exceeded += 1;
      const score = velocityScore(count, limit);
      if (worst === null || score > worst.score) worst = { feature, count, limit, score };
    }
    if (!explain)
      return worst === null
        ? unexplainedNoHit("velocity_within_limits")
        : unexplainedHit(worst.score, "velocity_high");
    if (worst === null)
      return noHit(
        "velocity_within_limits",
        {},
        "No card, customer, email, IP or device is above its payment rate limits.",
      );
    return hit(
      worst.score,
      "velocity_high",
      { feature: worst.feature, count: worst.count, limit: worst.limit, limits_exceeded: exceeded },
      `${worst.count} earlier payments (${worst.feature}), limit ${worst.limit}; ${exceeded} rate limit(s) exceeded.`,
    );
  },
};
