import { freshStripeId, refreshStripeIds } from "./refresh-stripe-ids";
import { isRecord, type StripeFixture } from "./stripe-fixtures";

/** A webhook event as Stripe delivers it, loosely typed: the object inside keeps its captured API version's shape. */
export interface StripeEventFixture {
  id: string;
  object: "event";
  type: string;
  api_version: string | null;
  created: number;
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  account?: string;
}

export interface FreshEventOverrides {
  /** The event type; inferred from the object's kind and status when the fixture is a bare object. */
  type?: string;
  /** Bare objects do not say which API version rendered them, so it is `null` unless given. */
  api_version?: string | null;
  created?: number;
  livemode?: boolean;
  /** The connected account (Connect events). */
  account?: string;
  /** Shallow-merged into `data.object` before ids are refreshed, so ids it brings in are refreshed too. */
  object?: Record<string, unknown>;
}

/**
 * Turns a vendored payload (an event or a bare object) into an event no test has sent before: a fresh event id,
 * and fresh charge and PaymentIntent ids kept consistent across the references inside it.
 */
export function asFreshEvent(
  fixture: StripeFixture,
  overrides: FreshEventOverrides = {},
): StripeEventFixture {
  const source = structuredClone(fixture);
  const isEvent = source.object === "event";
  const original = isEvent ? dataObjectOf(source) : source;
  const object = refreshStripeIds({ ...original, ...overrides.object });
  const previous = isEvent && isRecord(source.data) ? source.data.previous_attributes : undefined;
  const account = overrides.account ?? (isEvent ? stringOr(source.account, undefined) : undefined);
  return {
    ...(isEvent ? source : {}),
    id: freshStripeId("evt"),
    object: "event",
    type:
      overrides.type ?? (isEvent ? stringOr(source.type, undefined) : undefined) ?? inferEventType(object),
    api_version:
      overrides.api_version !== undefined
        ? overrides.api_version
        : stringOr(isEvent ? source.api_version : undefined, null),
    created: overrides.created ?? numberOr(isEvent ? source.created : object.created, nowSeconds()),
    livemode: overrides.livemode ?? booleanOr(isEvent ? source.livemode : object.livemode, false),
    pending_webhooks: numberOr(source.pending_webhooks, 1),
    request: { id: null, idempotency_key: null },
    data: isRecord(previous) ? { object, previous_attributes: previous } : { object },
    ...(account ? { account } : {}),
  };
}

/** The event a bare object would most plausibly arrive in. Throws for kinds a test must name itself. */
export function inferEventType(object: Record<string, unknown>): string {
  const status = typeof object.status === "string" ? object.status : null;
  switch (object.object) {
    case "charge":
      return status === "succeeded" || status === "failed" || status === "pending"
        ? `charge.${status}`
        : "charge.updated";
    case "payment_intent":
      return paymentIntentEventType(status, object.last_payment_error != null);
    case "customer":
      return "customer.created";
    case "dispute":
      return "charge.dispute.created";
    case "refund":
      return "refund.created";
    case "review":
      return "review.opened";
    case "radar.early_fraud_warning":
      return "radar.early_fraud_warning.created";
    default:
      throw new Error(`cannot infer an event type for a ${String(object.object)}: pass overrides.type`);
  }
}

function paymentIntentEventType(status: string | null, hasError: boolean): string {
  if (status === "succeeded" || status === "canceled" || status === "processing")
    return `payment_intent.${status}`;
  if (status === "requires_action") return "payment_intent.requires_action";
  if (status === "requires_capture") return "payment_intent.amount_capturable_updated";
  // Back at requires_payment_method with an error means the last attempt failed.
  return hasError ? "payment_intent.payment_failed" : "payment_intent.created";
}

function dataObjectOf(event: Record<string, unknown>): Record<string, unknown> {
  if (isRecord(event.data) && isRecord(event.data.object)) return event.data.object;
  throw new Error(`event ${String(event.id)} has no data.object`);
}

function stringOr<T>(value: unknown, fallback: T): string | T {
  return typeof value === "string" ? value : fallback;
}
function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}
function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}
function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
