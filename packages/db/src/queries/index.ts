export * from "./api-keys";
export * from "./demo";
export * from "./detections";
export * from "./organizations";
export * from "./payments";
export * from "./stripe-events";
export * from "./webhook-endpoints";
export * from "./ping";
