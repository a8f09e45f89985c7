import type { BackfillResource } from "@orylo/db";
import type Stripe from "stripe";
import type { OrgCtx } from "../../context";
import { recordDispute } from "../../labels/record-dispute";
import { recordEarlyFraudWarning } from "../../labels/record-early-fraud-warning";
import type { OrganizationSettings } from "../../organizations/organization-settings";
import { ingestCharge } from "../../payments/ingest-charge";
import { StripeDispute } from "../../stripe-events/handlers/dispute-events";
import { StripeEarlyFraudWarning } from "../../stripe-events/handlers/early-fraud-warning-events";

export interface ListPageParams {
  created: { gte: number; lt: number };
  limit: number;
  starting_after?: string;
}

/** One kind of Stripe object the import reads page by page, and how one object is stored. */
export interface BackfillSource {
  resource: BackfillResource;
  /** The permission a restricted key needs to read it, as the Stripe dashboard names it. */
  readPermission: string;
  list(
    stripe: Stripe,
    params: ListPageParams,
    options: Stripe.RequestOptions,
  ): Promise<Stripe.ApiList<{ id: string }>>;
  store(ctx: OrgCtx, object: unknown, settings: OrganizationSettings): Promise<void>;
}

/** In this order: charges first, so the disputes' and warnings' labels find their payments. */
export const BACKFILL_RESOURCES: readonly BackfillSource[] = [
  {
    resource: "charges",
    readPermission: "Charges: Read",
    list: (stripe, params, options) => stripe.charges.list(params, options),
    store: async (ctx, charge, settings) => {
      await ingestCharge(ctx, charge as Record<string, unknown>, {
        stripeEventId: null,
        settings,
        history: true,
      });
    },
  },
  {
    resource: "disputes",
    readPermission: "Disputes: Read",
    list: (stripe, params, options) => stripe.disputes.list(params, options),
    store: async (ctx, object) => {
      const parsed = StripeDispute.safeParse(object);
      if (!parsed.success) return;
      const { id, charge, reason, status } = parsed.data;
      await recordDispute(ctx, { id, chargeId: charge, reason, status });
    },
  },
  {
    resource: "early_fraud_warnings",
    readPermission: "Early Fraud Warnings (Radar): Read",
    list: (stripe, params, options) => stripe.radar.earlyFraudWarnings.list(params, options),
    store: async (ctx, object) => {
      const parsed = StripeEarlyFraudWarning.safeParse(object);
      if (!parsed.success) return;
      const { id, charge, fraud_type } = parsed.data;
      await recordEarlyFraudWarning(ctx, { id, chargeId: charge, fraudType: fraud_type ?? null });
    },
  },
];
