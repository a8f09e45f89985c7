import {
  findEvaluationDetection,
  findOrganization,
  findPaymentIntent,
  linkPaymentIntentEvaluation,
} from "@orylo/db";
import { Decision, type RuleHit, Transaction } from "@orylo/engine";
import { generateId } from "@orylo/platform";
import { z } from "zod";
import type { OrgCtx } from "../context";
import { InvalidRequestError, NotFoundError } from "../errors";
import { parseOrganizationSettings } from "../organizations/organization-settings";
import { addressKey } from "../stripe-events/address-key";
import { scorePayment, UNSTORED_INGEST_SEQ } from "./score-transaction";

const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "A two-letter ISO 3166 country code.")
  .transform((value) => value.toUpperCase());
const text = (max: number) => z.string().trim().min(1).max(max);
/** Hashed as charges' addresses are (with the matching country), then dropped: never stored. */
const address = z
  .object({ line1: text(200).optional(), postal_code: text(20).optional() })
  .strict()
  .meta({
    description:
      "Counted per address (`total_charges_per_billing_address_daily`, …) through a hash of its normalized line1, postal code and country; never stored.",
  });

export const EvaluatePaymentInput = z
  .object({
    amount: z
      .number()
      .int("Integer minor units (1999 for 19.99 €).")
      .nonnegative()
      .max(Number.MAX_SAFE_INTEGER)
      .meta({ description: "Integer minor units of `currency` (1999 + eur = 19.99 €)." }),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "A three-letter ISO 4217 currency code.")
      .transform((value) => value.toLowerCase())
      .meta({ example: "eur" }),
    payment_intent: z
      .string()
      .regex(/^pi_[A-Za-z0-9]+$/, "A Stripe PaymentIntent id (pi_…).")
      .optional()
      .meta({
        description:
          "Its charges are linked to this evaluation and not scored again. With `Idempotency-Key`, a retry answers the stored evaluation.",
      }),
    customer: z
      .string()
      .regex(/^cus_[A-Za-z0-9]+$/, "A Stripe customer id (cus_…).")
      .nullable()
      .optional(),
    email: z.email().max(320).optional(),
    ip_address: z.union([z.ipv4(), z.ipv6()]).optional(),
    device_id: text(200).optional(),
    user_agent: text(1000).optional(),
    card: z
      .object({
        fingerprint: text(100).optional(),
        brand: text(40)
          .transform((value) => value.toLowerCase())
          .optional()
          .meta({ example: "visa" }),
        funding: z.enum(["credit", "debit", "prepaid", "unknown"]).optional(),
        country: country.optional(),
        iin: z
          .string()
          .regex(/^\d{6,8}$/, "The card's first 6 to 8 digits.")
          .optional(),
      })
      .strict()
      .optional(),
    billing_country: country.optional(),
    billing_address: address.optional(),
    shipping_country: country.optional(),
    shipping_address: address.optional(),
    metadata: z
      .record(z.string().max(40), z.string().max(500))
      .refine((value) => Object.keys(value).length <= 50, "At most 50 keys.")
      .optional(),
    livemode: z
      .boolean()
      .optional()
      .meta({ description: "Whether this is a live-mode payment (default true)." }),
  })
  .strict()
  .meta({ id: "EvaluatePaymentInput" });
export type EvaluatePaymentInput = z.input<typeof EvaluatePaymentInput>;
type ParsedInput = z.output<typeof EvaluatePaymentInput>;

export const PaymentEvaluation = z
  .object({
    decision: Decision,
    riskScore: z.number().int().min(0).max(100),
    requires3ds: z.boolean().meta({
      description: "An enforced `Request 3D Secure` rule matched: ask for 3D Secure before confirming.",
    }),
    detectionId: z.string().meta({ example: "det_…" }),
  })
  .meta({ id: "PaymentEvaluation" });
export type PaymentEvaluation = z.infer<typeof PaymentEvaluation>;

/** How long an `Idempotency-Key` replays the stored evaluation of the same PaymentIntent. */
export const EVALUATE_IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface EvaluateOptions {
  idempotencyKey?: string | null;
  /** `performance.now()` when the request arrived. */
  startedAt?: number;
}

/** True when an enforced (not shadow) `Request 3D Secure` rule matched. */
export function requires3ds(ruleHits: readonly RuleHit[]): boolean {
  return ruleHits.some((hit) => hit.action === "request_3ds" && !hit.shadow);
}

/**
 * Scores a payment before it is confirmed (`POST /api/v1/evaluate`): the same features, rules, lists and
 * settings as a webhook charge, a detection with source `evaluate` and its explanation requested. With a
 * `payment_intent`, its charges are then linked to this detection instead of being scored again. Runs in one
 * database transaction.
 */
