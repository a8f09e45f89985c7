import { boolean, index, integer, pgEnum, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { organization, session, user } from "./auth";
import { createdAt, timestamptz } from "./columns";

export const stripeConnectionMethod = pgEnum("stripe_connection_method", ["oauth", "restricted_key"]);

/**
 * How an organization reaches its Stripe account: Connect OAuth (tokens) or a restricted key the merchant
 * pasted. Every credential is AES-256-GCM ciphertext bound to the organization id (platform `encryptSecret`).
 * A disconnection keeps the row (and all history): `disconnected_at` says processing stopped.
 */
export const stripeConnections = pgTable("stripe_connections", {
  organizationId: text()
    .primaryKey()
    .references(() => organization.id, { onDelete: "cascade" }),
  method: stripeConnectionMethod().notNull(),
  stripeAccountId: text(),
  livemode: boolean().notNull(),
  scope: text(),
  accessTokenCiphertext: text(),
  refreshTokenCiphertext: text(),
  restrictedKeyCiphertext: text(),
  /** The merchant's own endpoint (`webhook_endpoints.id`) for restricted-key connections. */
  webhookEndpointId: text(),
  connectedBy: text(),
  connectedAt: timestamptz().notNull(),
  disconnectedAt: timestamptz(),
  disconnectReason: text(),
});

/**
 * Connect OAuth `state`: random, single-use, bound to the session, the user and the organization that asked,
 * and short-lived. Only its SHA-256 is stored.
 */
export const stripeOauthStates = pgTable(
  "stripe_oauth_states",
  {
    stateHash: text().primaryKey(),
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    sessionId: text()
      .notNull()
      .references(() => session.id, { onDelete: "cascade" }),
    expiresAt: timestamptz().notNull(),
    usedAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.organizationId)],
);

export const backfillStatus = pgEnum("backfill_status", ["running", "done", "failed"]);

/**
 * History import (`stripe.backfill`), one row per organization and resource: the window it covers and the
 * cursor of the last page stored, so an interrupted import resumes where it stopped.
 */
export const stripeBackfills = pgTable(
  "stripe_backfills",
  {
    organizationId: text()
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    resource: text({ enum: ["charges", "disputes", "early_fraud_warnings"] }).notNull(),
    createdFrom: timestamptz().notNull(),
    createdBefore: timestamptz().notNull(),
    /** `starting_after` for the next page; null before the first. */
    cursor: text(),
    imported: integer().notNull().default(0),
    status: backfillStatus().notNull().default("running"),
    lastError: text(),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.resource] })],
);
