import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { createdAt, timestamptz } from "./columns";

/**
 * A merchant's own endpoint (`POST /api/webhooks/stripe/{id}`), for merchants connected with a restricted
 * key: Stripe generated its signing secret. The platform and Connect endpoints take their secrets from config.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    stripeWebhookEndpointId: text(),
    livemode: boolean().notNull().default(false),
    createdAt: createdAt(),
    disabledAt: timestamptz(),
  },
  (t) => [index().on(t.organizationId)],
);

/** Several secrets per endpoint, so a rolled secret and its predecessor are both accepted until it expires. */
export const webhookEndpointSecrets = pgTable(
  "webhook_endpoint_secrets",
  {
    id: text().primaryKey(),
    endpointId: text()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** AES-256-GCM ciphertext of the `whsec_…` secret (platform `encryptSecret`). */
    secretCiphertext: text().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamptz(),
  },
  (t) => [index().on(t.endpointId)],
);

export const stripeEventStatus = pgEnum("stripe_event_status", [
  "received",
  "processed",
  "failed",
  "dead",
  "ignored",
]);

/**
 * Every verified delivery, committed before any processing: the event id is the idempotency key.
 * received → processed | failed (transient, retried with backoff) | dead (poison) | ignored.
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text().primaryKey(),
    organizationId: text().references(() => organization.id, { onDelete: "cascade" }),
    endpointId: text(),
    type: text().notNull(),
    stripeAccountId: text(),
    livemode: boolean().notNull(),
    apiVersion: text(),
    stripeCreatedAt: timestamptz().notNull(),
    payload: jsonb().$type<Record<string, unknown>>(),
    status: stripeEventStatus().notNull().default("received"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamptz(),
    detectionId: text(),
    receivedAt: createdAt(),
    processedAt: timestamptz(),
  },
  (t) => [
    index().on(t.organizationId, t.receivedAt),
    index("stripe_events_retry_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('received', 'failed')`),
    // A detection's timeline finds the events about its charge and PaymentIntent by these three references.
    ...(["id", "charge", "payment_intent"] as const).map((key) => {
      const reference = sql`(${t.payload}->'data'->'object'->>${sql.raw(`'${key}'`)})`;
      return index(`stripe_events_object_${key}_idx`)
        .on(t.organizationId, reference)
        .where(sql`${reference} is not null`);
    }),
  ],
);
