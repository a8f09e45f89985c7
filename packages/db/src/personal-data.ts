/**
 * Where personal data lives, table by table, column by column. GDPR export and erasure and the
 * `data.retention` task read this registry; a test fails when a table or column of the schema is missing from
 * it, so nothing new escapes erasure by being forgotten here.
 */

/** What a personal column holds (for the export's reader and the docs). */
export type PersonalDataKind =
  | "email"
  | "name"
  | "ip"
  | "user_agent"
  | "device"
  | "address"
  | "free_text"
  | "raw_payload"
  | "embedded";

/**
 * What erasure and retention do to a personal column:
 * - `null`: the value goes;
 * - `pseudonymize`: replaced by `pseudo_<hash>` (equal values stay equal within the organization, so
 *   features and dispute matching still group payments, SPEC §F);
 * - `empty`: a JSON object column becomes `{}`;
 * - `redact`: a JSON or text column keeps its shape; the person's own values inside it are replaced;
 * - `delete`: the row goes (a list entry that is nothing but the value).
 */
export type Treatment = "null" | "pseudonymize" | "empty" | "redact" | "delete";

export interface PersonalColumn {
  column: string;
  kind: PersonalDataKind;
  treatment: Treatment;
}

/**
 * How a table's rows belong to one customer of a merchant:
 * - `customer`: `column` is `customers.id`; `stripe_customer`: `column` is the Stripe customer id;
 * - `transaction` / `detection`: `column` points at one of the customer's payments or detections;
 * - `mentions`: `column` (JSON or text) contains one of the customer's ids or values;
 * - `value`: `column` equals one of the customer's values (a list entry);
 * - `none`: not a merchant's customer (members of our own users, secrets, configuration): `why` says so.
 */
export type CustomerLink =
  | {
      by: "customer" | "stripe_customer" | "transaction" | "detection" | "mentions" | "value";
      column: string;
    }
  | { by: "none"; why: string };

export interface TableEntry {
  link: CustomerLink;
  personal: readonly PersonalColumn[];
  /** Every other column, by its database name: none of them holds personal data. */
  other: string;
  /**
   * The column that dates a row for `data.retention`. A table linked by `transaction` is expired with its
   * payment instead (its values are redacted from the payment's own before they are pseudonymized); any
   * other table without it keeps its rows until erasure.
   */
  agedBy?: string;
}

const p = (column: string, kind: PersonalDataKind, treatment: Treatment): PersonalColumn => ({
  column,
  kind,
  treatment,
});

