/**
 * Where personal data lives. GDPR export and erasure and the retention task are driven by this list:
 * a column that holds personal data and is missing here is a column nobody will ever erase.
 */
export const PERSONAL_DATA_COLUMNS = [
  { table: "customers", column: "email", kind: "email" },
  { table: "customers", column: "name", kind: "name" },
  { table: "transactions", column: "email", kind: "email" },
  { table: "transactions", column: "ip_address", kind: "ip" },
  { table: "transactions", column: "user_agent", kind: "user_agent" },
  { table: "transactions", column: "device_id", kind: "device" },
  { table: "transactions", column: "billing_address_key", kind: "address" },
  { table: "transactions", column: "shipping_address_key", kind: "address" },
  { table: "transactions", column: "metadata", kind: "free_text" },
  { table: "payment_intents", column: "metadata", kind: "free_text" },
  { table: "stripe_events", column: "payload", kind: "raw_payload" },
  { table: "detections", column: "features", kind: "derived" },
  { table: "list_items", column: "value", kind: "free_text" },
  { table: "labels", column: "reason", kind: "free_text" },
  { table: "ai_feedback", column: "reason", kind: "free_text" },
  { table: "ai_feedback", column: "edited_value", kind: "free_text" },
  { table: "user", column: "email", kind: "email" },
  { table: "user", column: "name", kind: "name" },
  { table: "session", column: "ip_address", kind: "ip" },
  { table: "session", column: "user_agent", kind: "user_agent" },
  { table: "invitation", column: "email", kind: "email" },
] as const;

export type PersonalDataColumn = (typeof PERSONAL_DATA_COLUMNS)[number];
