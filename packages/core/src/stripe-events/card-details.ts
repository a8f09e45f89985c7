import { z } from "zod";
import type { ChargePayload, PaymentMethodCard, StripeAddress } from "./charge-payload";

export interface CardDetails {
  cardFingerprint: string | null;
  cardBrand: string | null;
  cardFunding: string | null;
  cardCountry: string | null;
  cardIin: string | null;
  wallet: string | null;
  threeDSecureResult: string | null;
  cvcCheck: string | null;
  addressLine1Check: string | null;
  addressPostalCodeCheck: string | null;
}

/**
 * A Card object (`card_…`, `cc_…` in the oldest payloads) as legacy charges carry it in `source`, before
 * `payment_method_details` existed.
 * Other sources (`src_…` of any type) are not cards and give no card facts.
 */
const LegacySourceCard = z.looseObject({
  object: z.literal("card"),
  brand: z.string().nullish(),
  fingerprint: z.string().nullish(),
  funding: z.string().nullish(),
  country: z.string().nullish(),
  cvc_check: z.string().nullish(),
  address_line1_check: z.string().nullish(),
  address_zip_check: z.string().nullish(),
  address_line1: z.string().nullish(),
  address_zip: z.string().nullish(),
  address_country: z.string().nullish(),
});

/** Legacy Card objects spell brands for display; Radar rules and `payment_method_details` use these codes. */
const LEGACY_BRANDS: Record<string, string> = {
  "american express": "amex",
  "diners club": "diners",
  "cartes bancaires": "cartes_bancaires",
};

export function readCardDetails(charge: ChargePayload): CardDetails {
  const card = charge.payment_method_details?.card;
  if (card) return fromPaymentMethodCard(card);
  const legacy = legacySourceCard(charge);
  return legacy ? fromLegacyCard(legacy) : fromPaymentMethodCard({});
}

/** `billing_details.address`; a legacy charge without `billing_details` has the address on its source card. */
export function readBillingAddress(charge: ChargePayload): StripeAddress | null {
  if (charge.billing_details) return charge.billing_details.address ?? null;
  const legacy = legacySourceCard(charge);
  if (!legacy) return null;
  return { line1: legacy.address_line1, postal_code: legacy.address_zip, country: legacy.address_country };
}

function legacySourceCard(charge: ChargePayload): z.infer<typeof LegacySourceCard> | null {
  if (charge.payment_method_details?.card) return null;
  const parsed = LegacySourceCard.safeParse(charge.source);
  return parsed.success ? parsed.data : null;
}

function fromPaymentMethodCard(card: PaymentMethodCard): CardDetails {
  return {
    cardFingerprint: card.fingerprint ?? null,
    cardBrand: card.brand ?? null,
    cardFunding: card.funding ?? null,
    cardCountry: card.country ?? null,
    cardIin: card.iin ?? null,
    wallet: card.wallet?.type ?? null,
    threeDSecureResult: threeDSecureResult(card.three_d_secure),
    cvcCheck: card.checks?.cvc_check ?? null,
    addressLine1Check: card.checks?.address_line1_check ?? null,
    addressPostalCodeCheck: card.checks?.address_postal_code_check ?? null,
  };
}

/**
 * `result` when present. Before 2020-08-27 Stripe sent two booleans: authenticated and succeeded is today's
 * `authenticated`; succeeded without authentication (card not enrolled, attempt recorded) is closest to
 * `attempt_acknowledged`; not succeeded is `failed`.
 */
function threeDSecureResult(secure: PaymentMethodCard["three_d_secure"]): string | null {
  if (!secure) return null;
  if (secure.result) return secure.result;
  if (secure.succeeded == null) return null;
  if (!secure.succeeded) return "failed";
  return secure.authenticated ? "authenticated" : "attempt_acknowledged";
}

function fromLegacyCard(card: z.infer<typeof LegacySourceCard>): CardDetails {
  const brand = card.brand?.trim().toLowerCase() ?? null;
  return {
    cardFingerprint: card.fingerprint ?? null,
    cardBrand: brand ? (LEGACY_BRANDS[brand] ?? brand) : null,
    cardFunding: card.funding ?? null,
    cardCountry: card.country ?? null,
    cardIin: null,
    wallet: null,
    threeDSecureResult: null,
    cvcCheck: card.cvc_check ?? null,
    addressLine1Check: card.address_line1_check ?? null,
    addressPostalCodeCheck: card.address_zip_check ?? null,
  };
}
