import { cvcGuessing, declinedThenPays, enumerationBurst, sharedIp, stolenCardPurchases } from "./attacks";
import { between } from "./identities";
import { type Random, seededRandom } from "./random";
import { ordinaryShoppers } from "./shoppers";
import { chargeEvent, type SimulatedEvent, type SimulatedPayment } from "./stripe-charge";

const DAY = 86_400_000;

export type TrafficLabel = "shopper" | "card_testing" | "stolen_card";

export interface SimulatedTraffic {
  label: TrafficLabel;
  event: SimulatedEvent;
}

function inTimeOrder<Label>(
  random: Random,
  parts: { label: Label; payments: SimulatedPayment[] }[],
): { label: Label; event: SimulatedEvent }[] {
  return parts
    .flatMap(({ label, payments }) => payments.map((payment) => ({ label, payment })))
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => a.payment.at.getTime() - b.payment.at.getTime() || a.order - b.order)
    .map(({ label, payment }) => ({ label, event: chargeEvent(random, payment) }));
}

/**
 * The demo's traffic: ordinary shoppers over the last `days` (with `stolenCards` fraudsters' evenings among
 * them), then a card-testing burst in the last minutes, as Stripe events in time order. Same seed, same events.
 */
export function simulatedTraffic({
  seed,
  end,
  shoppers = 60,
  days = 3,
  burstCards = 40,
  burstSeconds = 240,
  stolenCards = 0,
}: {
  seed: number;
  end: Date;
  shoppers?: number;
  days?: number;
  burstCards?: number;
  burstSeconds?: number;
  stolenCards?: number;
}): SimulatedTraffic[] {
  const random = seededRandom(seed);
  const burstStart = new Date(end.getTime() - (burstSeconds + 30) * 1000);
  const shopping = ordinaryShoppers(random, {
    count: shoppers,
    start: new Date(end.getTime() - days * DAY),
    end: burstStart,
  });
  const burst = enumerationBurst(random, { cards: burstCards, start: burstStart, seconds: burstSeconds });
  const fraud = stolenCardPurchases(random, {
    fraudsters: stolenCards,
    start: new Date(end.getTime() - days * DAY),
    end: new Date(burstStart.getTime() - DAY),
  });
  return inTimeOrder(random, [
    { label: "shopper" as const, payments: shopping },
    { label: "card_testing" as const, payments: burst },
    { label: "stolen_card" as const, payments: fraud },
  ]);
}

/** The scenarios of SPEC §G, each with the outcome default settings must give it. */
export type SpecScenario = "shopper" | "enumeration" | "cvc_guessing" | "declined_then_pays" | "shared_ip";

/**
 * Every SPEC §G scenario in one merchant's stream: three to five weeks of ordinary shoppers (their number,
 * basket median, pools of cards, IPs and emails drawn from the seed), with the four attacks and honest
 * corner cases on separate days of the last week at jittered hours, as Stripe events in time order.
 */
export function specScenarios(seed: number, end: Date): { label: SpecScenario; event: SimulatedEvent }[] {
  const random = seededRandom(seed);
  const days = Math.round(between(random, 21, 35));
  const start = new Date(end.getTime() - days * DAY);
  const attackDay = (daysBeforeEnd: number) =>
    new Date(end.getTime() - daysBeforeEnd * DAY + Math.floor(between(random, 8, 20) * 3_600_000));
  return inTimeOrder(random, [
    {
      label: "shopper" as const,
      payments: ordinaryShoppers(random, { count: Math.round(between(random, 1_200, 1_800)), start, end }),
    },
    {
      label: "enumeration" as const,
      payments: enumerationBurst(random, { cards: 40, start: attackDay(5), seconds: 240 }),
    },
    { label: "cvc_guessing" as const, payments: cvcGuessing(random, { start: attackDay(4), attempts: 6 }) },
    { label: "declined_then_pays" as const, payments: declinedThenPays(random, { start: attackDay(3) }) },
    { label: "shared_ip" as const, payments: sharedIp(random, { start: attackDay(2), people: 5 }) },
  ]);
}
