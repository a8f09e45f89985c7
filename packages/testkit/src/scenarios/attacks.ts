import { between, EMAIL_DOMAINS, emailAddress, ipAddress, newCard } from "./identities";
import { pick, type Random, randomToken } from "./random";
import type { DeclineCode, SimulatedPayment } from "./stripe-charge";

const MINUTE = 60_000;
const ENUMERATION_DECLINES: readonly DeclineCode[] = [
  "generic_decline",
  "incorrect_number",
  "do_not_honor",
  "card_declined",
  "incorrect_cvc",
  "expired_card",
];

/**
 * A card-testing (enumeration) attack: one IP and device trying `cards` stolen cards with tiny amounts over
 * `seconds`, each attempt jittered, mostly (80–90 %) declined by the issuers.
 */
export function enumerationBurst(
  random: Random,
  { cards, start, seconds }: { cards: number; start: Date; seconds: number },
): SimulatedPayment[] {
  const ip = ipAddress(random);
  const deviceId = random() < 0.5 ? `dev_${randomToken(random, 12)}` : null;
  const declineRate = between(random, 0.8, 0.9);
  const slot = (seconds * 1000) / cards;
  return Array.from({ length: cards }, (_, attempt) => {
    const country = pick(random, ["US", "BR", "GB", "IN"] as const);
    const declined = random() < declineRate;
    return {
      at: new Date(start.getTime() + Math.floor(attempt * slot + random() * slot * 0.8)),
      amount: pick(random, [50, 100, 100, 150, 200] as const),
      currency: "eur",
      card: newCard(random, country),
      email: random() < 0.5 ? null : `${randomToken(random, 8).toLowerCase()}@${pick(random, EMAIL_DOMAINS)}`,
      customerId: null,
      ip,
      deviceId,
      billingCountry: country,
      outcome: declined
        ? { kind: "declined", declineCode: pick(random, ENUMERATION_DECLINES) }
        : { kind: "authorized", riskScore: 55 + Math.floor(random() * 20) },
      cvcCheck: declined ? "fail" : "pass",
    } satisfies SimulatedPayment;
  });
}

/** One person with one card, email, IP and device, for the scenarios that follow a single payer. */
function payer(random: Random, name: string) {
  return {
    card: newCard(random, "FR"),
    email: emailAddress(random, name),
    customerId: `cus_sim${randomToken(random, 14)}`,
    ip: ipAddress(random),
    deviceId: `dev_${randomToken(random, 12)}`,
    billingCountry: "FR",
    currency: "eur",
  };
}

/** One stolen card whose CVC is being guessed: the same card declined `incorrect_cvc`, 20–120 s apart. */
export function cvcGuessing(random: Random, { start, attempts }: { start: Date; attempts: number }) {
  const who = payer(random, "guesser");
  const amount = Math.round(between(random, 2_000, 20_000));
  let time = start.getTime();
  return Array.from({ length: attempts }, (): SimulatedPayment => {
    const at = new Date(time);
    time += Math.round(between(random, 20_000, 120_000));
    return {
      ...who,
      at,
      amount,
      outcome: { kind: "declined", declineCode: "incorrect_cvc" },
      cvcCheck: "fail",
    };
  });
}

/** An honest shopper declined twice for insufficient funds who pays a smaller basket minutes later. */
export function declinedThenPays(random: Random, { start }: { start: Date }): SimulatedPayment[] {
  const who = payer(random, "short");
  const amount = Math.round(between(random, 3_000, 15_000));
  const second = start.getTime() + Math.round(between(random, 1, 5) * MINUTE);
  const third = second + Math.round(between(random, 1, 10) * MINUTE);
  const declined = { kind: "declined", declineCode: "insufficient_funds" } as const;
  return [
    { ...who, at: start, amount, outcome: declined, cvcCheck: "pass" },
    { ...who, at: new Date(second), amount, outcome: declined, cvcCheck: "pass" },
    {
      ...who,
      at: new Date(third),
      amount: Math.round(amount * between(random, 0.4, 0.9)),
      outcome: { kind: "authorized", riskScore: Math.floor(random() * 40) },
      cvcCheck: "pass",
    },
  ];
}

/** `people` behind one IP (an office, a household) over a day, each with their own card and email. */
export function sharedIp(random: Random, { start, people }: { start: Date; people: number }) {
  const ip = ipAddress(random);
  return Array.from({ length: people }).flatMap((_, person) => {
    const who = { ...payer(random, `colleague${person}`), ip };
    return Array.from(
      { length: 1 + Math.floor(random() * 3) },
      (): SimulatedPayment => ({
        ...who,
        at: new Date(start.getTime() + Math.floor(random() * 10 * 60) * MINUTE),
        amount: Math.round(between(random, 1_000, 10_000)),
        outcome: { kind: "authorized", riskScore: Math.floor(random() * 40) },
        cvcCheck: "pass",
      }),
    );
  });
}

/**
 * Stolen cards used for real purchases, the fraud card testing leads to: each of `fraudsters` spends one
 * evening between `start` and `end` buying large baskets (3–8 times a shop's usual) with 1–3 cards from one
 * foreign IP, a fresh email per card. The issuers authorize them; the cardholders dispute them weeks later.
 */
export function stolenCardPurchases(
  random: Random,
  { fraudsters, start, end }: { fraudsters: number; start: Date; end: Date },
): SimulatedPayment[] {
  const span = end.getTime() - start.getTime();
  return Array.from({ length: fraudsters }).flatMap((_, fraudster) => {
    const ip = ipAddress(random);
    const evening = start.getTime() + Math.floor(random() * span);
    const basket = Math.round(between(random, 15_000, 40_000));
    return Array.from({ length: 1 + Math.floor(random() * 3) }, (_, card): SimulatedPayment => {
      const country = pick(random, ["US", "GB", "BR", "NG", "FR"] as const);
      return {
        at: new Date(evening + card * Math.round(between(random, 3, 40)) * MINUTE),
        amount: Math.round(basket * between(random, 0.8, 1.2)),
        currency: "eur",
        card: newCard(random, country),
        email: emailAddress(random, `buyer${fraudster}${card}`),
        customerId: null,
        ip,
        deviceId: null,
        billingCountry: pick(random, ["FR", country] as const),
        outcome: { kind: "authorized", riskScore: 30 + Math.floor(random() * 45) },
        cvcCheck: "pass",
      };
    });
  });
}
