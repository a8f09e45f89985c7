import { stripeErrors } from "./errors";
import { type FormObject, objectField, stringField } from "./form";
import { type FakeStripeStore, type StripeList, type StripeObject, stripeId } from "./store";

export interface FakeRequest {
  params: string[];
  form: FormObject;
  account: string;
  store: FakeStripeStore;
  path: string;
  now: () => number;
}

export interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  /** The restricted-key permission Stripe would ask for (`rak_…`); null for OAuth, which takes the platform key. */
  permission: string | null;
  handle(request: FakeRequest): StripeObject | StripeList | Record<string, unknown>;
}

const CANCELABLE = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
];

function mustGet(request: FakeRequest, object: string, id: string, what = object.replaceAll("_", " ")) {
  const found = request.store.get(request.account, object, id);
  if (!found) throw stripeErrors.missing(what, id);
  return found;
}

function list(object: string, where?: (request: FakeRequest) => (o: StripeObject) => boolean) {
  return (request: FakeRequest) =>
    request.store.list(request.account, object, {
      url: request.path,
      limit: stringField(request.form, "limit"),
      startingAfter: stringField(request.form, "starting_after"),
      created: objectField(request.form, "created"),
      ...(where ? { where: where(request) } : {}),
    });
}

function cancelPaymentIntent(request: FakeRequest) {
  const intent = mustGet(request, "payment_intent", request.params[0] as string, "payment_intent");
  if (!CANCELABLE.includes(String(intent.status))) {
    throw stripeErrors.invalid(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
      "payment_intent_unexpected_state",
    );
  }
  intent.status = "canceled";
  intent.canceled_at = Math.floor(request.now() / 1000);
  intent.cancellation_reason = stringField(request.form, "cancellation_reason") ?? null;
  return intent;
}

function createRefund(request: FakeRequest) {
  const chargeId =
    stringField(request.form, "charge") ??
    (() => {
      const intentId = stringField(request.form, "payment_intent");
      if (!intentId)
        throw stripeErrors.invalid("You must pass either charge or payment_intent.", "parameter_missing");
      const intent = mustGet(request, "payment_intent", intentId, "payment_intent");
      return String(intent.latest_charge);
    })();
  const charge = mustGet(request, "charge", chargeId, "charge");
  if (charge.refunded === true) {
    throw stripeErrors.invalid(`Charge ${charge.id} has already been refunded.`, "charge_already_refunded");
  }
  if (charge.disputed === true) {
    throw stripeErrors.invalid(
      `Charge ${charge.id} has been charged back; cannot issue a refund.`,
      "charge_disputed",
    );
  }
  const amount = Number(
    stringField(request.form, "amount") ?? Number(charge.amount) - Number(charge.amount_refunded ?? 0),
  );
  charge.amount_refunded = Number(charge.amount_refunded ?? 0) + amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  return request.store.put(request.account, {
    id: stripeId("re"),
    object: "refund",
    created: Math.floor(request.now() / 1000),
    amount,
    charge: charge.id,
    currency: charge.currency,
    payment_intent: charge.payment_intent ?? null,
    reason: stringField(request.form, "reason") ?? null,
    metadata: objectField(request.form, "metadata"),
    status: "succeeded",
  });
}

function approveReview(request: FakeRequest) {
  const review = mustGet(request, "review", request.params[0] as string);
  if (review.open !== true) throw stripeErrors.invalid("This review has already been closed.");
  review.open = false;
  review.closed_reason = "approved";
  return review;
}

function createWebhookEndpoint(request: FakeRequest) {
  const url = stringField(request.form, "url");
  if (!url) throw stripeErrors.invalid("Missing required param: url.", "parameter_missing", "url");
  const events = request.form.enabled_events;
  return request.store.put(request.account, {
    id: stripeId("we"),
    object: "webhook_endpoint",
    created: Math.floor(request.now() / 1000),
    url,
    enabled_events: Array.isArray(events) ? events : [],
    metadata: objectField(request.form, "metadata"),
    status: "enabled",
    livemode: false,
    secret: `whsec_${stripeId("s").slice(3)}`,
  });
}

function createValueList(request: FakeRequest) {
  const alias = stringField(request.form, "alias");
  const name = stringField(request.form, "name");
  if (!alias || !name)
    throw stripeErrors.invalid("Missing required param: alias.", "parameter_missing", "alias");
  const taken = request.store.list(request.account, "radar.value_list", {
    url: "",
    limit: "100",
    where: (o) => o.alias === alias,
  });
  if (taken.data.length > 0)
    throw stripeErrors.invalid(
      `A value list with alias ${alias} already exists.`,
      "resource_already_exists",
      "alias",
    );
  return request.store.put(request.account, {
    id: stripeId("rsl"),
    object: "radar.value_list",
    created: Math.floor(request.now() / 1000),
    alias,
    name,
    item_type: stringField(request.form, "item_type") ?? "string",
    metadata: objectField(request.form, "metadata"),
  });
}

