import type { Transaction } from "../transaction";
import { declined, makeTransaction } from "./make-transaction";
import { createRandom, logNormal, pick } from "./random";

export type OrdinaryShoppersOptions = { seed: number; start: Date; days: number; shoppers: number };

const DECLINE_CODES = [
  "insufficient_funds",
  "do_not_honor",
  "generic_decline",
  "incorrect_cvc",
  "expired_card",
];
const MINUTE = 60_000;
const CARRIER_IPS = 50;

/**
 * Legitimate traffic, with the untidiness of real shops: right-skewed baskets, returning shoppers,
 * a few declines and retries, mistyped postcodes, prepaid cards, shared mobile-carrier IPs, and the
 * odd payment Radar finds elevated. Rates are rough public figures, not tuned to our detectors.
 */
export function ordinaryShoppers({ seed, start, days, shoppers }: OrdinaryShoppersOptions): Transaction[] {
  const random = createRandom(seed);
  const transactions: Transaction[] = [];
  for (let shopper = 0; shopper < shoppers; shopper += 1) {
    const identity = {
      cardFingerprint: `fp_shopper_${seed}_${shopper}`,
      customerId: random() < 0.8 ? `cus_${seed}_${shopper}` : null,
      email: `shopper${shopper}@example.${pick(random, ["com", "fr", "de"])}`,
      deviceId: random() < 0.6 ? `dev_${seed}_${shopper}` : null,
      cardFunding: random() < 0.06 ? "prepaid" : "credit",
      cardCountry: pick(random, ["FR", "FR", "DE", "ES", "US"]),
    };
    const homeIp = `10.${seed % 250}.${Math.floor(shopper / 250)}.${shopper % 250}`;
    // Geometric number of orders: most shoppers buy once or twice, a few come back often.
    let orders = 1;
    while (orders < 12 && random() < 0.45) orders += 1;
    for (let order = 0; order < orders; order += 1) {
      let time = start.getTime() + Math.floor(random() * days * 86_400) * 1000;
      const base = {
        ...identity,
        amount: Math.max(100, Math.round(logNormal(random, 4_500, 0.9))),
        // Home broadband most of the time; otherwise one of a few mobile-carrier (CGNAT) addresses.
        ipAddress: random() < 0.7 ? homeIp : `100.64.0.${Math.floor(random() * CARRIER_IPS)}`,
        addressPostalCodeCheck: random() < 0.02 ? "fail" : "pass",
        radarRiskLevel: random() < 0.015 ? "elevated" : random() < 0.002 ? "highest" : "normal",
      };
      // About 5 % of first attempts are declined; most of those shoppers retry a few minutes later.
      let attempts = 0;
      while (attempts < 3) {
        attempts += 1;
        const fails = random() < (attempts === 1 ? 0.05 : 0.4);
        const code = pick(random, DECLINE_CODES);
        const failure = fails ? declined(code, { cvcCheck: code === "incorrect_cvc" ? "fail" : "pass" }) : {};
        transactions.push(makeTransaction({ ...base, ...failure, createdAt: new Date(time) }));
        if (!fails || random() < 0.3) break;
        time += Math.floor(1 + random() * 5) * MINUTE;
      }
    }
  }
  return transactions;
}
