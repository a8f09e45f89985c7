export * from "./context";
export * from "./errors";
export * from "./organizations/organization-settings";
export * from "./stripe-events/process-stripe-event";
export * from "./stripe-events/receive-stripe-webhook";
export * from "./stripe-events/retry-stripe-events";
