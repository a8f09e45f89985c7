import {
  cardCountFeatureName,
  type FeatureVector,
  type VelocityEntity,
  velocityFeatureName,
  type Window,
} from "../features/catalogue";
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

/** A window's count is unusual for a shared IP at this multiple of what the IP's longer window averages. */
const SHARED_IP_USUAL_FACTOR = 3;

const ipCount = (window: Window) => velocityFeatureName("total", "ip_address", window);

/**
 * A mobile carrier's (CGNAT) or an office's IP carries many people's payments every day, week after week: a
 * large shop sees such an address a thousand times a quarter. Its count is velocity only above what the IP
 * itself usually does: an hour or a day at three times the rest of its day or week, and a week only while
 * the IP has not carried as many payments before it. A new address bursting is judged by the fixed limits.
 */
const SHARED_IP_LIMITS: Partial<Record<Window, (features: FeatureVector) => number | null>> = {
  hourly: (features) => usualShare(features, "daily", "hourly", 23),
  daily: (features) => usualShare(features, "weekly", "daily", 6),
  weekly: (features) => {
    const weekly = readNumber(features, ipCount("weekly"));
    const allTime = readNumber(features, ipCount("all_time"));
    if (weekly === null || allTime === null) return null;
    return allTime - weekly >= weekly ? Number.POSITIVE_INFINITY : null;
  },
};

/**
 * Three times the IP's rate in the `longer` window outside the `shorter` one, per shorter window (`parts` of
 * them fit in the rest of the longer one), rounded up.
 */
function usualShare(features: FeatureVector, longer: Window, shorter: Window, parts: number): number | null {
  const outer = readNumber(features, ipCount(longer));
  const inner = readNumber(features, ipCount(shorter));
  if (outer === null || inner === null) return null;
  return Math.ceil((SHARED_IP_USUAL_FACTOR * (outer - inner)) / parts);
}

/**
 * An IP's day and week are velocity when someone pays again from it, not when many people pay once: its
 * earlier payments in the window that reused a card already seen there (payments minus distinct cards; every
 * payment when the cards are unknown) must reach the fixed limit too. A different card on (nearly) every
 * payment is many people behind one address, a carrier's or an office's, which a busy shop's first days show
 * before the address has a history to be judged against; or a card tester, whose many cards the card-testing
 * detector judges by their declines and amounts. Ten minutes and an hour count every payment: a burst from
 * one address is velocity whoever pays.
 */
const REPEAT_WINDOWS: ReadonlySet<Window> = new Set(["daily", "weekly"]);

/** Each limit with its feature, in the order above (built once: `detect` runs for every payment). */
const LIMITED_FEATURES = Object.entries(VELOCITY_LIMITS).flatMap(([entity, limits]) =>
  Object.entries(limits).map(([window, limit]) => {
    const ip = entity === "ip_address";
    return {
      feature: velocityFeatureName("total", entity as VelocityEntity, window as Window),
      limit,
      shared: ip ? (SHARED_IP_LIMITS[window as Window] ?? null) : null,
      cardCount:
        ip && REPEAT_WINDOWS.has(window as Window) ? cardCountFeatureName(entity, window as Window) : null,
    };
  }),
);

export const velocityDetector: Detector = {
  name: "velocity",
  reads: [
    ...new Set([
      ...LIMITED_FEATURES.flatMap(({ feature, cardCount }) =>
        cardCount === null ? [feature] : [feature, cardCount],
      ),
      ipCount("all_time"),
    ]),
  ],
  detect(_transaction, features, _settings, explain = true) {
    let worst: { feature: string; count: number; limit: number; score: number } | null = null;
    let exceeded = 0;
    for (const { feature, limit: fixed, shared, cardCount } of LIMITED_FEATURES) {
      const count = readNumber(features, feature);
      if (count === null || count < fixed) continue;
      const cards = cardCount === null ? null : readNumber(features, cardCount);
      if (cards !== null && count - cards < fixed) continue;
      const limit = Math.max(fixed, shared?.(features) ?? 0);
      if (count < limit) continue;
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
