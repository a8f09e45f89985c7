export * from "./api-keys";
export * from "./demo";
export * from "./detections";
export * from "./organizations";
export * from "./payments";
export * from "./ping";
export * from "./stripe-events";
export * from "./webhook-endpoints";