export async function evaluatePayment(
  ctx: OrgCtx,
  raw: EvaluatePaymentInput,
  options: EvaluateOptions = {},
): Promise<PaymentEvaluation & { replayed: boolean }> {
  const startedAt = options.startedAt ?? performance.now();
  const input = EvaluatePaymentInput.parse(raw);
  if (options.idempotencyKey && options.idempotencyKey.length > 255)
    throw new InvalidRequestError("Idempotency-Key: at most 255 characters.");
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const replay = await findReplay(txCtx, input, options.idempotencyKey ?? null);
    if (replay) return { ...replay, replayed: true };

    const organization = await findOrganization(tx, ctx.organizationId);
    if (!organization) throw new NotFoundError("organization", ctx.organizationId);
    const payment = toTransaction(input, ctx.now());
    const { detection, evaluation } = await scorePayment(txCtx, {
      payment,
      transactionId: null,
      source: "evaluate",
      ingestSeq: UNSTORED_INGEST_SEQ,
      settings: parseOrganizationSettings(organization),
      startedAt,
      traceExtras: options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {},
    });
    if (payment.paymentIntentId) {
      await linkPaymentIntentEvaluation(tx, {
        organizationId: ctx.organizationId,
        paymentIntentId: payment.paymentIntentId,
        customerId: payment.customerId,
        amount: payment.amount,
        currency: payment.currency,
        livemode: payment.livemode,
        evaluationDetectionId: detection.id,
      });
    }
    return {
      decision: detection.decision,
      riskScore: detection.riskScore,
      requires3ds: requires3ds(evaluation.ruleHits),
      detectionId: detection.id,
      replayed: false,
    };
  });
}

/**
 * An `Idempotency-Key` retry: the PaymentIntent's evaluation, made with the same key within 24 hours, is
 * answered as stored. Without a `payment_intent` there is nothing to find it by (the key is kept only in the
 * detection's trace), so every call scores anew.
 */
async function findReplay(
  ctx: OrgCtx,
  input: ParsedInput,
  idempotencyKey: string | null,
): Promise<PaymentEvaluation | null> {
  if (!idempotencyKey || !input.payment_intent) return null;
  const pending = await findPaymentIntent(ctx.db, ctx.organizationId, input.payment_intent);
  if (!pending?.evaluationDetectionId) return null;
  const stored = await findEvaluationDetection(ctx.db, ctx.organizationId, pending.evaluationDetectionId);
  if (stored?.source !== "evaluate") return null;
  if (stored.trace.idempotencyKey !== idempotencyKey) return null;
  if (ctx.now().getTime() - stored.createdAt.getTime() > EVALUATE_IDEMPOTENCY_WINDOW_MS) return null;
  const hits = z.array(z.looseObject({ action: z.string(), shadow: z.boolean() })).catch([]);
  return {
    decision: stored.decision,
    riskScore: stored.riskScore,
    requires3ds: requires3ds(hits.parse(stored.trace.ruleHits) as RuleHit[]),
    detectionId: stored.id,
  };
}

/** The request as the engine's `Transaction`: a pending payment with a synthetic `eval_…` charge id. */
function toTransaction(input: ParsedInput, now: Date): Transaction {
  const card = input.card ?? {};
  return Transaction.parse({
    chargeId: generateId("eval"),
    paymentIntentId: input.payment_intent ?? null,
    createdAt: now,
    livemode: input.livemode ?? true,
    amount: input.amount,
    currency: input.currency,
    status: "pending",
    captured: false,
    failureCode: null,
    declineCode: null,
    outcomeType: null,
    networkStatus: null,
    radarRiskLevel: null,
    radarRiskScore: null,
    cardFingerprint: card.fingerprint ?? null,
    cardBrand: card.brand ?? null,
    cardFunding: card.funding ?? null,
    cardCountry: card.country ?? null,
    cardIin: card.iin ?? null,
    wallet: null,
    threeDSecureResult: null,
    cvcCheck: null,
    addressLine1Check: null,
    addressPostalCodeCheck: null,
    customerId: input.customer ?? null,
    email: input.email?.trim().toLowerCase() ?? null,
    billingCountry: input.billing_country ?? null,
    billingAddressKey: input.billing_address
      ? addressKey({ ...input.billing_address, country: input.billing_country })
      : null,
    shippingCountry: input.shipping_country ?? null,
    shippingAddressKey: input.shipping_address
      ? addressKey({ ...input.shipping_address, country: input.shipping_country })
      : null,
    ipAddress: input.ip_address ?? null,
    deviceId: input.device_id ?? null,
    userAgent: input.user_agent ?? null,
    metadata: input.metadata ?? {},
  });
}