function createValueListItem(request: FakeRequest) {
  const listId = stringField(request.form, "value_list") ?? "";
  const value = stringField(request.form, "value");
  mustGet(request, "radar.value_list", listId, "value list");
  if (!value) throw stripeErrors.invalid("Missing required param: value.", "parameter_missing", "value");
  const existing = request.store.list(request.account, "radar.value_list_item", {
    url: "",
    limit: "100",
    where: (o) => o.value_list === listId && o.value === value,
  });
  if (existing.data.length > 0)
    throw stripeErrors.invalid(
      `The value ${value} already exists in this list.`,
      "resource_already_exists",
      "value",
    );
  return request.store.put(request.account, {
    id: stripeId("rsli"),
    object: "radar.value_list_item",
    created: Math.floor(request.now() / 1000),
    value,
    value_list: listId,
  });
}

function deleteValueListItem(request: FakeRequest) {
  const item = mustGet(request, "radar.value_list_item", request.params[0] as string, "value list item");
  item.object = "radar.value_list_item.deleted";
  return { id: item.id, object: "radar.value_list_item", deleted: true };
}

export const ROUTES: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
    permission: "rak_payment_intent_write",
    handle: cancelPaymentIntent,
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    permission: "rak_payment_intent_read",
    handle: (r) => mustGet(r, "payment_intent", r.params[0] as string, "payment_intent"),
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_intents$/,
    permission: "rak_payment_intent_read",
    handle: list("payment_intent"),
  },
  { method: "POST", pattern: /^\/v1\/refunds$/, permission: "rak_refund_write", handle: createRefund },
  {
    method: "GET",
    pattern: /^\/v1\/charges\/([^/]+)$/,
    permission: "rak_charge_read",
    handle: (r) => mustGet(r, "charge", r.params[0] as string),
  },
  { method: "GET", pattern: /^\/v1\/charges$/, permission: "rak_charge_read", handle: list("charge") },
  { method: "GET", pattern: /^\/v1\/customers$/, permission: "rak_customer_read", handle: list("customer") },
  { method: "GET", pattern: /^\/v1\/disputes$/, permission: "rak_dispute_read", handle: list("dispute") },
  {
    method: "GET",
    pattern: /^\/v1\/radar\/early_fraud_warnings$/,
    permission: "rak_radar_early_fraud_warning_read",
    handle: list("radar.early_fraud_warning"),
  },
  {
    method: "POST",
    pattern: /^\/v1\/webhook_endpoints$/,
    permission: "rak_webhook_write",
    handle: createWebhookEndpoint,
  },
  {
    method: "POST",
    pattern: /^\/v1\/reviews\/([^/]+)\/approve$/,
    permission: "rak_review_write",
    handle: approveReview,
  },
  {
    method: "GET",
    pattern: /^\/v1\/radar\/value_lists$/,
    permission: "rak_radar_value_list_read",
    handle: list(
      "radar.value_list",
      (r) => (o) => !stringField(r.form, "alias") || o.alias === stringField(r.form, "alias"),
    ),
  },
  {
    method: "POST",
    pattern: /^\/v1\/radar\/value_lists$/,
    permission: "rak_radar_value_list_write",
    handle: createValueList,
  },
  {
    method: "GET",
    pattern: /^\/v1\/radar\/value_list_items$/,
    permission: "rak_radar_value_list_read",
    handle: list(
      "radar.value_list_item",
      (r) => (o) =>
        o.value_list === stringField(r.form, "value_list") &&
        (!stringField(r.form, "value") || o.value === stringField(r.form, "value")),
    ),
  },
  {
    method: "POST",
    pattern: /^\/v1\/radar\/value_list_items$/,
    permission: "rak_radar_value_list_write",
    handle: createValueListItem,
  },
  {
    method: "DELETE",
    pattern: /^\/v1\/radar\/value_list_items\/([^/]+)$/,
    permission: "rak_radar_value_list_write",
    handle: deleteValueListItem,
  },
  {
    method: "GET",
    pattern: /^\/v1\/account$/,
    permission: null,
    handle: (r) => mustGet(r, "account", r.account),
  },
  {
    method: "GET",
    pattern: /^\/v1\/accounts\/([^/]+)$/,
    permission: null,
    handle: (r) => {
      const id = r.params[0] as string;
      const found = r.store.get(id, "account", id);
      if (!found) throw stripeErrors.missing("account", id, "account");
      return found;
    },
  },
];