export const PERSONAL_DATA = {
  customers: {
    link: { by: "customer", column: "id" },
    personal: [p("email", "email", "pseudonymize"), p("name", "name", "null")],
    // customer_key is a Stripe id or a hash of the email: kept so a later dispute still finds its customer.
    other:
      "id organization_id customer_key stripe_customer_id livemode stripe_created_at trust_score first_seen_at last_seen_at deleted_at created_at",
    agedBy: "last_seen_at",
  },
  transactions: {
    link: { by: "customer", column: "customer_ref" },
    personal: [
      p("email", "email", "pseudonymize"),
      p("ip_address", "ip", "pseudonymize"),
      p("device_id", "device", "pseudonymize"),
      p("user_agent", "user_agent", "null"),
      p("billing_address_key", "address", "pseudonymize"),
      p("shipping_address_key", "address", "pseudonymize"),
      p("metadata", "free_text", "empty"),
    ],
    other:
      "id organization_id ingest_seq charge_id payment_intent_id customer_ref livemode created_at amount currency status captured failure_code decline_code outcome_type network_status radar_risk_level radar_risk_score card_fingerprint card_brand card_funding card_country card_iin wallet three_d_secure_result cvc_check address_line1_check address_postal_code_check customer_id billing_country shipping_country is_history amount_refunded stripe_event_id updated_at",
    agedBy: "created_at",
  },
  payment_intents: {
    link: { by: "stripe_customer", column: "customer_id" },
    personal: [p("metadata", "free_text", "empty")],
    other:
      "organization_id payment_intent_id customer_id amount currency status livemode evaluation_detection_id created_at updated_at",
    agedBy: "created_at",
  },
  stripe_events: {
    link: { by: "mentions", column: "payload" },
    personal: [p("payload", "raw_payload", "null")],
    other:
      "id organization_id endpoint_id type stripe_account_id livemode api_version stripe_created_at status attempts last_error next_attempt_at detection_id received_at processed_at",
    agedBy: "received_at",
  },
  detections: {
    link: { by: "transaction", column: "transaction_id" },
    // Rule traces record the attribute values they read (`:email:`), and list hits the value that matched.
    personal: [p("trace", "embedded", "redact"), p("features", "embedded", "redact")],
    other:
      "id organization_id transaction_id payment_intent_id source livemode decision risk_score confidence engine_version ruleset_version latency_ms created_at",
  },
  detection_explanations: {
    link: { by: "detection", column: "detection_id" },
    personal: [p("explanation", "embedded", "redact")],
    other: "detection_id organization_id status language source error created_at updated_at",
  },
  labels: {
    link: { by: "transaction", column: "transaction_id" },
    personal: [p("reason", "free_text", "null")],
    other:
      "id organization_id transaction_id charge_id kind source stripe_object_id created_at cleared_at cleared_by",
  },
  trust_score_events: {
    link: { by: "customer", column: "customer_id" },
    personal: [],
    other: "id organization_id customer_id delta score_after reason transaction_id dedupe_key created_at",
  },
  list_items: {
    link: { by: "value", column: "value" },
    personal: [p("value", "free_text", "delete")],
    other: "id list_id organization_id source author expires_at created_at",
  },
  stripe_actions: {
    link: { by: "mentions", column: "request" },
    // Radar list mirroring names the listed value in the object id and the request.
    personal: [p("stripe_object_id", "embedded", "redact"), p("request", "embedded", "redact")],
    other:
      "id organization_id detection_id kind trigger status outcome message stripe_ids dry_run idempotency_key attempts lease_until created_at completed_at",
  },
  task_outbox: {
    link: { by: "mentions", column: "payload" },
    personal: [p("payload", "embedded", "redact"), p("last_error", "embedded", "redact")],
    other:
      "id organization_id task_id dedupe_key status priority attempts run_after lease_until created_at completed_at",
  },
  audit_log: {
    link: { by: "mentions", column: "data" },
    // `recordAudit` takes safe fields only; redacted anyway, because the log outlives every erasure.
    personal: [p("data", "embedded", "redact")],
    other: "id organization_id actor_type actor_id action target_type target_id request_id created_at",
  },
  alerts: {
    link: { by: "mentions", column: "body" },
    personal: [p("title", "embedded", "redact"), p("body", "embedded", "redact")],
    other:
      "id organization_id kind severity dedupe_key count first_seen_at last_seen_at delivery notified_at resolved_at",
  },
  ai_feedback: {
    link: { by: "mentions", column: "edited_value" },
    // An edited whitelist or blacklist proposal holds the values the merchant applied; the reason is free text.
    personal: [p("reason", "free_text", "redact"), p("edited_value", "embedded", "redact")],
    other: "id organization_id kind proposal_id action confidence prompt_version actor created_at",
  },
  incident_summaries: {
    link: {
      by: "none",
      why: "figures of a card-testing incident: counts, amounts, a rule on features, no payer",
    },
    personal: [],
    other:
      "id organization_id alert_id kind started_at last_seen_at attempts blocked distinct_cards amount_blocked suggested_rule suggested_rule_expires_at language text created_at updated_at",
  },
  rule_recommendations: {
    link: { by: "mentions", column: "reject_reason" },
    // Mined rules name shapes and public values only; the merchant's rejection reason is free text.
    personal: [p("reject_reason", "free_text", "redact")],
    other:
      "id organization_id text action pattern evidence backtest rationale rationale_source language rank status rule_id applied_mode decided_by decided_at created_at updated_at",
  },
  lists: {
    link: { by: "none", why: "a list's name and description are the merchant's own words" },
    personal: [],
    other: "id organization_id name kind action description created_by created_at",
  },
  rules: {
    link: { by: "none", why: "rules are the merchant's configuration" },
    personal: [],
    other:
      "id organization_id name action text ast priority mode enabled expires_at version created_by created_at updated_at",
  },
  rule_versions: {
    link: { by: "none", why: "rules are the merchant's configuration" },
    personal: [],
    other: "rule_id version name text ast action priority mode enabled expires_at author created_at",
  },
  ai_usage: {
    link: { by: "none", why: "cost ledger: provider, tokens, cost, no payment data" },
    personal: [],
    other:
      "id organization_id feature provider model prompt_version input_tokens output_tokens cost_micros latency_ms cache_hit outcome error created_at",
  },
  suggestions: {
    link: { by: "value", column: "value" },
    // A suggestion is about one value (a customer key, an IP): it goes with the person.
    personal: [p("value", "free_text", "delete")],
    other:
      "id organization_id kind signal subject facts confidence reasoning reasoning_source prompt_version status decided_at decided_by created_at",
  },
  ai_calibrations: {
    link: { by: "none", why: "acceptance rates per proposal kind, no payment data" },
    personal: [],
    other: "organization_id kind acceptance_rate scale sample_size computed_at",
  },
  api_keys: {
    link: { by: "none", why: "the merchant's credentials (hashed)" },
    personal: [],
    other: "id organization_id name prefix key_hash scopes created_by created_at last_used_at revoked_at",
  },
  webhook_endpoints: {
    link: { by: "none", why: "the merchant's endpoints" },
    personal: [],
    other: "id organization_id stripe_webhook_endpoint_id livemode created_at disabled_at",
  },
  webhook_endpoint_secrets: {
    link: { by: "none", why: "encrypted signing secrets" },
    personal: [],
    other: "id endpoint_id secret_ciphertext created_at expires_at",
  },
  stripe_connections: {
    link: { by: "none", why: "the merchant's Stripe account (encrypted credentials)" },
    personal: [],
    other:
      "organization_id method stripe_account_id livemode scope access_token_ciphertext refresh_token_ciphertext restricted_key_ciphertext webhook_endpoint_id connected_by connected_at disconnected_at disconnect_reason",
  },
  stripe_oauth_states: {
    link: { by: "none", why: "hashed single-use OAuth states" },
    personal: [],
    other: "state_hash organization_id user_id session_id expires_at used_at created_at",
  },
  stripe_backfills: {
    link: { by: "none", why: "import progress" },
    personal: [],
    other:
      "organization_id resource created_from created_before cursor imported status last_error updated_at",
  },
  organization: {
    link: { by: "none", why: "the merchant itself" },
    personal: [],
    other:
      "id name slug logo created_at metadata time_zone reporting_currency locale settings stripe_account_id is_demo",
  },
  user: {
    link: { by: "none", why: "our own users (merchant staff): deleting their account removes them" },
    personal: [p("email", "email", "null"), p("name", "name", "null"), p("image", "free_text", "null")],
    other: "id email_verified created_at updated_at",
  },
  session: {
    link: { by: "none", why: "our own users' sessions, deleted when they expire" },
    personal: [p("ip_address", "ip", "null"), p("user_agent", "user_agent", "null")],
    other: "id expires_at token created_at updated_at user_id active_organization_id",
  },
  account: {
    link: { by: "none", why: "our own users' sign-in methods (hashed password)" },
    personal: [],
    other:
      "id account_id provider_id user_id access_token refresh_token id_token access_token_expires_at refresh_token_expires_at scope password created_at updated_at",
  },
  verification: {
    link: { by: "none", why: "short-lived sign-in tokens; identifier is an email for our own users" },
    personal: [p("identifier", "email", "delete")],
    other: "id value expires_at created_at updated_at",
  },
  member: {
    link: { by: "none", why: "who belongs to which organization" },
    personal: [],
    other: "id organization_id user_id role created_at",
  },
  invitation: {
    link: { by: "none", why: "invitations of our own users, expiring" },
    personal: [p("email", "email", "delete")],
    other: "id organization_id role status expires_at created_at inviter_id",
  },
} as const satisfies Record<string, TableEntry>;

