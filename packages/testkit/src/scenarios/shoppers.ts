import { between, emailAddress, ipAddress, logNormal, newCard, SHOPPER_COUNTRIES } from "./identities";
import { pick, type Random, randomToken } from "./random";
import type { DeclineCode, SimulatedPayment } from "./stripe-charge";

const DECLINE_CODES: readonly DeclineCode[] = [
  "insufficient_funds",
  "do_not_honor",
  "generic_decline",
  "incorrect_cvc",
  "expired_card",
];
const MINUTE = 60_000;

/**
 * Legitimate traffic, with the untidiness of real shops: right-skewed baskets, returning shoppers, a few
 * declines and retries, mistyped postcodes, prepaid cards, shared mobile-carrier IPs, and the odd payment
 * Radar finds elevated. Rates are rough public figures, not tuned to our detectors.
 */
export function ordinaryShoppers(
  random: Random,
  { count, start, end }: { count: number; start: Date; end: Date },
): SimulatedPayment[] {
  const span = end.getTime() - start.getTime();
  // Mobile-carrier (CGNAT) addresses many shoppers share.
  const carrierIps = Array.from({ length: 50 }, () => ipAddress(random));
  const median = Math.round(between(random, 3_000, 6_000));
  const payments: SimulatedPayment[] = [];
  for (let shopper = 0; shopper < count; shopper++) {
    const country = pick(random, SHOPPER_COUNTRIES);
    const identity = {
      card: newCard(random, country, random() < 0.06 ? "prepaid" : undefined),
      email: emailAddress(random, `shopper${shopper}`),
      customerId: random() < 0.7 ? `cus_sim${randomToken(random, 14)}` : null,
      deviceId: random() < 0.6 ? `dev_${randomToken(random, 12)}` : null,
      billingCountry: country,
    };
    const homeIp = ipAddress(random);
    // Geometric number of orders: most shoppers buy once or twice, a few come back often.
    let orders = 1;
    while (orders < 12 && random() < 0.45) orders += 1;
    for (let order = 0; order < orders; order++) {
      let time = start.getTime() + Math.floor(random() * span);
      const radar = random();
      const base = {
        ...identity,
        amount: Math.max(100, Math.round(logNormal(random, median, 0.9))),
        currency: "eur",
        ip: random() < 0.7 ? homeIp : pick(random, carrierIps),
        postalCodeCheck: random() < 0.02 ? ("fail" as const) : ("pass" as const),
        riskScore:
          radar < 0.002 ? 80 : radar < 0.017 ? 66 + Math.floor(random() * 9) : Math.floor(random() * 40),
      };
      // About 5 % of first attempts are declined; most of those shoppers retry a few minutes later.
      for (let attempt = 1; attempt <= 3; attempt++) {
        const fails = random() < (attempt === 1 ? 0.05 : 0.4);
        const declineCode = pick(random, DECLINE_CODES);
        const { riskScore, ...payment } = base;
        payments.push({
          ...payment,
          at: new Date(time),
          outcome: fails ? { kind: "declined", declineCode } : { kind: "authorized", riskScore },
          cvcCheck: fails && declineCode === "incorrect_cvc" ? "fail" : "pass",
        });
        if (!fails || random() < 0.3) break;
        time += Math.floor(1 + random() * 5) * MINUTE;
      }
    }
  }
  return payments;
}
