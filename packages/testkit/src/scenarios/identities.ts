import { pick, type Random, randomToken } from "./random";
import type { SimulatedPayment } from "./stripe-charge";

const BRANDS = ["visa", "mastercard", "amex"] as const;
export const SHOPPER_COUNTRIES = ["FR", "FR", "FR", "DE", "BE", "ES", "IT", "GB", "US"] as const;
export const EMAIL_DOMAINS = [
  "gmail.com",
  "orange.fr",
  "outlook.com",
  "free.fr",
  "yahoo.fr",
  "proton.me",
] as const;

export function newCard(random: Random, country: string, funding?: string): SimulatedPayment["card"] {
  return {
    fingerprint: randomToken(random, 16),
    brand: pick(random, BRANDS),
    funding: funding ?? (random() < 0.85 ? "credit" : "debit"),
    country,
    last4: String(1000 + Math.floor(random() * 9000)),
  };
}

export function ipAddress(random: Random): string {
  return `${Math.floor(random() * 200) + 20}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${Math.floor(random() * 254) + 1}`;
}

export function emailAddress(random: Random, name: string): string {
  return `${name}.${randomToken(random, 4).toLowerCase()}@${pick(random, EMAIL_DOMAINS)}`;
}

/** Log-normal draw: shop baskets are right-skewed (many small, a few large). */
export function logNormal(random: Random, median: number, sigma: number): number {
  const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * gaussian);
}

/** A uniform draw in [low, high). */
export function between(random: Random, low: number, high: number): number {
  return low + random() * (high - low);
}
