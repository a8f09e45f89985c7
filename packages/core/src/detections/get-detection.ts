import {
  findDetectionWithTransaction,
  findExplanation,
  listStripeActionsForDetection,
  listStripeEventsAbout,
  stripeEventStatus,
  transactions,
} from "@orylo/db";
import { Contribution, EvidenceValue, ListHit, RuleHit, RuleOutcome } from "@orylo/engine";
import { z } from "zod";
import { StripeActionView, toStripeActionView } from "../actions/stripe-action-view";
import type { OrgCtx } from "../context";
import { NotFoundError } from "../errors";
import { DetectionExplanation, toDetectionExplanation } from "../explanations/explanation-view";
import { DetectionHeader } from "./list-detections";

/** The trace stored with each detection: what the dashboard, the API and the explanations read. */
export const DetectionTrace = z.object({
  contributions: z.array(Contribution),
  ruleHits: z.array(RuleHit),
  failedDetectors: z.array(z.string()),
  /** Every rule evaluated and what it read; absent from traces stored before rules existed. */
  ruleOutcomes: z.array(RuleOutcome).default([]),
  /** The allow and block lists holding one of the payment's values: they decide ahead of rules. */
  listHits: z.array(ListHit).default([]),
});

/** The payment's signals as the engine saw them (the merchant's own data: the API is theirs). */
const PaymentSignals = z.object({
  chargeId: z.string(),
  paymentIntentId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  amount: z.number().int().meta({ description: "Minor units of `currency`." }),
  currency: z.string(),
  status: z.enum(transactions.status.enumValues),
  declineCode: z.string().nullable(),
  outcome: z.object({
    type: z.string().nullable(),
    networkStatus: z.string().nullable(),
    radarRiskLevel: z.string().nullable(),
    radarRiskScore: z.number().nullable(),
  }),
  card: z.object({
    fingerprint: z.string().nullable(),
    brand: z.string().nullable(),
    funding: z.string().nullable(),
    country: z.string().nullable(),
    wallet: z.string().nullable(),
    threeDSecureResult: z.string().nullable(),
    cvcCheck: z.string().nullable(),
    addressLine1Check: z.string().nullable(),
    addressPostalCodeCheck: z.string().nullable(),
  }),
  customerId: z.string().nullable(),
  email: z.string().nullable(),
  ipAddress: z.string().nullable(),
  billingCountry: z.string().nullable(),
  shippingCountry: z.string().nullable(),
});

/** A Stripe event about the payment (its charge or PaymentIntent), as Orylo received it. */
const PaymentStripeEvent = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(stripeEventStatus.enumValues),
  createdAt: z.iso.datetime(),
});

export const DetectionDetail = DetectionHeader.extend({
  ...DetectionTrace.shape,
  features: z.record(z.string(), EvidenceValue),
  engineVersion: z.string(),
  rulesetVersion: z.string(),
  latencyMs: z.number(),
  payment: PaymentSignals.nullable(),
  explanation: DetectionExplanation,
  /** The payment's timeline: Stripe's events about it and Orylo's actions on it (dry runs included), oldest first. */
  stripeEvents: z.array(PaymentStripeEvent),
  actions: z.array(StripeActionView),
});
export type DetectionDetail = z.infer<typeof DetectionDetail>;

/** `GET /api/v1/detections/{id}`: another organization's detection is a 404, like a missing one. */
export async function getDetection(ctx: OrgCtx, id: string): Promise<DetectionDetail> {
  const row = await findDetectionWithTransaction(ctx.db, ctx.organizationId, id);
  if (!row) throw new NotFoundError("detection", id);
  const { detection, transaction: t } = row;
  const explanation = toDetectionExplanation(await findExplanation(ctx.db, ctx.organizationId, id));
  const objectIds = [t?.chargeId, t?.paymentIntentId ?? detection.paymentIntentId].filter(
    (objectId): objectId is string => !!objectId,
  );
  const events = await listStripeEventsAbout(ctx.db, ctx.organizationId, objectIds);
  const actions = await listStripeActionsForDetection(ctx.db, ctx.organizationId, id);
  return {
    id: detection.id,
    decision: detection.decision,
    riskScore: detection.riskScore,
    confidence: detection.confidence,
    livemode: detection.livemode,
    source: detection.source,
    createdAt: detection.createdAt.toISOString(),
    ...DetectionTrace.parse(detection.trace),
    features: z.record(z.string(), EvidenceValue).parse(detection.features),
    engineVersion: detection.engineVersion,
    rulesetVersion: detection.rulesetVersion,
    latencyMs: detection.latencyMs,
    payment: t && {
      chargeId: t.chargeId,
      paymentIntentId: t.paymentIntentId,
      createdAt: t.createdAt.toISOString(),
      amount: t.amount,
      currency: t.currency,
      status: t.status,
      declineCode: t.declineCode,
      outcome: {
        type: t.outcomeType,
        networkStatus: t.networkStatus,
        radarRiskLevel: t.radarRiskLevel,
        radarRiskScore: t.radarRiskScore,
      },
      card: {
        fingerprint: t.cardFingerprint,
        brand: t.cardBrand,
        funding: t.cardFunding,
        country: t.cardCountry,
        wallet: t.wallet,
        threeDSecureResult: t.threeDSecureResult,
        cvcCheck: t.cvcCheck,
        addressLine1Check: t.addressLine1Check,
        addressPostalCodeCheck: t.addressPostalCodeCheck,
      },
      customerId: t.customerId,
      email: t.email,
      ipAddress: t.ipAddress,
      billingCountry: t.billingCountry,
      shippingCountry: t.shippingCountry,
    },
    explanation,
    stripeEvents: events.map((event) => ({
      id: event.id,
      type: event.type,
      status: event.status,
      createdAt: event.stripeCreatedAt.toISOString(),
    })),
    actions: actions.map(toStripeActionView),
  };
}
