import { pick, type Random, randomToken, seededRandom } from "./random";
import { chargeEvent, type SimulatedEvent, type SimulatedPayment } from "./stripe-charge";

const BRANDS = ["visa", "mastercard", "amex"] as const;
const COUNTRIES = ["FR", "FR", "FR", "DE", "BE", "ES", "IT", "GB"] as const;
const DOMAINS = ["gmail.com", "orange.fr", "outlook.com", "free.fr", "yahoo.fr", "proton.me"] as const;

function newCard(random: Random, country: string): SimulatedPayment["card"] {
  return {
    fingerprint: randomToken(random, 16),
    brand: pick(random, BRANDS),
    funding: random() < 0.85 ? "credit" : "debit",
    country,
    last4: String(1000 + Math.floor(random() * 9000)),
  };
}

function ipAddress(random: Random): string {
  return `${Math.floor(random() * 200) + 20}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${Math.floor(random() * 254) + 1}`;
}

/** Basket amounts in cents: mostly 20–150 €, a long tail up to a few hundred. */
function basketAmount(random: Random): number {
  const euros = Math.exp(3.3 + random() * 1.4 + (random() < 0.05 ? 1 : 0));
  return Math.round(euros) * 100 + (random() < 0.5 ? 0 : 90);
}

/** Shoppers who each pay once to a few times over the period, with their own card, email, IP and device. */
export function ordinaryShoppers(
  random: Random,
  { count, start, end }: { count: number; start: Date; end: Date },
): SimulatedPayment[] {
  const payments: SimulatedPayment[] = [];
  const span = end.getTime() - start.getTime();
  for (let shopper = 0; shopper < count; shopper++) {
    const country = pick(random, COUNTRIES);
    const card = newCard(random, country);
    const email = `shopper${shopper}.${randomToken(random, 4).toLowerCase()}@${pick(random, DOMAINS)}`;
    const identity = {
      card,
      email,
      customerId: random() < 0.6 ? `cus_sim${randomToken(random, 14)}` : null,
      ip: ipAddress(random),
      deviceId: `dev_${randomToken(random, 12)}`,
      billingCountry: country,
    };
    const visits = 1 + Math.floor(random() * 3);
    for (let visit = 0; visit < visits; visit++) {
      const declined = random() < 0.03;
      payments.push({
        ...identity,
        at: new Date(start.getTime() + Math.floor(random() * span)),
        amount: basketAmount(random),
        currency: "eur",
        outcome: declined
          ? { kind: "declined", declineCode: "insufficient_funds" }
          : { kind: "authorized", riskScore: Math.floor(random() * 40) },
        cvcCheck: "pass",
      });
    }
  }
  return payments;
}

/**
 * A card-testing (enumeration) attack: one IP and device trying many stolen cards with tiny amounts, a few
 * seconds apart, mostly declined by the issuers.
 */
export function cardTestingBurst(
  random: Random,
  { cards, start, seconds }: { cards: number; start: Date; seconds: number },
): SimulatedPayment[] {
  const ip = ipAddress(random);
  const deviceId = `dev_${randomToken(random, 12)}`;
  return Array.from({ length: cards }, (_, attempt) => {
    const country = pick(random, ["US", "BR", "GB", "IN"] as const);
    const declined = random() < 0.85;
    return {
      at: new Date(start.getTime() + Math.floor((attempt * seconds * 1000) / cards)),
      amount: pick(random, [100, 100, 150, 200] as const),
      currency: "eur",
      card: newCard(random, country),
      email: `${randomToken(random, 8).toLowerCase()}@${pick(random, DOMAINS)}`,
      customerId: null,
      ip,
      deviceId,
      billingCountry: country,
      outcome: declined
        ? {
            kind: "declined",
            declineCode: pick(random, ["card_declined", "incorrect_cvc", "expired_card"] as const),
          }
        : { kind: "authorized", riskScore: 55 + Math.floor(random() * 20) },
      cvcCheck: declined ? "fail" : "pass",
    } satisfies SimulatedPayment;
  });
}

export type TrafficLabel = "shopper" | "card_testing";

export interface SimulatedTraffic {
  label: TrafficLabel;
  event: SimulatedEvent;
}

/**
 * The demo's traffic: ordinary shoppers over the last `days`, then a card-testing burst in the last minutes,
 * as Stripe events in time order. Same seed, same events.
 */
export function simulatedTraffic({
  seed,
  end,
  shoppers = 60,
  days = 3,
  burstCards = 40,
  burstSeconds = 240,
}: {
  seed: number;
  end: Date;
  shoppers?: number;
  days?: number;
  burstCards?: number;
  burstSeconds?: number;
}): SimulatedTraffic[] {
  const random = seededRandom(seed);
  const burstStart = new Date(end.getTime() - (burstSeconds + 30) * 1000);
  const shopping = ordinaryShoppers(random, {
    count: shoppers,
    start: new Date(end.getTime() - days * 86_400_000),
    end: burstStart,
  }).map((payment) => ({ label: "shopper" as const, payment }));
  const burst = cardTestingBurst(random, { cards: burstCards, start: burstStart, seconds: burstSeconds }).map(
    (payment) => ({ label: "card_testing" as const, payment }),
  );
  return [...shopping, ...burst]
    .sort((a, b) => a.payment.at.getTime() - b.payment.at.getTime())
    .map(({ label, payment }) => ({ label, event: chargeEvent(random, payment) }));
}
