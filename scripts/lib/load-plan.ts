import { seededRandom, simulatedTraffic } from "@orylo/testkit/scenarios";
import { type BenchSize, bySize } from "./bench-size";
import type { Delivery } from "./open-loop";

/** Which SPEC §G target a phase measures; `warm-up` is sent (and checked in the database) but not reported. */
export type PhaseKind = "warm-up" | "latency" | "redeliveries" | "capacity";
export type Phase = { kind: PhaseKind; name: string; rate: number; count: number; redeliveries: number };

export function loadPlan(size: BenchSize): Phase[] {
  const [latency, mixed, capacity] = bySize(size, {
    tiny: [300, 1_000, 1_500],
    small: [3_000, 10_000, 15_000],
    full: [6_000, 30_000, 45_000],
  });
  return [
    { kind: "warm-up", name: "warm-up, 50 req/s", rate: 50, count: 100, redeliveries: 0 },
    { kind: "latency", name: "latency, 100 req/s", rate: 100, count: latency, redeliveries: 0 },
    {
      kind: "redeliveries",
      name: "500 req/s, 10 % redeliveries",
      rate: 500,
      count: mixed,
      redeliveries: 0.1,
    },
    {
      kind: "capacity",
      name: "capacity, 1 500 req/s offered",
      rate: 1_500,
      count: capacity,
      redeliveries: 0,
    },
  ];
}

/** Share of fresh events Stripe delivers late, after some later ones (Stripe does not guarantee order). */
export const OUT_OF_ORDER_SHARE = 0.1;
/** How many later events at most overtake a late one. */
const OUT_OF_ORDER_SPAN = 5;

/**
 * Fresh charge events (simulated shoppers plus a card-testing burst), in time order except that about
 * `OUT_OF_ORDER_SHARE` of them arrive up to `OUT_OF_ORDER_SPAN` places late.
 */
export function freshEvents(seed: number, wanted: number): Delivery[] {
  // Every shopper buys at least once, so `wanted` shoppers always give at least `wanted` events: a fast app
  // must not run out of fresh ones before the phase ends.
  const traffic = simulatedTraffic({ seed, end: new Date(), shoppers: wanted, days: 1 });
  const deliveries = traffic.slice(-wanted).map(({ event }) => ({
    eventId: event.id,
    payload: JSON.stringify(event),
    redelivery: false,
  }));
  const random = seededRandom(seed);
  for (let index = deliveries.length - 2; index >= 0; index--) {
    if (random() >= OUT_OF_ORDER_SHARE) continue;
    const late = deliveries.splice(index, 1)[0]!;
    const to = Math.min(deliveries.length, index + 1 + Math.floor(random() * OUT_OF_ORDER_SPAN));
    deliveries.splice(to, 0, late);
  }
  return deliveries;
}