export type PersonalDataTable = keyof typeof PERSONAL_DATA;

/**
 * Caches: none holds a customer's data. The only one, the AI explanation cache, is keyed by reason codes and
 * bucketed evidence and stores a structure whose numbers are rendered from each detection's own trace, so
 * erasure has no cache key to delete (a cache that keys or stores per-customer values must be added here).
 */
export const PERSONAL_DATA_CACHES = [
  { prefix: "explanation:", perCustomer: false, why: "reason codes and bucketed evidence only" },
] as const;

/** The tables that hold a merchant's customers' data: what export reads and erasure changes. */
export const CUSTOMER_TABLES = (Object.keys(PERSONAL_DATA) as PersonalDataTable[]).filter(
  (table) => PERSONAL_DATA[table].link.by !== "none",
);

/** Tables `data.retention` expires by age, payments (`transactions`) and their dependents apart. */
export const AGED_TABLES = (Object.keys(PERSONAL_DATA) as PersonalDataTable[]).filter(
  (table) => table !== "transactions" && (PERSONAL_DATA[table] as TableEntry).agedBy !== undefined,
);

/** Tables whose personal columns follow their payment's retention (detections, labels). */
export const PAYMENT_DEPENDENT_TABLES = CUSTOMER_TABLES.filter((table) => {
  const entry: TableEntry = PERSONAL_DATA[table];
  return entry.link.by === "transaction" && entry.personal.length > 0;
});
