import { z } from "zod";
import type { StripeActionKind } from "./stripe-action-spec";

/** The fields every error the Stripe SDK throws carries (matched by shape: the SDK may be another copy). */
const StripeSdkError = z.object({
  type: z.string().startsWith("Stripe"),
  message: z.string(),
  code: z.string().optional(),
  statusCode: z.number().optional(),
  requestId: z.string().optional(),
});

export type ErrorOutcome =
  | { retry: true; message: string }
  | {
      retry: false;
      status: "skipped" | "failed";
      outcome: string;
      message: string;
      requestId: string | null;
    };

/** The restricted-key permission each action needs, as the Stripe dashboard names it. */
export const WRITE_PERMISSION: Record<StripeActionKind, string> = {
  cancel_payment_intent: "PaymentIntents: Write",
  refund_charge: "Refunds: Write",
  approve_review: "Reviews: Write",
  radar_add: "Radar → Value Lists: Write",
  radar_remove: "Radar → Value Lists: Write",
};

const TRANSIENT = new Set(["StripeRateLimitError", "StripeAPIError", "StripeConnectionError"]);

/**
 * Stripe's answer as an outcome the merchant can read. Only what a retry can fix is retried: rate limits,
 * Stripe's own 5xx, network failures, lock timeouts. Everything else is final.
 */
export function stripeErrorOutcome(error: unknown, kind: StripeActionKind): ErrorOutcome {
  const parsed = StripeSdkError.safeParse(error);
  if (!parsed.success) {
    return { retry: true, message: error instanceof Error ? error.message : String(error) };
  }
  const { type, code, message } = parsed.data;
  const requestId = parsed.data.requestId ?? null;
  if (TRANSIENT.has(type) || code === "lock_timeout") {
    return { retry: true, message: `Stripe could not take the request now (${code ?? type}); retrying.` };
  }
  const final = (status: "skipped" | "failed", outcome: string, text: string): ErrorOutcome => ({
    retry: false,
    status,
    outcome,
    message: text,
    requestId,
  });
  if (type === "StripePermissionError") {
    const permission = message.match(/'(rak_[a-z_]+)'/)?.[1];
    return final(
      "failed",
      "missing_permission",
      `The Stripe key lacks the ${WRITE_PERMISSION[kind]} permission${permission ? ` (${permission})` : ""}: grant it in Stripe (Developers → API keys) and Orylo will act on the next blocked payment.`,
    );
  }
  if (type === "StripeAuthenticationError") {
    return final("failed", "unauthorized", "Stripe refused the key (revoked or invalid): reconnect Stripe.");
  }
  switch (code) {
    case "charge_already_refunded":
      return final("skipped", "already_refunded", "The payment was already refunded: nothing left to do.");
    case "payment_intent_unexpected_state":
      return final("skipped", "not_cancelable", `The PaymentIntent can no longer be canceled: ${message}`);
    case "charge_disputed":
      return final("skipped", "disputed", "The payment is already disputed: Stripe does not refund it.");
    case "resource_missing":
      return final("failed", "not_found", `Stripe does not know this object: ${message}`);
  }
  return final("failed", "rejected", `Stripe refused the request: ${message}`);
}
